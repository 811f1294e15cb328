// One flow log record from its text, read field by field in the order of the flow log's own format.
// Bad input is reported, never thrown: a garbled line must cost one skipped record, not the pane.
//
// The text is trimmed; a record is at most 16,384 characters of printable ASCII, tokens are separated
// by runs of spaces, and there must be exactly one token per format field. `-` is an absent value.
// Fields lbtop does not interpret are kept as text in `extra` (a `version` must still be a number);
// the others must be what the field documents or the record is rejected. The interface and start
// time fall back to the log event's stream and timestamp when the format lacks them. The reading
// itself lives in record-reader.ts.
import type {FlowRecord} from '../types/flows.js';
import type {FlowFormat} from './flow-format.js';
import {readerOf, readRecord} from './record-reader.js';

export type FlowRecordResult =
	| {readonly ok: true; readonly record: FlowRecord}
	| {readonly ok: false; readonly reason: string};

/** What the log event around the record says when the format itself lacks the field. */
export type RecordContext = {
	/** From the log stream (one stream per interface). */
	readonly interfaceId?: string;
	/** Unix seconds: the event timestamp, which CloudWatch Logs sets to the record's start. */
	readonly timestamp?: number;
};

export function parseFlowRecord(
	message: string | undefined,
	format: FlowFormat,
	context: RecordContext = {},
): FlowRecordResult {
	const result = readRecord(readerOf(format), message, context.interfaceId, context.timestamp);
	return typeof result === 'string' ? {ok: false, reason: result} : {ok: true, record: result};
}
