// The default (v2) format's records, which are nearly all records, read in one pass: each field is
// checked as it is read, the fields are held in locals, and the record is built as one object
// literal (allocated once at its final size instead of grown field by field). Only the plain case
// is handled here: fields separated by single spaces, every value present and valid, end not
// before start, an OK row. Anything else (`-`, IPv6, a bad value, NODATA, runs of spaces) is left
// to the general reader, which gives the same record or the reason there is none. A record this
// accepts is all printable ASCII, since every character is a checked value or a single space; the
// literal's field order is the one the general reader gives this format.
import type {FlowAction, FlowRecord} from '../types/flows.js';
import {maxPort, maxProtocol} from './flow-values.js';
import type {RecordReader} from './record-reader.js';
import {cachedAddress, cachedWord} from './token-cache.js';
import {tokenIs} from './token-values.js';

const space = 32;
const zero = 48;
const dot = 46;
const anyCount = Number.MAX_SAFE_INTEGER;

// What the last read* call read; the functions return where the next field starts (-1: not plain).
// A plain variable, not a typed array: a Float64Array hands back doubles, and records built from
// them would box every number field instead of holding small integers in place.
let number = 0;

/** The record when the text is a plain default-format record, otherwise undefined. */
export function readDefaultRecord(reader: RecordReader, text: string): FlowRecord | undefined {
	let at = readCount(text, 0, anyCount);
	if (at < 0) {
		return undefined;
	}

	const version = number;
	// Account and interface are found natively and checked character by character only when the
	// words cache has not seen them (it holds checked words only).
	const accountAt = at;
	const accountEnd = text.indexOf(' ', accountAt);
	at = next(text, accountEnd);
	const interfaceAt = at;
	const interfaceEnd = at < 0 ? -1 : text.indexOf(' ', at);
	at = next(text, interfaceEnd);
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
	const action = actionAt(text, at);
	if (action === '' || end < start || !endsInOk(text, at + 7)) {
		return undefined;
	}

	const interfaceId = wordOf(reader, text, interfaceAt, interfaceEnd);
	const extra = extraOf(reader, text, version, accountAt, accountEnd);
	if (interfaceId === undefined || extra === undefined) {
		return undefined;
	}

	const {strings} = reader;
	return {
		interfaceId,
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
		extra,
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

const dash = 45;

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

/** The action at `at` (followed by a space), or '' when there is none. */
function actionAt(text: string, at: number): FlowAction | '' {
	if (at < 0 || text.charCodeAt(at + 6) !== space) {
		return '';
	}

	if (hasWord(text, at, 'ACCEPT')) {
		return 'ACCEPT';
	}

	return hasWord(text, at, 'REJECT') ? 'REJECT' : '';
}

/** Compared in place: a startsWith call per record costs more than the six characters. */
function hasWord(text: string, at: number, word: string): boolean {
	for (let index = 0; index < word.length; index++) {
		if (text.charCodeAt(at + index) !== word.charCodeAt(index)) {
			return false;
		}
	}

	return true;
}

/** `OK` ends the text at `at`. */
function endsInOk(text: string, at: number): boolean {
	return text.length === at + 2 && text.charCodeAt(at) === 79 && text.charCodeAt(at + 1) === 75;
}

/**
 * The version and account (`text[0..accountAt)`, `text[accountAt..accountEnd)`) as `extra`.
 * Nearly every record of a flow log has the same two, so consecutive records share one (read-only)
 * object; the version compares as a number, since equally long digit strings of one value are one
 * text.
 */
function extraOf(
	reader: RecordReader,
	text: string,
	version: number,
	accountAt: number,
	accountEnd: number,
): FlowRecord['extra'] | undefined {
	const last = reader.lastExtra;
	if (
		last !== undefined &&
		version === reader.lastVersion &&
		accountAt === reader.lastVersionLength + 1 &&
		tokenIs(text, accountAt, accountEnd, reader.lastAccount)
	) {
		return last;
	}

	const account = wordOf(reader, text, accountAt, accountEnd);
	if (account === undefined) {
		return undefined;
	}

	const extra = {version: text.slice(0, accountAt - 1), 'account-id': account};
	reader.lastExtra = extra;
	reader.lastVersion = version;
	reader.lastVersionLength = accountAt - 1;
	reader.lastAccount = account;
	return extra;
}
