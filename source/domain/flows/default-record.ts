// The default (v2) format's records, which are nearly all records, read in one pass: each field is
// checked as it is read (scanDefault), then the record is built as one object literal (allocated
// once at its final size instead of grown field by field) or written into a table row. Only the
// plain case is handled here: fields separated by single spaces, every value present and valid,
// end not before start, an OK row. Anything else (`-`, IPv6, a bad value, NODATA, runs of spaces)
// is left to the general reader, which gives the same record or the reason there is none. A record
// this accepts is all printable ASCII, since every character is a checked value or a single space;
// the literal's field order is the one the general reader gives this format.
import type {FlowAction, FlowRecord} from '../types/flows.js';
import {asciiCodesOf} from './ascii-codes.js';
import {actionAt, dash, endsInOk, isWord, next} from './default-record-bytes.js';
import {
	addRow,
	addressId,
	type FlowTable,
	noText,
	numberAt,
	rowFlag,
	wordIdAt,
} from './flow-table.js';
import {maxPort, maxProtocol} from './flow-values.js';
import type {RecordReader} from './record-reader.js';
import {cachedAddress, cachedWord} from './token-cache.js';
import {tokenIs} from './token-values.js';

const zero = 48;
const dot = 46;
const anyCount = Number.MAX_SAFE_INTEGER;

// Where the last plain record's fields lie (`found`) and what its numbers read (`scanned`), as
// scanDefault leaves them for the reader that called it. Doubles in a typed array cost no
// allocation; readers that build objects take the numbers back through numberAt.
const found = new Int32Array(7);
const accountAt = 0;
const accountEnd = 1;
const interfaceAt = 2;
const interfaceEnd = 3;
const srcAddrAt = 4;
const dstAddrAt = 5;
const srcPortAt = 6;
const scanned = new Float64Array(10);
const version = 0;
const srcValue = 1;
const dstValue = 2;
const srcPort = 3;
const dstPort = 4;
const protocol = 5;
const packets = 6;
const bytes = 7;
const start = 8;
const end = 9;

/** The largest value of each count's slot (parseCount's limits), indexed like `scanned`. */
const countLimits = Float64Array.of(
	anyCount,
	0,
	0,
	maxPort,
	maxPort,
	maxProtocol,
	anyCount,
	anyCount,
	anyCount,
	anyCount,
);

/**
 * Scans a plain default-format record into `found` and `scanned`: its action, or '' when the text
 * is not plain (the general reader decides then). Interface and account are located, not checked.
 * `codes` are the text's characters (asciiCodesOf): a text with any other character is not plain.
 */
function scanDefault(text: string, codes: Uint8Array): FlowAction | '' {
	let at = readCount(codes, 0, anyCount, version);
	if (at < 0) {
		return '';
	}

	// Account and interface are found natively and checked character by character only when the
	// words cache has not seen them (it holds checked words only).
	found[accountAt] = at;
	const accountEnds = text.indexOf(' ', at);
	found[accountEnd] = accountEnds;
	at = next(codes, accountEnds);
	found[interfaceAt] = at;
	const interfaceEnds = at < 0 ? -1 : text.indexOf(' ', at);
	found[interfaceEnd] = interfaceEnds;
	at = next(codes, interfaceEnds);
	found[srcAddrAt] = at;
	at = readIpv4(codes, at, srcValue);
	found[dstAddrAt] = at;
	at = readIpv4(codes, at, dstValue);
	found[srcPortAt] = at;
	// The seven counts in a row, in one loop: seven calls of readCount are more than the compiler
	// inlines into this function, and a call per field costs about what reading it does.
	for (let slot = srcPort; slot <= end && at >= 0; slot++) {
		let value = 0;
		let index = at;
		for (; index - at <= 16; index++) {
			const digit = (codes[index] ?? 0) - zero;
			// Past the end the codes are 0, which fails this test too.
			if (!(digit >= 0 && digit <= 9)) {
				break;
			}

			value = value * 10 + digit;
		}

		const digits = index - at;
		if (digits < 1 || digits > 16 || value > (countLimits[slot] ?? 0)) {
			at = -1;
		} else {
			scanned[slot] = value;
			at = next(codes, index);
		}
	}

	const action = actionAt(codes, at);
	if (
		action === '' ||
		(scanned[end] ?? 0) < (scanned[start] ?? 0) ||
		!endsInOk(codes, text.length, at + 7)
	) {
		return '';
	}

	return action;
}

/** The record when the text is a plain default-format record, otherwise undefined. */
export function readDefaultRecord(reader: RecordReader, text: string): FlowRecord | undefined {
	const codes = asciiCodesOf(text);
	const action = codes === undefined ? '' : scanDefault(text, codes);
	if (action === '') {
		return undefined;
	}

	const interfaceId = wordOf(reader, text, found[interfaceAt] ?? 0, found[interfaceEnd] ?? 0);
	const extra = extraOf(reader, text);
	if (interfaceId === undefined || extra === undefined) {
		return undefined;
	}

	const {strings} = reader;
	const dstAt = found[dstAddrAt] ?? 0;
	return {
		interfaceId,
		srcAddr: cachedAddress(strings, text, found[srcAddrAt] ?? 0, dstAt - 1, scanned[srcValue] ?? 0),
		dstAddr: cachedAddress(
			strings,
			text,
			dstAt,
			(found[srcPortAt] ?? 0) - 1,
			scanned[dstValue] ?? 0,
		),
		srcPort: numberAt(scanned, srcPort),
		dstPort: numberAt(scanned, dstPort),
		protocol: numberAt(scanned, protocol),
		packets: numberAt(scanned, packets),
		bytes: numberAt(scanned, bytes),
		start: numberAt(scanned, start),
		end: numberAt(scanned, end),
		action,
		logStatus: 'OK',
		extra,
	};
}

/**
 * Adds a plain default-format record to the table, the same values readDefaultRecord would give;
 * false (and nothing added) when the text is not one.
 */
export function addDefaultRow(text: string, table: FlowTable): boolean {
	const codes = asciiCodesOf(text);
	const action = codes === undefined ? '' : scanDefault(text, codes);
	if (codes === undefined || action === '') {
		return false;
	}

	// The interface and the account by their characters: the table keeps neither the account nor
	// strings it does not need, but both must be words (extraOf's test). The account is only
	// checked: looking it up among the kept words would cost a hash and the same comparisons.
	const interfaceId = tableWord(
		table,
		codes,
		text,
		found[interfaceAt] ?? 0,
		found[interfaceEnd] ?? 0,
	);
	if (interfaceId < 0 || !isWord(codes, found[accountAt] ?? 0, found[accountEnd] ?? 0)) {
		return false;
	}

	const row = addRow(table);
	const dstAt = found[dstAddrAt] ?? 0;
	table.interfaceIds[row] = interfaceId;
	table.srcAddrs[row] = addressId(
		table,
		text,
		found[srcAddrAt] ?? 0,
		dstAt - 1,
		scanned[srcValue] ?? 0,
	);
	table.dstAddrs[row] = addressId(
		table,
		text,
		dstAt,
		(found[srcPortAt] ?? 0) - 1,
		scanned[dstValue] ?? 0,
	);
	table.pktSrcAddrs[row] = noText;
	table.srcPorts[row] = scanned[srcPort] ?? 0;
	table.dstPorts[row] = scanned[dstPort] ?? 0;
	table.protocols[row] = scanned[protocol] ?? 0;
	table.packets[row] = scanned[packets] ?? 0;
	table.bytes[row] = scanned[bytes] ?? 0;
	table.starts[row] = scanned[start] ?? 0;
	table.ends[row] = scanned[end] ?? 0;
	table.tcpFlags[row] = 0;
	table.flags[row] =
		rowFlag.ok |
		(action === 'ACCEPT' ? rowFlag.accept : rowFlag.reject) |
		rowFlag.hasProtocol |
		rowFlag.hasDstPort;
	return true;
}

/** 1 to 16 digits, a safe integer at most `max` (parseCount), into `scanned[slot]`. */
function readCount(codes: Uint8Array, at: number, max: number, slot: number): number {
	if (at < 0) {
		return -1;
	}

	let value = 0;
	let index = at;
	// The zeros past the end stop it there.
	for (; index - at <= 16; index++) {
		const digit = (codes[index] ?? 0) - zero;
		if (digit < 0 || digit > 9) {
			break;
		}

		// Exact up to 2^53; past it the sum only grows, so the safe-integer test below still fails.
		value = value * 10 + digit;
	}

	const digits = index - at;
	if (digits < 1 || digits > 16 || value > max || value > Number.MAX_SAFE_INTEGER) {
		return -1;
	}

	scanned[slot] = value;
	return next(codes, index);
}

/** Free text (account, interface): printable, not `-`; undefined otherwise. */
function wordOf(
	reader: RecordReader,
	text: string,
	start: number,
	end: number,
): string | undefined {
	if (end - start === 1 && text.charCodeAt(start) === dash) {
		return undefined;
	}

	return cachedWord(reader.words, text, start, end);
}

/** wordOf's test, giving the word's id in the table (-1: not a word). */
function tableWord(
	table: FlowTable,
	codes: Uint8Array,
	text: string,
	start: number,
	end: number,
): number {
	if (end - start === 1 && codes[start] === dash) {
		return -1;
	}

	return wordIdAt(table, codes, text, start, end);
}

/** Four decimal octets 0-255 without leading zeros (isIpv4), its 32-bit value into `scanned[slot]`. */
function readIpv4(codes: Uint8Array, at: number, slot: number): number {
	if (at < 0) {
		return -1;
	}

	let index = at;
	let address = 0;
	for (let octet = 0; octet < 4; octet++) {
		if (octet > 0) {
			if (codes[index] !== dot) {
				return -1;
			}

			index++;
		}

		const first = index;
		let value = 0;
		// The zeros past the end stop it there.
		for (; index - first < 3; index++) {
			const digit = (codes[index] ?? 0) - zero;
			if (digit < 0 || digit > 9) {
				break;
			}

			value = value * 10 + digit;
		}

		const digits = index - first;
		if (digits === 0 || value > 255 || (digits > 1 && codes[first] === zero)) {
			return -1;
		}

		address = address * 256 + value;
	}

	scanned[slot] = address;
	return next(codes, index);
}

/**
 * The scanned version and account (`text[0..accountAt)`, `text[accountAt..accountEnd)`) as `extra`.
 * Nearly every record of a flow log has the same two, so consecutive records share one (read-only)
 * object; the version compares as a number, since equally long digit strings of one value are one
 * text.
 */
function extraOf(reader: RecordReader, text: string): FlowRecord['extra'] | undefined {
	const versionValue = scanned[version] ?? 0;
	const accountStart = found[accountAt] ?? 0;
	const accountStop = found[accountEnd] ?? 0;
	const last = reader.lastExtra;
	if (
		last !== undefined &&
		versionValue === reader.lastVersion &&
		accountStart === reader.lastVersionLength + 1 &&
		tokenIs(text, accountStart, accountStop, reader.lastAccount)
	) {
		return last;
	}

	const account = wordOf(reader, text, accountStart, accountStop);
	if (account === undefined) {
		return undefined;
	}

	const extra = {version: text.slice(0, accountStart - 1), 'account-id': account};
	reader.lastExtra = extra;
	reader.lastVersion = versionValue;
	reader.lastVersionLength = accountStart - 1;
	reader.lastAccount = account;
	return extra;
}
