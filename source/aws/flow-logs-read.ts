// Raw flow log events, read without any scan charge: DescribeLogStreams finds each interface's
// stream, FilterLogEvents reads just those streams over a time range.
import {
	DescribeLogStreamsCommand,
	type FilteredLogEvent,
	FilterLogEventsCommand,
} from '@aws-sdk/client-cloudwatch-logs';
import {interfaceIdFromLogStream} from '../domain/flows/flow-records.js';
import type {AwsClients} from './clients.js';
import {awsCall} from './errors.js';
import {eventsAnswer, type FlowLogEvent, type PageEvent} from './filter-events-answer.js';

export type {FlowLogEvent, HeldLogEvent, PageEvent} from './filter-events-answer.js';

// Pages a single call may take; an interface with more streams than this is not a flow log's.
const maxStreamPages = 4;
// FilterLogEvents names at most 100 streams per call.
const streamsPerCall = 100;
// A page may come back empty with a token; this many in a row means the range is exhausted enough.
const maxPagesPerCall = 50;

/** A log group named by its ARN is another account's (read from a monitoring account). */
function logGroupParameter(
	logGroup: string,
): {logGroupName: string} | {logGroupIdentifier: string} {
	return logGroup.startsWith('arn:') ? {logGroupIdentifier: logGroup} : {logGroupName: logGroup};
}

/**
 * The streams of each interface in a log group. Stream names look like `eni-<id>-all`, but the
 * suffix is not documented, so streams are found by the `eni-<id>` prefix and kept only when the
 * name's interface is exactly this one (the prefix of a short id also matches longer ids).
 */
export async function describeInterfaceStreams(
	clients: AwsClients,
	logGroupName: string,
	interfaceIds: readonly string[],
	signal?: AbortSignal,
): Promise<Map<string, string[]>> {
	const logs = await clients.logs();
	const found = new Map<string, string[]>();
	for (const interfaceId of interfaceIds) {
		const names: string[] = [];
		let nextToken: string | undefined;
		for (let page = 0; page < maxStreamPages; page++) {
			const output = await awsCall('logs:DescribeLogStreams', () =>
				logs.send(
					new DescribeLogStreamsCommand({
						...logGroupParameter(logGroupName),
						logStreamNamePrefix: interfaceId,
						...(nextToken === undefined ? {} : {nextToken}),
					}),
					signal === undefined ? {} : {abortSignal: signal},
				),
			);
			for (const stream of output.logStreams ?? []) {
				const name = stream.logStreamName;
				if (name !== undefined && interfaceIdFromLogStream(name) === interfaceId) {
					names.push(name);
				}
			}

			nextToken = output.nextToken;
			if (nextToken === undefined) {
				break;
			}
		}

		found.set(interfaceId, names);
	}

	return found;
}

export type FilterRequest<Held = never> = {
	readonly logGroupName: string;
	readonly logStreamNames: readonly string[];
	/** Unix ms, both inclusive (as FilterLogEvents takes them). */
	readonly startMs: number;
	readonly endMs: number;
	/** Stop after this many events; the read is then incomplete. */
	readonly maxEvents: number;
	/** Stop after this many pages per call (each call names up to 100 streams); default 50. */
	readonly maxPages?: number;
	/** Only the events this CloudWatch Logs filter pattern matches. */
	readonly filterPattern?: string;
	/**
	 * What the caller holds of events an earlier read returned, by eventId: such an event comes as
	 * its id, its time and that value, unparsed (most of a re-read page). An event may still come
	 * whole when its page could not be read that way.
	 */
	readonly held?: ReadonlyMap<string, Held>;
};

export type FilterResult<Held = never> = {
	readonly events: readonly PageEvent<Held>[];
	/** False when events were left unread (the budget ran out). */
	readonly complete: boolean;
};

export async function filterFlowEvents<Held = never>(
	clients: AwsClients,
	request: FilterRequest<Held>,
	signal?: AbortSignal,
): Promise<FilterResult<Held>> {
	const logs = await clients.logs();
	const events: PageEvent<Held>[] = [];
	const maxPages = request.maxPages ?? maxPagesPerCall;
	let complete = true;
	for (let offset = 0; offset < request.logStreamNames.length; offset += streamsPerCall) {
		const streams = request.logStreamNames.slice(offset, offset + streamsPerCall);
		let nextToken: string | undefined;
		let pages = 0;
		do {
			const remaining = request.maxEvents - events.length;
			if (remaining <= 0 || pages >= maxPages) {
				complete = false;
				break;
			}

			const command = new FilterLogEventsCommand({
				...logGroupParameter(request.logGroupName),
				logStreamNames: streams,
				startTime: request.startMs,
				endTime: request.endMs,
				limit: Math.min(10_000, remaining),
				...(request.filterPattern === undefined ? {} : {filterPattern: request.filterPattern}),
				...(nextToken === undefined ? {} : {nextToken}),
			});
			const answer = eventsAnswer(request.held);
			answer.attachTo(command.middlewareStack);
			const output = await awsCall('logs:FilterLogEvents', () =>
				logs.send(command, signal === undefined ? {} : {abortSignal: signal}),
			);
			const taken = answer.taken();
			if (taken === undefined) {
				for (const event of output.events ?? []) {
					const read = toFlowLogEvent(event);
					if (read !== undefined) {
						events.push(read);
					}
				}
			} else {
				for (const event of taken) {
					events.push(event);
				}
			}

			nextToken = output.nextToken;
			pages++;
		} while (nextToken !== undefined);
	}

	return {events, complete};
}

function toFlowLogEvent(event: FilteredLogEvent): FlowLogEvent | undefined {
	const {eventId, logStreamName, timestamp, message} = event;
	if (eventId === undefined || logStreamName === undefined || timestamp === undefined) {
		return undefined;
	}

	return {eventId, logStreamName, timestamp, message: message ?? ''};
}
