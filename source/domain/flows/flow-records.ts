// A batch of log events into flow records, counting (never throwing on) the lines that are not records.
import type {FlowRecord} from '../types/flows.js';
import type {FlowFormat} from './flow-format.js';
import type {RecordContext} from './flow-record.js';
import {createFlowTable, type FlowTable} from './flow-table.js';
import {parseInsightsTime} from './insights-time.js';
import {
	addPlainRow,
	type RecordReader,
	readerOf,
	readRecord,
	readRow,
	readSlowRow,
} from './record-reader.js';

/**
 * A log event as the AWS layer hands it over: the message plus what its stream and timestamp say.
 * An Insights result row may hand over its `@logStream` and `@timestamp` as they came instead:
 * they are read only for a record whose own fields lack the interface or the start, which a
 * default-format record never does.
 */
export type FlowMessage = RecordContext & {
	readonly message?: string | undefined;
	/** `@logStream`, for when `interfaceId` is not given. */
	readonly logStream?: string | undefined;
	/** `@timestamp` as Insights prints it, for when `timestamp` is not given. */
	readonly time?: string | undefined;
};

export type ParsedFlowRecords = {
	readonly records: readonly FlowRecord[];
	readonly malformed: number;
	/** The first few distinct reasons, for a diagnostic line; never the raw text. */
	readonly reasons: readonly string[];
};

const maxReasons = 5;

export function parseFlowRecords(
	messages: Iterable<string | FlowMessage | undefined>,
	format: FlowFormat,
): ParsedFlowRecords {
	const reader = readerOf(format);
	const records: FlowRecord[] = [];
	const reasons = new Set<string>();
	let malformed = 0;
	for (const item of messages) {
		// The event's fields are read directly: a context object per record is garbage at this rate.
		const result =
			typeof item === 'object' && item !== null
				? readRecord(reader, item.message, interfaceOf(item), timestampOf(item))
				: readRecord(reader, item, undefined, undefined);
		if (typeof result !== 'string') {
			records.push(result);
			continue;
		}

		malformed++;
		if (reasons.size < maxReasons) {
			reasons.add(result);
		}
	}

	return {records, malformed, reasons: [...reasons]};
}

export type ParsedFlowTable = {
	readonly table: FlowTable;
	readonly malformed: number;
	/** The first few distinct reasons, for a diagnostic line; never the raw text. */
	readonly reasons: readonly string[];
};

/**
 * The records of the messages straight into a table, for pairing and aggregation (pairTable,
 * aggregateTable): the same records parseFlowRecords reads, counted and skipped alike.
 */
export function parseFlowTable(
	messages: readonly (string | FlowMessage | undefined)[],
	format: FlowFormat,
): ParsedFlowTable {
	const reader = readerOf(format);
	const table = createFlowTable(messages.length);
	const reasons = new Set<string>();
	let malformed = 0;
	for (let position = 0; position < messages.length; position++) {
		const item = messages[position];
		const problem =
			typeof item === 'object' && item !== null
				? readEvent(reader, table, item)
				: readRow(reader, table, item, undefined, undefined);
		if (problem === undefined) {
			continue;
		}

		malformed++;
		if (reasons.size < maxReasons) {
			reasons.add(problem);
		}
	}

	return {table, malformed, reasons: [...reasons]};
}

/** readRow, with the event's context read only for a record that is not plain (addPlainRow). */
function readEvent(reader: RecordReader, table: FlowTable, item: FlowMessage): string | undefined {
	if (addPlainRow(reader, table, item.message)) {
		return undefined;
	}

	return readSlowRow(reader, table, item.message, interfaceOf(item), timestampOf(item));
}

function interfaceOf(item: FlowMessage): string | undefined {
	return item.interfaceId ?? interfaceIdFromLogStream(item.logStream);
}

function timestampOf(item: FlowMessage): number | undefined {
	return item.timestamp ?? parseInsightsTime(item.time);
}

const streamPrefix = 'eni-';

/**
 * The interface a flow log stream belongs to. Streams are one per interface; their names look like
 * `eni-<id>-all`, but the suffix is not documented, so only the `eni-<id>` prefix is relied on.
 */
export function interfaceIdFromLogStream(streamName: string | undefined): string | undefined {
	if (streamName === undefined) {
		return undefined;
	}

	// Every event of a refresh names its stream, and a load balancer has a handful of streams. A
	// stream without an interface is remembered as '' (no interface id is empty).
	const known = recentStreams.get(streamName);
	if (known !== undefined) {
		return known === '' ? undefined : known;
	}

	const interfaceId = readStreamName(streamName);
	if (recentStreams.size >= maxRecentStreams) {
		recentStreams.clear();
	}

	recentStreams.set(streamName, interfaceId ?? '');
	return interfaceId;
}

const maxRecentStreams = 256;
const recentStreams = new Map<string, string>();

function readStreamName(streamName: string): string | undefined {
	if (!streamName.startsWith(streamPrefix)) {
		return undefined;
	}

	// `eni-` and lower-case hex digits, ended by a dash or the end of the name.
	let end = streamPrefix.length;
	while (end < streamName.length && isLowerHex(streamName.charCodeAt(end))) {
		end++;
	}

	if (end === streamPrefix.length) {
		return undefined;
	}

	if (end === streamName.length) {
		return streamName;
	}

	return streamName.charCodeAt(end) === dash ? streamName.slice(0, end) : undefined;
}

const dash = 45;

function isLowerHex(code: number): boolean {
	return (code >= 48 && code <= 57) || (code >= 97 && code <= 102);
}
