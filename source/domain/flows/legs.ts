// Flow records into legs: both directions of one 5-tuple on one interface, merged across aggregation
// intervals for as long as the conversation continues.
import type {DirectionStats, FlowAction, FlowLeg, FlowRecord} from '../types/flows.js';
import type {Topology} from '../types/topology.js';
import {type Endpoint, type Orientation, orientLeg} from './leg-orientation.js';
import {indexTopology, type TargetEndpoint, type TopologyIndex} from './topology-index.js';

export type LegOptions = {
	/** The flow logs' aggregation interval in seconds (60 or 600). */
	readonly aggregationSeconds?: number;
	/**
	 * How many silent intervals end a connection: a client that reuses its source port after a longer
	 * gap is making a new connection, not continuing the old one.
	 */
	readonly newConnectionAfterIntervals?: number;
};

export type LegDraft = {
	readonly leg: FlowLeg;
	/** The initiator's address as the packet carried it (pkt-srcaddr when the interface rewrote it). */
	readonly originAddr: string;
	readonly targets: readonly TargetEndpoint[];
};

export const defaultAggregationSeconds = 60;
const defaultNewConnectionAfterIntervals = 3;

export function buildLegs(
	records: readonly FlowRecord[],
	topology: Topology,
	options: LegOptions = {},
): FlowLeg[] {
	return buildLegDrafts(records, indexTopology(topology), options).map((draft) => draft.leg);
}

type Tuple = {
	readonly interfaceId: string;
	readonly protocol: number;
	readonly a: Endpoint;
	readonly b: Endpoint;
	readonly records: FlowRecord[];
};

export function buildLegDrafts(
	records: readonly FlowRecord[],
	index: TopologyIndex,
	options: LegOptions = {},
): LegDraft[] {
	const aggregationSeconds = options.aggregationSeconds ?? defaultAggregationSeconds;
	const gapSeconds =
		aggregationSeconds *
		(options.newConnectionAfterIntervals ?? defaultNewConnectionAfterIntervals);
	const drafts: LegDraft[] = [];
	for (const tuple of groupByTuple(records).values()) {
		const orientation = orientLeg(index, tuple.interfaceId, tuple.a, tuple.b, tuple.records);
		if (orientation === undefined) {
			continue;
		}

		for (const session of splitSessions(tuple.records, gapSeconds)) {
			drafts.push(draftOf(tuple, orientation, session));
		}
	}

	return drafts;
}

function groupByTuple(records: readonly FlowRecord[]): Map<string, Tuple> {
	const tuples = new Map<string, Tuple>();
	for (const record of records) {
		const {srcAddr, dstAddr, protocol} = record;
		if (record.logStatus !== 'OK' || !srcAddr || !dstAddr || protocol === undefined) {
			continue;
		}

		// Protocols without ports (ICMP) still form one conversation per address pair.
		const source = {addr: srcAddr, port: record.srcPort ?? 0};
		const destination = {addr: dstAddr, port: record.dstPort ?? 0};
		const [a, b] = ordered(source, destination);
		const key = [record.interfaceId, protocol, a.addr, a.port, b.addr, b.port].join('|');
		const known = tuples.get(key);
		if (known === undefined) {
			tuples.set(key, {interfaceId: record.interfaceId, protocol, a, b, records: [record]});
		} else {
			known.records.push(record);
		}
	}

	return tuples;
}

function ordered(first: Endpoint, second: Endpoint): [Endpoint, Endpoint] {
	const firstKey = `${first.addr}|${first.port}`;
	const secondKey = `${second.addr}|${second.port}`;
	return firstKey <= secondKey ? [first, second] : [second, first];
}

function splitSessions(records: readonly FlowRecord[], gapSeconds: number): FlowRecord[][] {
	const sorted = [...records].sort(
		(left, right) => left.start - right.start || left.end - right.end,
	);
	const sessions: FlowRecord[][] = [];
	let current: FlowRecord[] = [];
	let currentEnd = Number.NEGATIVE_INFINITY;
	for (const record of sorted) {
		if (current.length > 0 && record.start - currentEnd > gapSeconds) {
			sessions.push(current);
			current = [];
		}

		current.push(record);
		currentEnd = current.length === 1 ? record.end : Math.max(currentEnd, record.end);
	}

	if (current.length > 0) {
		sessions.push(current);
	}

	return sessions;
}

function draftOf(tuple: Tuple, orientation: Orientation, records: readonly FlowRecord[]): LegDraft {
	const {client, server} = orientation;
	const isForward = (record: FlowRecord) =>
		record.srcAddr === client.addr && (record.srcPort ?? 0) === client.port;
	const forwardRecords = records.filter((record) => isForward(record));
	const reverseRecords = records.filter((record) => !isForward(record));
	const forward = directionOf(forwardRecords);
	const reverse = directionOf(reverseRecords);
	const action: FlowAction =
		forward?.action === 'REJECT' || reverse?.action === 'REJECT' ? 'REJECT' : 'ACCEPT';
	const leg: FlowLeg = {
		role: orientation.role,
		interfaceId: tuple.interfaceId,
		...(orientation.zone === undefined ? {} : {availabilityZone: orientation.zone}),
		protocol: tuple.protocol,
		srcAddr: client.addr,
		srcPort: client.port,
		dstAddr: server.addr,
		dstPort: server.port,
		action,
		packets: (forward?.packets ?? 0) + (reverse?.packets ?? 0),
		bytes: (forward?.bytes ?? 0) + (reverse?.bytes ?? 0),
		start: records.reduce((earliest, record) => Math.min(earliest, record.start), Infinity),
		end: records.reduce((latest, record) => Math.max(latest, record.end), 0),
		...(forward === undefined ? {} : {forward}),
		...(reverse === undefined ? {} : {reverse}),
	};
	const rewritten = forwardRecords.find(
		(record) => record.pktSrcAddr !== undefined && record.pktSrcAddr !== record.srcAddr,
	);
	return {leg, originAddr: rewritten?.pktSrcAddr ?? client.addr, targets: orientation.targets};
}

function directionOf(records: readonly FlowRecord[]): DirectionStats | undefined {
	if (records.length === 0) {
		return undefined;
	}

	let packets = 0;
	let bytes = 0;
	let action: FlowAction = 'ACCEPT';
	for (const record of records) {
		packets += record.packets ?? 0;
		bytes += record.bytes ?? 0;
		// A format without the action field cannot show rejects; ACCEPT is the only claim left.
		if (record.action === 'REJECT') {
			action = 'REJECT';
		}
	}

	return {packets, bytes, action, records: records.length};
}
