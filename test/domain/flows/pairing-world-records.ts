// The records a world's legs leave: each direction of a leg, one record per 60-second aggregation
// window it spans, each record's start and end up to a minute late (aws-facts.md §1: `start` "might
// be up to 60 seconds after the packet"), independently of every other record's.
import type {FlowAction, FlowRecord} from '../../../source/domain/types/flows.js';

const aggregationSeconds = 60;
const maxLagSeconds = 60;

export type Direction = {
	readonly packets: number;
	readonly bytes: number;
	readonly action: FlowAction;
};

export type LegSpec = {
	/** The connection (or health check, or probe) the leg belongs to. */
	readonly owner: string;
	readonly interfaceId: string;
	readonly srcAddr: string;
	readonly srcPort: number;
	readonly dstAddr: string;
	readonly dstPort: number;
	/** Unix seconds: the leg's first and last packet. */
	readonly first: number;
	readonly last: number;
	readonly forward: Direction;
	readonly reverse?: Direction;
};

/** The leg's identity in the world: interface and 5-tuple, initiator first. */
export function legKey(leg: {
	readonly interfaceId: string;
	readonly srcAddr: string;
	readonly srcPort: number;
	readonly dstAddr: string;
	readonly dstPort: number;
	readonly protocol: number;
}): string {
	return `${leg.interfaceId} ${leg.protocol} ${leg.srcAddr}:${leg.srcPort}>${leg.dstAddr}:${leg.dstPort}`;
}

export type LegRecords = {
	readonly records: readonly FlowRecord[];
	/** `legKey` of every leg -> its owner. */
	readonly owner: ReadonlyMap<string, string>;
};

/** Every leg's records; the lags come from `seed`, so a world is a pure function of its spec. */
export function legRecords(legs: readonly LegSpec[], seed: number): LegRecords {
	const lag = lagSource(seed);
	const records: FlowRecord[] = [];
	const owner = new Map<string, string>();
	for (const leg of legs) {
		owner.set(legKey({...leg, protocol: 6}), leg.owner);
		records.push(...directionRecords(leg, leg.forward, false, lag));
		if (leg.reverse !== undefined) {
			records.push(...directionRecords(leg, leg.reverse, true, lag));
		}
	}

	return {records, owner};
}

function lagSource(seed: number): () => number {
	let state = seed >>> 0;
	return () => {
		state = (state + 0x6d_2b_79_f5) >>> 0;
		let value = state;
		value = Math.imul(value ^ (value >>> 15), value | 1);
		value ^= value + Math.imul(value ^ (value >>> 7), value | 61);
		return ((value ^ (value >>> 14)) >>> 0) % (maxLagSeconds + 1);
	};
}

function directionRecords(
	leg: LegSpec,
	direction: Direction,
	reverse: boolean,
	lag: () => number,
): FlowRecord[] {
	const windows: number[] = [];
	for (
		let window = Math.floor(leg.first / aggregationSeconds) * aggregationSeconds;
		window <= leg.last;
		window += aggregationSeconds
	) {
		windows.push(window);
	}

	// A window without a packet of this direction has no record of it.
	const used = windows.slice(0, Math.max(1, Math.min(windows.length, direction.packets)));
	const records: FlowRecord[] = [];
	let packetsLeft = direction.packets;
	let bytesLeft = direction.bytes;
	for (const [index, window] of used.entries()) {
		const remaining = used.length - index;
		const packets = index === used.length - 1 ? packetsLeft : Math.floor(packetsLeft / remaining);
		const bytes = index === used.length - 1 ? bytesLeft : Math.floor(bytesLeft / remaining);
		packetsLeft -= packets;
		bytesLeft -= bytes;
		const first = Math.max(leg.first, window);
		const last = Math.min(leg.last, window + aggregationSeconds - 1);
		const start = first + lag();
		records.push({
			interfaceId: leg.interfaceId,
			logStatus: 'OK',
			srcAddr: reverse ? leg.dstAddr : leg.srcAddr,
			dstAddr: reverse ? leg.srcAddr : leg.dstAddr,
			srcPort: reverse ? leg.dstPort : leg.srcPort,
			dstPort: reverse ? leg.srcPort : leg.dstPort,
			protocol: 6,
			packets,
			bytes,
			start,
			end: Math.max(start, last + lag()),
			action: direction.action,
			extra: {},
		});
	}

	return records;
}
