// The default (v2) format's records, which are nearly all records, read in one pass: each field is
// checked as it is read, the fields are held in locals, and the record is built as one object
// literal (allocated once at its final size instead of grown field by field). Only the plain case
// is handled here: fields separated by single spaces, every value present and valid, end not
// before start, an OK row. Anything else (`-`, IPv6, a bad value, NODATA, runs of spaces) is left
// to the general reader, which gives the same record or the reason there is none. A record this
// accepts is all printable ASCII, since every character is a checked value or a single space; the
// literal's field order is the one the general reader gives this format.
import type {FlowRecord} from '../types/flows.js';
import {maxPort, maxProtocol} from './flow-values.js';
import type {RecordReader} from './record-reader.js';
import {cachedAddress, cachedSlice} from './token-cache.js';
import {tokenIs} from './token-values.js';

const space = 32;
const zero = 48;
const dot = 46;
const anyCount = Number.MAX_SAFE_INTEGER;

// What the last read* call read; the functions return where the next field starts (-1: not plain).
let number = 0;

/** The record when the text is a plain default-format record, otherwise undefined. */
export function readDefaultRecord(reader: RecordReader, text: string): FlowRecord | undefined {
	const {strings} = reader;
	let at = readCount(text, 0, anyCount);
	if (at < 0) {
		return undefined;
	}

	const accountAt = at;
	at = readWord(text, at);
	const interfaceAt = at;
	at = readWord(text, at);
	const srcAddrAt = at;
	at = readIpv4(text, at);
	const srcValue = number;
	const dstAddrAt = at;
	at = readIpv4(text, at);
	const dstValue = number;
	const srcPortAt = at;
	at = readCount(text, at, maxPort);
	const srcPort = number;
	at = readCount(text, at, maxPort);
	const dstPort = number;
	at = readCount(text, at, maxProtocol);
	const protocol = number;
	at = readCount(text, at, anyCount);
	const packets = number;
	at = readCount(text, at, anyCount);
	const bytes = number;
	at = readCount(text, at, anyCount);
	const start = number;
	at = readCount(text, at, anyCount);
	const end = number;
	const action = wordAt(text, at, 'ACCEPT') ? 'ACCEPT' : wordAt(text, at, 'REJECT') ? 'REJECT' : '';
	if (at < 0 || action === '' || end < start || !lastWordIs(text, at + 7, 'OK')) {
		return undefined;
	}

	return {
		interfaceId: cachedSlice(strings, text, interfaceAt, srcAddrAt - 1),
		srcAddr: cachedAddress(strings, text, srcAddrAt, dstAddrAt - 1, srcValue),
		dstAddr: cachedAddress(strings, text, dstAddrAt, srcPortAt - 1, dstValue),
		srcPort,
		dstPort,
		protocol,
		packets,
		bytes,
		start,
		end,
		action,
		logStatus: 'OK',
		extra: extraOf(reader, text, accountAt, interfaceAt),
	};
}

/** A field must end in exactly one space before the next (a plain record has no runs of spaces). */
function next(text: string, end: number): number {
	return text.charCodeAt(end) === space && text.charCodeAt(end + 1) !== space ? end + 1 : -1;
}

/** 1 to 16 digits, a safe integer at most `max` (parseCount), into `number`. */
function readCount(text: string, at: number, max: number): number {
	if (at < 0) {
		return -1;
	}

	let value = 0;
	let index = at;
	for (; index < text.length && index - at <= 16; index++) {
		const digit = text.charCodeAt(index) - zero;
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

	number = value;
	return next(text, index);
}

/** Free text (account, interface): printable, not `-`. */
function readWord(text: string, at: number): number {
	if (at < 0) {
		return -1;
	}

	let index = at;
	for (; index < text.length; index++) {
		const code = text.charCodeAt(index);
		if (code === space) {
			break;
		}

		if (code < space || code > 126) {
			return -1;
		}
	}

	const length = index - at;
	if (length === 0 || (length === 1 && text.charCodeAt(at) === 45)) {
		return -1;
	}

	return next(text, index);
}

/** Four decimal octets 0-255 without leading zeros (isIpv4), its 32-bit value into `number`. */
function readIpv4(text: string, at: number): number {
	if (at < 0) {
		return -1;
	}

	let index = at;
	let address = 0;
	for (let octet = 0; octet < 4; octet++) {
		if (octet > 0) {
			if (text.charCodeAt(index) !== dot) {
				return -1;
			}

			index++;
		}

		const first = index;
		let value = 0;
		for (; index < text.length && index - first < 3; index++) {
			const digit = text.charCodeAt(index) - zero;
			if (digit < 0 || digit > 9) {
				break;
			}

			value = value * 10 + digit;
		}

		const digits = index - first;
		if (digits === 0 || value > 255 || (digits > 1 && text.charCodeAt(first) === zero)) {
			return -1;
		}

		address = address * 256 + value;
	}

	number = address;
	return next(text, index);
}

function wordAt(text: string, at: number, word: string): boolean {
	return at >= 0 && text.startsWith(word, at) && text.charCodeAt(at + word.length) === space;
}

function lastWordIs(text: string, at: number, word: string): boolean {
	return text.length === at + word.length && text.startsWith(word, at);
}

/**
 * The version and account (`text[0..accountAt)` and `text[accountAt..interfaceAt)`, each with its
 * space) as `extra`. Nearly every record of a flow log has the same two, so consecutive records
 * share one (read-only) object.
 */
function extraOf(
	reader: RecordReader,
	text: string,
	accountAt: number,
	interfaceAt: number,
): FlowRecord['extra'] {
	const last = reader.lastExtra;
	if (
		last !== undefined &&
		tokenIs(text, 0, accountAt - 1, last.version ?? '') &&
		tokenIs(text, accountAt, interfaceAt - 1, last['account-id'] ?? '')
	) {
		return last;
	}

	const extra = {
		version: text.slice(0, accountAt - 1),
		'account-id': cachedSlice(reader.strings, text, accountAt, interfaceAt - 1),
	};
	reader.lastExtra = extra;
	return extra;
}
