// Flow records grouped by conversation: one interface, one protocol, one unordered pair of endpoints
// (both directions of a 5-tuple). Records that cannot belong to a conversation (NODATA/SKIPDATA rows,
// missing addresses or protocol) are left out.
//
// This runs once per record, so the key is made of small integers rather than a joined string:
// interfaces and addresses get dense ids, and a conversation is looked up by those and its ports in
// a table of integers, without allocating or hashing text beyond the two address lookups.
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
		const tupleId = conversationId(
			ids,
			record.interfaceId,
			protocol,
			srcAddr,
			srcPort,
			dstAddr,
			dstPort,
			tuples.length,
		);
		if (tupleId === tuples.length) {
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

	// Sized up front and filled in place: Array.from({length}) walks a generic iterable, which costs
	// as much as the grouping itself.
	const grouped = new Array<FlowRecord>(offset);
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
	readonly addrs: DenseIds;
	readonly interfaces: DenseIds;
	/**
	 * Open-addressed table of conversations whose ports and protocol are in range (every parsed
	 * record's): per slot the interface, protocol, and both endpoints (address id, port), the lower
	 * first, in `keys`; the tuple id + 1 in `values` (0: free). Six integers compare faster than
	 * three nested Map lookups and two more for endpoint ids.
	 */
	readonly keys: Int32Array;
	readonly values: Int32Array;
	readonly mask: number;
	/** Hand-made records (fractional, negative or huge ports or protocols) keep the Map keys. */
	readonly odd: OddIds;
};

type OddIds = {
	/** At least the number of endpoints the records can name, so a pair of ids is one number. */
	readonly endpointCount: number;
	readonly endpoints: Map<number | string, number>;
	/** Interface -> protocol -> conversation -> tuple id. */
	readonly places: Map<string, Map<number, Map<number, number>>>;
};

const keyWidth = 6;

function createIds(recordCount: number): Ids {
	// At most two thirds full (and a third when a conversation has three records), so probes stay
	// short without a table several times the records' size.
	let slots = 16;
	while (slots < recordCount + (recordCount >> 1)) {
		slots *= 2;
	}

	return {
		addrs: createDenseIds(),
		interfaces: createDenseIds(),
		keys: new Int32Array(keyWidth * slots),
		values: new Int32Array(slots),
		mask: slots - 1,
		odd: {endpointCount: 2 * recordCount + 1, endpoints: new Map(), places: new Map()},
	};
}

const portCount = 65_536;
const protocolCount = 256;

/** An integer in [0, count): -0 included, as Map keys took it for 0. */
function isSmall(value: number, count: number): boolean {
	return Number.isInteger(value) && value >= 0 && value < count;
}

/**
 * The tuple id of the conversation, or `nextId` after taking it for a conversation not seen yet.
 * The sides are in any fixed order: the tuple's own sides come from its first record.
 */
function conversationId(
	ids: Ids,
	interfaceId: string,
	protocol: number,
	srcAddr: string,
	srcPort: number,
	dstAddr: string,
	dstPort: number,
	nextId: number,
): number {
	if (
		!isSmall(protocol, protocolCount) ||
		!isSmall(srcPort, portCount) ||
		!isSmall(dstPort, portCount)
	) {
		return oddConversationId(
			ids,
			interfaceId,
			protocol,
			srcAddr,
			srcPort,
			dstAddr,
			dstPort,
			nextId,
		);
	}

	const place = denseId(ids.interfaces, interfaceId);
	const kind = protocol | 0;
	const srcId = denseId(ids.addrs, srcAddr);
	const dstId = denseId(ids.addrs, dstAddr);
	const srcFirst = srcId < dstId || (srcId === dstId && srcPort <= dstPort);
	const lowAddr = srcFirst ? srcId : dstId;
	const lowPort = (srcFirst ? srcPort : dstPort) | 0;
	const highAddr = srcFirst ? dstId : srcId;
	const highPort = (srcFirst ? dstPort : srcPort) | 0;
	const {keys, values, mask} = ids;
	let hash = Math.imul(place ^ (kind << 16), 0x9e_37_79_b1);
	hash = Math.imul(hash ^ lowAddr, 0x85_eb_ca_6b);
	hash = Math.imul(hash ^ lowPort, 0xc2_b2_ae_35);
	hash = Math.imul(hash ^ highAddr, 0x27_d4_eb_2f);
	hash = Math.imul(hash ^ highPort, 0x16_56_67_b1);
	for (let slot = (hash ^ (hash >>> 15)) & mask; ; slot = (slot + 1) & mask) {
		const value = values[slot] ?? 0;
		const at = keyWidth * slot;
		if (value === 0) {
			keys[at] = place;
			keys[at + 1] = kind;
			keys[at + 2] = lowAddr;
			keys[at + 3] = lowPort;
			keys[at + 4] = highAddr;
			keys[at + 5] = highPort;
			values[slot] = nextId + 1;
			return nextId;
		}

		if (
			keys[at] === place &&
			keys[at + 1] === kind &&
			keys[at + 2] === lowAddr &&
			keys[at + 3] === lowPort &&
			keys[at + 4] === highAddr &&
			keys[at + 5] === highPort
		) {
			return value - 1;
		}
	}
}

/**
 * Dense ids of strings. A Map lookup hashes and compares the text; a record's addresses and
 * interface are nearly always among the last few hundred seen, so a direct-mapped table of them,
 * indexed by a few characters and checked by equality, answers first.
 */
type DenseIds = {
	readonly known: Map<string, number>;
	readonly recentTexts: (string | undefined)[];
	readonly recentIds: Int32Array;
};

const recentSlots = 512;
const recentShift = 32 - Math.log2(recentSlots);

function createDenseIds(): DenseIds {
	return {
		known: new Map(),
		recentTexts: new Array<string | undefined>(recentSlots).fill(undefined),
		recentIds: new Int32Array(recentSlots),
	};
}

function denseId(ids: DenseIds, text: string): number {
	const {length} = text;
	// Addresses and interface ids differ most in their last characters; digits and dots are close
	// together, so the characters are mixed by multiplication and the top bits pick the slot.
	let hash = Math.imul(length ^ text.charCodeAt(length - 1), 0x9e_37_79_b1);
	hash = Math.imul(hash ^ text.charCodeAt(length - 2), 0x85_eb_ca_6b);
	hash = Math.imul(hash ^ text.charCodeAt(length - 3), 0xc2_b2_ae_35);
	hash = Math.imul(hash ^ text.charCodeAt(length - 4), 0x27_d4_eb_2f);
	const slot = hash >>> recentShift;
	if (ids.recentTexts[slot] === text) {
		return ids.recentIds[slot] ?? 0;
	}

	const {known} = ids;
	let id = known.get(text);
	if (id === undefined) {
		id = known.size;
		known.set(text, id);
	}

	ids.recentTexts[slot] = text;
	ids.recentIds[slot] = id;
	return id;
}

function oddConversationId(
	ids: Ids,
	interfaceId: string,
	protocol: number,
	srcAddr: string,
	srcPort: number,
	dstAddr: string,
	dstPort: number,
	nextId: number,
): number {
	const {odd} = ids;
	const source = endpointId(ids, srcAddr, srcPort);
	const destination = endpointId(ids, dstAddr, dstPort);
	const conversation =
		source <= destination
			? odd.endpointCount * source + destination
			: odd.endpointCount * destination + source;
	const here = conversationsOf(odd, interfaceId, protocol);
	const known = here.get(conversation);
	if (known !== undefined) {
		return known;
	}

	here.set(conversation, nextId);
	return nextId;
}

function endpointId(ids: Ids, addr: string, port: number): number {
	const addrId = denseId(ids.addrs, addr);
	// A record's port is 0-65535; a hand-made one may be anything, and is keyed as `${addr}|${port}`
	// always was (so -0 and 0 are one port).
	const key = isSmall(port, portCount) ? addrId * portCount + port : `${addrId}|${port}`;
	const {endpoints} = ids.odd;
	let id = endpoints.get(key);
	if (id === undefined) {
		id = endpoints.size;
		endpoints.set(key, id);
	}

	return id;
}

function conversationsOf(odd: OddIds, interfaceId: string, protocol: number): Map<number, number> {
	let protocols = odd.places.get(interfaceId);
	if (protocols === undefined) {
		protocols = new Map();
		odd.places.set(interfaceId, protocols);
	}

	let conversations = protocols.get(protocol);
	if (conversations === undefined) {
		conversations = new Map();
		protocols.set(protocol, conversations);
	}

	return conversations;
}
