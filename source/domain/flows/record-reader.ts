// Reading flow records fast: a format is turned once into a list of field kinds, and each record is
// scanned once for its token boundaries; values are then read in place. The checks, their order and
// the failure reasons are those of the field-by-field definition in flow-record.ts's documentation:
// trim, length, printable ASCII, field count, then each field in format order. Records of the
// default format first try a faster way in (default-record.ts) that gives the same records.
import type {FlowRecord} from '../types/flows.js';
import {addDefaultRow, readDefaultRecord} from './default-record.js';
import {kindOf} from './field-kinds.js';
import {defaultFormatFields} from './flow-fields.js';
import type {FlowFormat} from './flow-format.js';
import {addRecord, type FlowTable} from './flow-table.js';
import {type Draft, readFields} from './record-fields.js';
import {createTokenCache, type TokenCache} from './token-cache.js';

export type RecordReader = {
	readonly fields: readonly string[];
	readonly kinds: readonly number[];
	/** Start and end offsets of the current record's tokens; reused from record to record. */
	readonly bounds: Int32Array;
	readonly strings: TokenCache;
	/**
	 * Accounts and interfaces the default format's fast way has checked: a token found here needs no
	 * character check, so only checked words may go in (never the general reader's tokens).
	 */
	readonly words: TokenCache;
	/** The default (v2) format, which has a faster way in (default-record.ts). */
	readonly isDefault: boolean;
	/** The last `extra` the default format's fast way made, to share with the next record. */
	lastExtra: FlowRecord['extra'] | undefined;
	/** Its version's value and length (equal digit strings of equal value are the same text). */
	lastVersion: number;
	lastVersionLength: number;
	lastAccount: string;
};

const readers = new WeakMap<FlowFormat, RecordReader>();

export function readerOf(format: FlowFormat): RecordReader {
	const known = readers.get(format);
	if (known !== undefined) {
		return known;
	}

	const fields = [...format.fields];
	const reader: RecordReader = {
		fields,
		kinds: fields.map((field) => kindOf(field)),
		bounds: new Int32Array(2 * fields.length),
		strings: createTokenCache(),
		words: createTokenCache(),
		isDefault:
			fields.length === defaultFormatFields.length &&
			fields.every((field, index) => field === defaultFormatFields[index]),
		lastExtra: undefined,
		lastVersion: -1,
		lastVersionLength: 0,
		lastAccount: '',
	};
	readers.set(format, reader);
	return reader;
}

// Real records stay far below this; a longer line is not a flow record.
const maxMessageLength = 16_384;
const printableAscii = /^[\x20-\x7E]*$/;

/** The record, or why the text is not one. */
export function readRecord(
	reader: RecordReader,
	message: string | undefined,
	contextInterfaceId: string | undefined,
	contextTimestamp: number | undefined,
): FlowRecord | string {
	const text = recordText(message);
	if (text === undefined) {
		return messageProblem(message);
	}

	const plain = reader.isDefault ? readDefaultRecord(reader, text) : undefined;
	return plain ?? readByFormat(reader, text, contextInterfaceId, contextTimestamp);
}

/** Adds the record to the table; undefined when it did, otherwise why the text is not a record. */
export function readRow(
	reader: RecordReader,
	table: FlowTable,
	message: string | undefined,
	contextInterfaceId: string | undefined,
	contextTimestamp: number | undefined,
): string | undefined {
	return addPlainRow(reader, table, message)
		? undefined
		: readSlowRow(reader, table, message, contextInterfaceId, contextTimestamp);
}

/** readRow for a message addPlainRow has already turned down: the general reader only. */
export function readSlowRow(
	reader: RecordReader,
	table: FlowTable,
	message: string | undefined,
	contextInterfaceId: string | undefined,
	contextTimestamp: number | undefined,
): string | undefined {
	const text = recordText(message);
	return text === undefined
		? messageProblem(message)
		: addByFormat(reader, table, text, contextInterfaceId, contextTimestamp);
}

function addByFormat(
	reader: RecordReader,
	table: FlowTable,
	text: string,
	contextInterfaceId: string | undefined,
	contextTimestamp: number | undefined,
): string | undefined {
	const record = readByFormat(reader, text, contextInterfaceId, contextTimestamp);
	if (typeof record === 'string') {
		return record;
	}

	addRecord(table, record);
	return undefined;
}

/**
 * Adds the message when it is a plain default-format record (default-record.ts), which needs no
 * context; false (and nothing added) otherwise, for readRow to decide.
 */
export function addPlainRow(
	reader: RecordReader,
	table: FlowTable,
	message: string | undefined,
): boolean {
	if (!reader.isDefault) {
		return false;
	}

	const text = recordText(message);
	return text !== undefined && addDefaultRow(text, table);
}

/** The trimmed text when it can be a record (not empty, not too long), otherwise undefined. */
function recordText(message: string | undefined): string | undefined {
	if (typeof message !== 'string') {
		return undefined;
	}

	// Records nearly always begin and end in a printable character: only the others are trimmed.
	const {length} = message;
	const text =
		length > 0 && isPrintable(message.charCodeAt(0)) && isPrintable(message.charCodeAt(length - 1))
			? message
			: message.trim();
	return text === '' || text.length > maxMessageLength ? undefined : text;
}

/** Printable ASCII other than space: never trimmed. */
function isPrintable(code: number): boolean {
	return code > 32 && code < 127;
}

function messageProblem(message: string | undefined): string {
	if (typeof message !== 'string') {
		return 'no message';
	}

	return message.trim() === '' ? 'empty message' : 'message too long';
}

/** The record in trimmed text of at most the longest length, read field by field. */
export function readByFormat(
	reader: RecordReader,
	text: string,
	contextInterfaceId: string | undefined,
	contextTimestamp: number | undefined,
): FlowRecord | string {
	const tokens = scanTokens(reader, text);
	if (tokens < 0) {
		// Flow records are plain ASCII; control bytes mean a corrupted or hostile line.
		return 'control or non-ASCII characters';
	}

	if (tokens !== reader.fields.length) {
		return `expected ${reader.fields.length} fields, found ${tokens}`;
	}

	const draft: Draft = {};
	const extra: Record<string, string> = {};
	const problem = readFields(reader, text, draft, extra);
	return problem ?? complete(draft, extra, contextInterfaceId, contextTimestamp);
}

/**
 * Counts the space-separated tokens of trimmed text (as `split(/ +/)` would) and records the
 * boundaries of as many as the format has fields; -1 when a character is not printable ASCII. The
 * whole text is checked before the count is, as a garbled line must say so whatever its length.
 * The regular expression and indexOf run natively: a loop over the characters costs twice as much.
 */
function scanTokens(reader: RecordReader, text: string): number {
	if (!printableAscii.test(text)) {
		return -1;
	}

	const {bounds} = reader;
	const room = bounds.length;
	let tokens = 0;
	let from = 0;
	for (;;) {
		const space = text.indexOf(' ', from);
		const end = space < 0 ? text.length : space;
		// Runs of spaces leave empty stretches between them; they separate, they are not tokens.
		if (end > from) {
			if (2 * tokens < room) {
				bounds[2 * tokens] = from;
				bounds[2 * tokens + 1] = end;
			}

			tokens++;
		}

		if (space < 0) {
			return tokens;
		}

		from = space + 1;
	}
}

function complete(
	draft: Draft,
	extra: Record<string, string>,
	contextInterfaceId: string | undefined,
	contextTimestamp: number | undefined,
): FlowRecord | string {
	const interfaceId = draft.interfaceId ?? contextInterfaceId;
	if (interfaceId === undefined) {
		return 'no interface-id';
	}

	const start = draft.start ?? contextTimestamp;
	if (start === undefined) {
		return 'no start time';
	}

	const end = draft.end ?? start;
	if (end < start) {
		return 'end before start';
	}

	// Assigned, not spread, so the record keeps the format's field order without a copy; fields the
	// format lacks follow it.
	draft.interfaceId = interfaceId;
	// Formats without log-status only ever carry data rows.
	draft.logStatus ??= 'OK';
	draft.start = start;
	draft.end = end;
	draft.extra = extra;
	return isComplete(draft) ? draft : 'incomplete record';
}

function isComplete(draft: Draft): draft is FlowRecord {
	return (
		draft.interfaceId !== undefined &&
		draft.logStatus !== undefined &&
		draft.start !== undefined &&
		draft.end !== undefined &&
		draft.extra !== undefined
	);
}
