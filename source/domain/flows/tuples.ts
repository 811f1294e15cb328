// Flow records grouped by conversation: one interface, one protocol, one unordered pair of endpoints
// (both directions of a 5-tuple). Records that cannot belong to a conversation (NODATA/SKIPDATA rows,
// missing or empty addresses, no protocol) are left out.
//
// This runs once per record, so the key is made of small integers rather than a joined string: the
// table already names interfaces and addresses by id, and a conversation is looked up by those and
// its ports in a table of integers, without allocating or hashing text.
// The groups share one array of row numbers (`rows`, grouped by tuple) instead of an array per tuple.
import {type FlowTable, numberAt, rowFlag} from './flow-table.js';

export type Tuple = {
	interfaceId: string;
	/** The interface's text id in the table. */
	interfaceTextId: number;
	protocol: number;
	/** Side a is the first record's source, side b its destination; orientLeg says which serves. */
	aAddr: string;
	aPort: number;
	bAddr: string;
	bPort: number;
	/** The addresses' text ids in the table. */
	aAddrId: number;
	bAddrId: number;
	/** The tuple's rows are `rows[from..to)` of its Tuples, in the order they came. */
	from: number;
	to: number;
};

/**
 * The conversations as columns, in the order their first records came: thousands of them a refresh,
 * read one at a time (readTuple) into one reused Tuple rather than kept as objects.
 */
export type Tuples = {
	readonly count: number;
	readonly interfaceIds: Int32Array;
	readonly protocols: Float64Array;
	readonly aAddrIds: Int32Array;
	readonly aPorts: Float64Array;
	readonly bAddrIds: Int32Array;
	readonly bPorts: Float64Array;
	readonly froms: Int32Array;
	readonly tos: Int32Array;
	/** Row numbers of the table, grouped by tuple. */
	readonly rows: Int32Array;
};

export function createTuple(): Tuple {
	return {
		interfaceId: '',
		interfaceTextId: 0,
		protocol: 0,
		aAddr: '',
		aPort: 0,
		bAddr: '',
		bPort: 0,
		aAddrId: 0,
		bAddrId: 0,
		from: 0,
		to: 0,
	};
}

/** Tuple `index` of the table's tuples, written into `into` (and returned). */
export function readTuple(table: FlowTable, tuples: Tuples, index: number, into: Tuple): Tuple {
	const {texts} = table;
	const aAddrId = tuples.aAddrIds[index] ?? 0;
	const bAddrId = tuples.bAddrIds[index] ?? 0;
	const interfaceTextId = tuples.interfaceIds[index] ?? 0;
	into.interfaceId = texts[interfaceTextId] ?? '';
	into.interfaceTextId = interfaceTextId;
	into.protocol = numberAt(tuples.protocols, index);
	into.aAddr = texts[aAddrId] ?? '';
	into.aPort = numberAt(tuples.aPorts, index);
	into.bAddr = texts[bAddrId] ?? '';
	into.bPort = numberAt(tuples.bPorts, index);
	into.aAddrId = aAddrId;
	into.bAddrId = bAddrId;
	into.from = tuples.froms[index] ?? 0;
	into.to = tuples.tos[index] ?? 0;
	return into;
}

export function groupByTuple(table: FlowTable): Tuples {
	const {length} = table;
	// At most one tuple a row.
	const tuples: Grouping = {
		count: 0,
		interfaceIds: new Int32Array(length),
		protocols: new Float64Array(length),
		aAddrIds: new Int32Array(length),
		aPorts: new Float64Array(length),
		bAddrIds: new Int32Array(length),
		bPorts: new Float64Array(length),
		froms: new Int32Array(length),
		tos: new Int32Array(length),
		rows: new Int32Array(0),
	};
	// Each pass is a function of its own with nothing after its loop: V8 compiles a long loop while
	// the first call runs, before the code after it has run, and keeps that code for later calls;
	// code after the loop without type feedback would leave the compiled loop at every call's end.
	const tupleOf = new Int32Array(length).fill(-1);
	tuples.count = findTuples(table, tuples, tupleOf);
	tuples.rows = new Int32Array(layOutGroups(tuples));
	placeRows(tuples, tupleOf);
	return tuples;
}

type Grouping = {-readonly [Key in keyof Tuples]: Tuples[Key]};

/** Each record's tuple (in `tupleOf`) and each tuple's record count (in `tos`, for now). */
function findTuples(table: FlowTable, tuples: Grouping, tupleOf: Int32Array): number {
	const {length, texts, flags, interfaceIds, srcAddrs, dstAddrs, srcPorts, dstPorts, protocols} =
		table;
	const ids = createIds(length);
	const {aAddrIds, aPorts, bAddrIds, bPorts, tos} = tuples;
	let count = 0;
	const needed = rowFlag.ok | rowFlag.hasProtocol;
	for (let row = 0; row < length; row++) {
		const srcId = srcAddrs[row] ?? -1;
		const dstId = dstAddrs[row] ?? -1;
		// Id 0 is the empty text, which names no endpoint either.
		if (((flags[row] ?? 0) & needed) !== needed || srcId <= 0 || dstId <= 0) {
			continue;
		}

		// Protocols without ports (ICMP) still form one conversation per address pair.
		const place = interfaceIds[row] ?? 0;
		const protocol = protocols[row] ?? 0;
		const srcPort = srcPorts[row] ?? 0;
		const dstPort = dstPorts[row] ?? 0;
		const tupleId = conversationId(ids, place, protocol, srcId, srcPort, dstId, dstPort, count);
		if (tupleId === count) {
			count++;
			tuples.interfaceIds[tupleId] = place;
			tuples.protocols[tupleId] = protocol;
			const inOrder = sidesInOrder(texts, srcId, srcPort, dstId, dstPort);
			aAddrIds[tupleId] = inOrder ? srcId : dstId;
			aPorts[tupleId] = inOrder ? srcPort : dstPort;
			bAddrIds[tupleId] = inOrder ? dstId : srcId;
			bPorts[tupleId] = inOrder ? dstPort : srcPort;
		}

		tupleOf[row] = tupleId;
		tos[tupleId] = (tos[tupleId] ?? 0) + 1;
	}

	return count;
}

/** Lays the groups out one after another: each tuple's `froms`, and the rows they need. */
function layOutGroups(tuples: Grouping): number {
	const {froms, tos, count} = tuples;
	let offset = 0;
	for (let tuple = 0; tuple < count; tuple++) {
		froms[tuple] = offset;
		offset += tos[tuple] ?? 0;
		tos[tuple] = froms[tuple] ?? 0;
	}

	return offset;
}

/** Each group's rows in record order; `tos` ends each group. */
function placeRows(tuples: Grouping, tupleOf: Int32Array): void {
	const {rows, tos} = tuples;
	for (let row = 0; row < tupleOf.length; row++) {
		const tuple = tupleOf[row] ?? -1;
		if (tuple >= 0) {
			const at = tos[tuple] ?? 0;
			rows[at] = row;
			tos[tuple] = at + 1;
		}
	}
}

/**
 * Whether the first record's source can be side a. orientLeg treats the sides alike as long as a
 * record's endpoint equals one of them; a NaN port (only a hand-made record has one) equals
 * neither, and there the sides keep the order pairing has always given them, by `${addr}|${port}`.
 */
function sidesInOrder(
	texts: readonly string[],
	srcId: number,
	srcPort: number,
	dstId: number,
	dstPort: number,
): boolean {
	if (!Number.isNaN(srcPort) && !Number.isNaN(dstPort)) {
		return true;
	}

	return `${texts[srcId] ?? ''}|${srcPort}` <= `${texts[dstId] ?? ''}|${dstPort}`;
}

type Ids = {
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
	/** Interface id -> protocol -> conversation -> tuple id. */
	readonly places: Map<number, Map<number, Map<number, number>>>;
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
	place: number,
	protocol: number,
	srcId: number,
	srcPort: number,
	dstId: number,
	dstPort: number,
	nextId: number,
): number {
	if (
		!isSmall(protocol, protocolCount) ||
		!isSmall(srcPort, portCount) ||
		!isSmall(dstPort, portCount)
	) {
		return oddConversationId(ids, place, protocol, srcId, srcPort, dstId, dstPort, nextId);
	}

	const kind = protocol | 0;
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

function oddConversationId(
	ids: Ids,
	place: number,
	protocol: number,
	srcId: number,
	srcPort: number,
	dstId: number,
	dstPort: number,
	nextId: number,
): number {
	const {odd} = ids;
	const source = endpointId(ids, srcId, srcPort);
	const destination = endpointId(ids, dstId, dstPort);
	const conversation =
		source <= destination
			? odd.endpointCount * source + destination
			: odd.endpointCount * destination + source;
	const here = conversationsOf(odd, place, protocol);
	const known = here.get(conversation);
	if (known !== undefined) {
		return known;
	}

	here.set(conversation, nextId);
	return nextId;
}

function endpointId(ids: Ids, addrId: number, port: number): number {
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

function conversationsOf(odd: OddIds, place: number, protocol: number): Map<number, number> {
	let protocols = odd.places.get(place);
	if (protocols === undefined) {
		protocols = new Map();
		odd.places.set(place, protocols);
	}

	let conversations = protocols.get(protocol);
	if (conversations === undefined) {
		conversations = new Map();
		protocols.set(protocol, conversations);
	}

	return conversations;
}
