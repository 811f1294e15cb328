// Flow records as columns: what pairing and aggregation read of each record, in typed arrays, with
// interfaces and addresses as ids into one list of texts. Parsing can write a record's fields here
// directly (parseFlowTable), so ten thousand records cost a few arrays instead of ten thousand
// objects for the garbage collector to copy, and the per-record work downstream compares integers
// instead of hashing strings. Any FlowRecord fits (flowTableOf): numbers are kept as they are,
// NaN and -0 included, so a table and its records pair and aggregate alike.
import type {FlowAction, FlowRecord} from '../types/flows.js';
import {asciiCodesOf} from './ascii-codes.js';

/** Bits of a row's `flags`. */
export const rowFlag = {
	/** log-status OK: the only rows that carry traffic. */
	ok: 1,
	accept: 2,
	reject: 4,
	hasProtocol: 8,
	hasDstPort: 16,
	hasTcpFlags: 32,
} as const;

/** A text id for an absent interface or address; id 0 is always the empty text. */
export const noText = -1;

export type FlowTable = {
	/** Rows in use; the columns may be longer. */
	length: number;
	/** Interned interface ids and addresses, indexed by the id columns. */
	readonly texts: string[];
	readonly textIds: Map<string, number>;
	interfaceIds: Int32Array;
	srcAddrs: Int32Array;
	dstAddrs: Int32Array;
	pktSrcAddrs: Int32Array;
	/** Absent ports, packets and bytes are 0, as pairing and aggregation read them. */
	srcPorts: Float64Array;
	dstPorts: Float64Array;
	protocols: Float64Array;
	packets: Float64Array;
	bytes: Float64Array;
	starts: Float64Array;
	ends: Float64Array;
	tcpFlags: Float64Array;
	flags: Uint8Array;
	/** IPv4 addresses by their 32-bit value (direct-mapped), so a repeated one needs no text. */
	readonly addressValues: Float64Array;
	readonly addressIds: Int32Array;
	/** 32 less log2 of the address slots: a hash's top bits pick the slot. */
	readonly addressShift: number;
	/** The last texts interned, by identity: repeated strings skip the Map (direct-mapped). */
	readonly recentTexts: (string | undefined)[];
	readonly recentIds: Int32Array;
	/**
	 * Ids of words (interface ids) read from a record's text and checked to be printable ASCII
	 * without spaces, by a hash of their characters (direct-mapped; 0: none): see wordId.
	 */
	readonly wordIds: Int32Array;
	/**
	 * Each kept word's characters (at most wordRoom), compared instead of the text: an interned
	 * text is usually a slice of a record's, and reading characters through a slice costs more.
	 */
	readonly wordCodes: Uint8Array;
};

// A refresh's records hold hundreds of distinct addresses (a client each): two that share a slot
// push each other out at every record, so the slots grow with the rows, up to one for every two.
const minAddressSlots = 1024;
const maxAddressSlots = 16_384;
const recentSlots = 256;
const wordSlots = 256;
/** Interface ids are 12 or 21 characters; longer words are checked and looked up each time. */
const wordRoom = 32;
const recentShift = 32 - Math.log2(recentSlots);

export function createFlowTable(capacity = 1024): FlowTable {
	const rows = Math.max(16, capacity);
	let addressSlots = minAddressSlots;
	while (addressSlots < maxAddressSlots && 2 * addressSlots < rows) {
		addressSlots *= 2;
	}

	return {
		length: 0,
		texts: [''],
		textIds: new Map([['', 0]]),
		interfaceIds: new Int32Array(rows),
		srcAddrs: new Int32Array(rows),
		dstAddrs: new Int32Array(rows),
		pktSrcAddrs: new Int32Array(rows),
		srcPorts: new Float64Array(rows),
		dstPorts: new Float64Array(rows),
		protocols: new Float64Array(rows),
		packets: new Float64Array(rows),
		bytes: new Float64Array(rows),
		starts: new Float64Array(rows),
		ends: new Float64Array(rows),
		tcpFlags: new Float64Array(rows),
		flags: new Uint8Array(rows),
		addressValues: new Float64Array(addressSlots).fill(-1),
		addressIds: new Int32Array(addressSlots),
		addressShift: Math.clz32(addressSlots) + 1,
		recentTexts: new Array<string | undefined>(recentSlots).fill(undefined),
		recentIds: new Int32Array(recentSlots),
		wordIds: new Int32Array(wordSlots),
		wordCodes: new Uint8Array(wordSlots * wordRoom),
	};
}

/** The index of a new row, growing the columns when they are full; the caller fills every column. */
export function addRow(table: FlowTable): number {
	const row = table.length;
	if (row === table.flags.length) {
		grow(table, 2 * row);
	}

	table.length = row + 1;
	return row;
}

function grow(table: FlowTable, rows: number): void {
	table.interfaceIds = widened(table.interfaceIds, new Int32Array(rows));
	table.srcAddrs = widened(table.srcAddrs, new Int32Array(rows));
	table.dstAddrs = widened(table.dstAddrs, new Int32Array(rows));
	table.pktSrcAddrs = widened(table.pktSrcAddrs, new Int32Array(rows));
	table.srcPorts = widened(table.srcPorts, new Float64Array(rows));
	table.dstPorts = widened(table.dstPorts, new Float64Array(rows));
	table.protocols = widened(table.protocols, new Float64Array(rows));
	table.packets = widened(table.packets, new Float64Array(rows));
	table.bytes = widened(table.bytes, new Float64Array(rows));
	table.starts = widened(table.starts, new Float64Array(rows));
	table.ends = widened(table.ends, new Float64Array(rows));
	table.tcpFlags = widened(table.tcpFlags, new Float64Array(rows));
	table.flags = widened(table.flags, new Uint8Array(rows));
}

function widened<Column extends Int32Array | Float64Array | Uint8Array>(
	column: Column,
	wider: Column,
): Column {
	wider.set(column);
	return wider;
}

/** The text's id, taking the next one for a text not seen yet. */
export function textId(table: FlowTable, text: string): number {
	const {length} = text;
	if (length === 0) {
		return 0;
	}

	// Interface ids and addresses differ most in their last characters.
	let hash = Math.imul(length ^ text.charCodeAt(length - 1), 0x9e_37_79_b1);
	hash = Math.imul(hash ^ text.charCodeAt(length > 1 ? length - 2 : 0), 0x85_eb_ca_6b);
	const slot = hash >>> recentShift;
	if (table.recentTexts[slot] === text) {
		return table.recentIds[slot] ?? 0;
	}

	let id = table.textIds.get(text);
	if (id === undefined) {
		id = table.texts.length;
		const own = ownText(text);
		table.texts.push(own);
		table.textIds.set(own, id);
	}

	table.recentTexts[slot] = text;
	table.recentIds[slot] = id;
	return id;
}

/**
 * The text as a string of its own. A slice of 13 characters or more (V8's threshold) refers into
 * the record's text: every character read of it (pairing hashes the ids of thousands of legs) goes
 * through the slice, and it keeps the whole record's text alive as long as the table.
 */
function ownText(text: string): string {
	if (text.length < 13 || text.length > maxOwnText) {
		return text;
	}

	const codes = new Array<number>(text.length);
	for (let index = 0; index < text.length; index++) {
		codes[index] = text.charCodeAt(index);
	}

	return String.fromCharCode(...codes);
}

// Interface ids and addresses are far shorter; a longer text is kept as it came.
const maxOwnText = 64;

/**
 * The id of the word `text[start..end)` when it is printable ASCII without spaces (a record's
 * interface id), otherwise -1.
 */
export function wordId(table: FlowTable, text: string, start: number, end: number): number {
	const codes = asciiCodesOf(text);
	if (codes !== undefined) {
		return wordIdAt(table, codes, text, start, end);
	}

	// Another character of the text is not ASCII; the word may still be.
	for (let index = start; index < end; index++) {
		const code = text.charCodeAt(index);
		if (code <= space || code > tilde) {
			return -1;
		}
	}

	return end > start ? textId(table, text.slice(start, end)) : -1;
}

/**
 * wordId of a text whose character codes are `codes` (asciiCodesOf). A word seen before is found
 * by comparing its characters with the ones it was given, with neither a slice nor a hash of a
 * string; only checked words are kept, so a word found needs no check.
 */
export function wordIdAt(
	table: FlowTable,
	codes: Uint8Array,
	text: string,
	start: number,
	end: number,
): number {
	const length = end - start;
	if (length <= 0) {
		return -1;
	}

	// Interface ids differ most in their last characters, but two of a handful may share their last
	// two (eni-…a001, eni-…b001), and each would push the other out at every record: four are read.
	// Before a short word they are the previous token's (or nothing), which only moves the slot.
	let hash = Math.imul(length ^ (codes[end - 1] ?? 0), 0x9e_37_79_b1);
	hash = Math.imul(hash ^ (codes[end - 2] ?? 0), 0x85_eb_ca_6b);
	hash = Math.imul(hash ^ (codes[end - 3] ?? 0), 0xc2_b2_ae_35);
	hash = Math.imul(hash ^ (codes[end - 4] ?? 0), 0x27_d4_eb_2f);
	const slot = (hash ^ (hash >>> 16)) & (wordSlots - 1);
	const known = table.wordIds[slot] ?? 0;
	const kept = table.wordCodes;
	const at = slot * wordRoom;
	if (known > 0 && (table.texts[known]?.length ?? -1) === length && length <= wordRoom) {
		let same = true;
		// From the end, where ids differ.
		for (let index = length - 1; index >= 0; index--) {
			if (codes[start + index] !== kept[at + index]) {
				same = false;
				break;
			}
		}

		if (same) {
			return known;
		}
	}

	for (let index = start; index < end; index++) {
		const code = codes[index] ?? 0;
		if (code <= space || code > tilde) {
			return -1;
		}
	}

	const id = textId(table, text.slice(start, end));
	if (length <= wordRoom) {
		for (let index = 0; index < length; index++) {
			kept[at + index] = codes[start + index] ?? 0;
		}

		table.wordIds[slot] = id;
	}

	return id;
}

const space = 32;
const tilde = 126;

/**
 * The id of the canonical IPv4 address `text[start..end)` whose 32-bit value the caller has read:
 * equal values are equal texts, so a value seen before needs neither a slice nor a lookup.
 */
export function addressId(
	table: FlowTable,
	text: string,
	start: number,
	end: number,
	value: number,
): number {
	const slot = Math.imul(value | 0, 0x9e_37_79_b1) >>> table.addressShift;
	if (table.addressValues[slot] === value) {
		return table.addressIds[slot] ?? 0;
	}

	const id = textId(table, text.slice(start, end));
	table.addressValues[slot] = value;
	table.addressIds[slot] = id;
	return id;
}

/**
 * The column's value as objects should hold it. A Float64Array hands back doubles, and an object
 * built from doubles boxes its number fields; a whole number in int32 range goes back as one, so
 * legs and sums keep small integers in place. -0 stays -0.
 */
export function numberAt(column: Float64Array, row: number): number {
	const value = column[row] ?? 0;
	const integer = value | 0;
	return integer === value && (integer !== 0 || 1 / value > 0) ? integer : value;
}

/** The text of an id, undefined for an absent one. */
export function textOf(table: FlowTable, id: number): string | undefined {
	return id < 0 ? undefined : table.texts[id];
}

export function actionOf(table: FlowTable, row: number): FlowAction | undefined {
	const flags = table.flags[row] ?? 0;
	if ((flags & rowFlag.accept) !== 0) {
		return 'ACCEPT';
	}

	return (flags & rowFlag.reject) === 0 ? undefined : 'REJECT';
}

/** Appends a record as it is, every value kept. */
export function addRecord(table: FlowTable, record: FlowRecord): void {
	const row = addRow(table);
	table.interfaceIds[row] = textId(table, record.interfaceId);
	table.srcAddrs[row] = optionalText(table, record.srcAddr);
	table.dstAddrs[row] = optionalText(table, record.dstAddr);
	table.pktSrcAddrs[row] = optionalText(table, record.pktSrcAddr);
	table.srcPorts[row] = record.srcPort ?? 0;
	table.dstPorts[row] = record.dstPort ?? 0;
	table.protocols[row] = record.protocol ?? 0;
	table.packets[row] = record.packets ?? 0;
	table.bytes[row] = record.bytes ?? 0;
	table.starts[row] = record.start;
	table.ends[row] = record.end;
	table.tcpFlags[row] = record.tcpFlags ?? 0;
	table.flags[row] =
		(record.logStatus === 'OK' ? rowFlag.ok : 0) |
		(record.action === 'ACCEPT' ? rowFlag.accept : 0) |
		(record.action === 'REJECT' ? rowFlag.reject : 0) |
		(record.protocol === undefined ? 0 : rowFlag.hasProtocol) |
		(record.dstPort === undefined ? 0 : rowFlag.hasDstPort) |
		(record.tcpFlags === undefined ? 0 : rowFlag.hasTcpFlags);
}

function optionalText(table: FlowTable, text: string | undefined): number {
	return text === undefined ? noText : textId(table, text);
}

/** The records as a table, in their order. */
export function flowTableOf(records: readonly FlowRecord[]): FlowTable {
	const table = createFlowTable(records.length);
	for (let position = 0; position < records.length; position++) {
		const record = records[position];
		if (record !== undefined) {
			addRecord(table, record);
		}
	}

	return table;
}
