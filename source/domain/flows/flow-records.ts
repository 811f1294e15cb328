// A batch of log events into flow records, counting (never throwing on) the lines that are not records.
import type {FlowRecord} from '../types/flows.js';
import type {FlowFormat} from './flow-format.js';
import {parseFlowRecord, type RecordContext} from './flow-record.js';

/** A log event as the AWS layer hands it over: the message plus what its stream and timestamp say. */
export type FlowMessage = RecordContext & {readonly message?: string | undefined};

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
	const records: FlowRecord[] = [];
	const reasons = new Set<string>();
	let malformed = 0;
	for (const item of messages) {
		const event = typeof item === 'object' && item !== null ? item : {message: item};
		const result = parseFlowRecord(event.message, format, contextOf(event));
		if (result.ok) {
			records.push(result.record);
			continue;
		}

		malformed++;
		if (reasons.size < maxReasons) {
			reasons.add(result.reason);
		}
	}

	return {records, malformed, reasons: [...reasons]};
}

function contextOf(event: FlowMessage): RecordContext {
	return {
		...(event.interfaceId === undefined ? {} : {interfaceId: event.interfaceId}),
		...(event.timestamp === undefined ? {} : {timestamp: event.timestamp}),
	};
}

const streamInterface = /^(eni-[0-9a-f]+)(?:-|$)/;

/**
 * The interface a flow log stream belongs to. Streams are one per interface; their names look like
 * `eni-<id>-all`, but the suffix is not documented, so only the `eni-<id>` prefix is relied on.
 */
export function interfaceIdFromLogStream(streamName: string | undefined): string | undefined {
	return streamInterface.exec(streamName ?? '')?.[1];
}
