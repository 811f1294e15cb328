// Flow records grouped by conversation: one interface, one protocol, one unordered pair of endpoints
// (both directions of a 5-tuple). Records that cannot belong to a conversation (NODATA/SKIPDATA rows,
// missing addresses or protocol) are left out.
//
// This runs once per record, so the key is made of small integers rather than a joined string:
// addresses get dense ids, endpoints (address id, port) get dense ids, and a conversation is the
// pair of its endpoint ids; small integers are Map keys V8 neither allocates nor hashes as text.
// The groups share one array (`records`, grouped by tuple) instead of an array per tuple.
import type {FlowRecord} from '../types/flows.js';

export type Tuple = {
	readonly interfaceId: string;
	readonly protocol: number;
	/** Side a is the first record's source, side b its destination; orientLeg says which serves. */
	readonly aAddr: string;
	readonly aPort: number;
	readonly bAddr: string;
	readonly bPort: number;
	/** The tuple's records are `records[from..to)` of its Tuples, in the order they came. */
	from: number;
	to: number;
};

export type Tuples = {
	/** In the order their first records came. */
	readonly tuples: readonly Tuple[];
	readonly records: FlowRecord[];
};

export function groupByTuple(records: readonly FlowRecord[]): Tuples {
	const ids = createIds(records.length);
	const tuples: Tuple[] = [];
	// First pass: each record's tuple, and how many records each tuple has (in `to`, for now).
	const tupleOf = new Int32Array(records.length).fill(-1);
	// Index loops: this is the per-record hot path, and entries() pairs would be garbage.
	for (let position = 0; position < records.length; position++) {
		const record = records[position];
		if (record === undefined) {
			continue;
		}

		const {srcAddr, dstAddr, protocol} = record;
		if (record.logStatus !== 'OK' || !srcAddr || !dstAddr || protocol === undefined) {
			continue;
		}

		// Protocols without ports (ICMP) still form one conversation per address pair.
		const srcPort = record.srcPort ?? 0;
		const dstPort = record.dstPort ?? 0;
		const source = endpointId(ids, srcAddr, srcPort);
		const destination = endpointId(ids, dstAddr, dstPort);
		const conversation =
			source <= destination
				? ids.endpointCount * source + destination
				: ids.endpointCount * destination + source;
		const here = conversationsOf(ids, record.interfaceId, protocol);
		let tupleId = here.get(conversation);
		if (tupleId === undefined) {
			tupleId = tuples.length;
			here.set(conversation, tupleId);
			tuples.push(
				sidesInOrder(srcAddr, srcPort, dstAddr, dstPort)
					? newTuple(record.interfaceId, protocol, srcAddr, srcPort, dstAddr, dstPort)
					: newTuple(record.interfaceId, protocol, dstAddr, dstPort, srcAddr, srcPort),
			);
		}

		tupleOf[position] = tupleId;
		const tuple = tuples[tupleId];
		if (tuple !== undefined) {
			tuple.to++;
		}
	}

	// Second pass: lay the groups out one after another, each in record order.
	let offset = 0;
	for (const tuple of tuples) {
		tuple.from = offset;
		offset += tuple.to;
		tuple.to = tuple.from;
	}

	const grouped: FlowRecord[] = Array.from({length: offset});
	for (let position = 0; position < records.length; position++) {
		const record = records[position];
		const tuple = tuples[tupleOf[position] ?? -1];
		if (record !== undefined && tuple !== undefined) {
			grouped[tuple.to++] = record;
		}
	}

	return {tuples, records: grouped};
}

function newTuple(
	interfaceId: string,
	protocol: number,
	aAddr: string,
	aPort: number,
	bAddr: string,
	bPort: number,
): Tuple {
	return {interfaceId, protocol, aAddr, aPort, bAddr, bPort, from: 0, to: 0};
}

/**
 * Whether the first record's source can be side a. orientLeg treats the sides alike as long as a
 * record's endpoint equals one of them; a NaN port (only a hand-made record has one) equals
 * neither, and there the sides keep the order pairing has always given them, by `${addr}|${port}`.
 */
function sidesInOrder(srcAddr: string, srcPort: number, dstAddr: string, dstPort: number): boolean {
	if (!Number.isNaN(srcPort) && !Number.isNaN(dstPort)) {
		return true;
	}

	return `${srcAddr}|${srcPort}` <= `${dstAddr}|${dstPort}`;
}

type Ids = {
	/** At least the number of endpoints the records can name, so a pair of ids is one number. */
	readonly endpointCount: number;
	readonly addrs: Map<string, number>;
	readonly endpoints: Map<number | string, number>;
	/** Interface -> protocol -> conversation -> tuple id. */
	readonly places: Map<string, Map<number, Map<number, number>>>;
};

function createIds(recordCount: number): Ids {
	return {
		endpointCount: 2 * recordCount + 1,
		addrs: new Map(),
		endpoints: new Map(),
		places: new Map(),
	};
}

const portCount = 65_536;

function endpointId(ids: Ids, addr: string, port: number): number {
	let addrId = ids.addrs.get(addr);
	if (addrId === undefined) {
		addrId = ids.addrs.size;
		ids.addrs.set(addr, addrId);
	}

	// A record's port is 0-65535; a hand-made one may be anything, and is keyed as `${addr}|${port}`
	// always was (so -0 and 0 are one port).
	const key =
		Number.isInteger(port) && port >= 0 && port < portCount
			? addrId * portCount + port
			: `${addrId}|${port}`;
	let id = ids.endpoints.get(key);
	if (id === undefined) {
		id = ids.endpoints.size;
		ids.endpoints.set(key, id);
	}

	return id;
}

function conversationsOf(ids: Ids, interfaceId: string, protocol: number): Map<number, number> {
	let protocols = ids.places.get(interfaceId);
	if (protocols === undefined) {
		protocols = new Map();
		ids.places.set(interfaceId, protocols);
	}

	let conversations = protocols.get(protocol);
	if (conversations === undefined) {
		conversations = new Map();
		protocols.set(protocol, conversations);
	}

	return conversations;
}
