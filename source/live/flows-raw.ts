// Reads raw records of the path's interfaces with FilterLogEvents and parses them by each feed's
// own format. A quiet load balancer is read in one call per feed. A busy one (more events than the
// budget) is read newest minute first instead, so the records kept are the newest, not the oldest.
import type {AwsClients} from '../aws/clients.js';
import {type FlowLogEvent, filterFlowEvents} from '../aws/flow-logs-read.js';
import {parseFlowRecord} from '../domain/flows/flow-record.js';
import {interfaceIdFromLogStream} from '../domain/flows/flow-records.js';
import {
	countByBucket,
	type FlowFeed,
	type HeldRecord,
	type RawRead,
	type TimeRange,
} from '../domain/flows-window/index.js';

export type FeedStreams = {
	readonly feed: FlowFeed;
	readonly streams: readonly string[];
};

export type RawReadOptions = {
	readonly bucketSeconds: number;
	/** Events read per feed and refresh at most. */
	readonly budget: number;
	/** Log groups whose last read outgrew the budget: read newest first straight away. */
	readonly busy: ReadonlySet<string>;
};

export type RawReadResult = {
	readonly read: RawRead;
	readonly complete: boolean;
	readonly busy: ReadonlySet<string>;
};

export const defaultReadBudget = 20_000;

export async function readRawRecords(
	clients: AwsClients,
	feeds: readonly FeedStreams[],
	range: TimeRange,
	options: RawReadOptions,
	signal: AbortSignal,
): Promise<RawReadResult> {
	const records: HeldRecord[] = [];
	const counted: {timestamp: number; malformed: boolean}[] = [];
	const busy = new Set<string>();
	let complete = true;
	for (const {feed, streams} of feeds) {
		if (streams.length === 0) {
			continue;
		}

		const result = await readFeed(clients, feed.logGroupName, streams, range, options, signal);
		complete &&= result.complete;
		if (result.busy) {
			busy.add(feed.logGroupName);
		}

		for (const event of result.events) {
			const parsed = parseFlowRecord(event.message, feed.format, {
				...withInterface(interfaceIdFromLogStream(event.logStreamName)),
				timestamp: Math.floor(event.timestamp / 1000),
			});
			if (!parsed.ok) {
				counted.push({timestamp: event.timestamp, malformed: true});
				continue;
			}

			// NODATA and SKIPDATA rows carry no traffic: nothing to pair or count.
			if (parsed.record.logStatus !== 'OK') {
				continue;
			}

			counted.push({timestamp: event.timestamp, malformed: false});
			records.push({eventId: event.eventId, timestamp: event.timestamp, record: parsed.record});
		}
	}

	return {read: {records, counts: countByBucket(counted, options.bucketSeconds)}, complete, busy};
}

function withInterface(interfaceId: string | undefined): {interfaceId?: string} {
	return interfaceId === undefined ? {} : {interfaceId};
}

type FeedResult = {
	readonly events: readonly FlowLogEvent[];
	readonly complete: boolean;
	readonly busy: boolean;
};

async function readFeed(
	clients: AwsClients,
	logGroupName: string,
	streams: readonly string[],
	range: TimeRange,
	options: RawReadOptions,
	signal: AbortSignal,
): Promise<FeedResult> {
	const read = (start: number, end: number, maxEvents: number) =>
		filterFlowEvents(
			clients,
			{
				logGroupName,
				logStreamNames: streams,
				startMs: start * 1000,
				endMs: end * 1000 - 1,
				maxEvents,
			},
			signal,
		);
	const byId = new Map<string, FlowLogEvent>();
	if (!options.busy.has(logGroupName)) {
		const whole = await read(range.start, range.end, options.budget);
		if (whole.complete) {
			return {events: whole.events, complete: true, busy: false};
		}

		for (const event of whole.events) {
			byId.set(event.eventId, event);
		}
	}

	let complete = true;
	let budget = options.budget;
	const step = Math.max(1, options.bucketSeconds);
	for (let end = range.end; end > range.start; end = Math.ceil(end / step) * step - step) {
		const start = Math.max(range.start, Math.ceil(end / step) * step - step);
		if (budget <= 0) {
			complete = false;
			break;
		}

		const chunk = await read(start, end, budget);
		budget -= chunk.events.length;
		complete &&= chunk.complete;
		for (const event of chunk.events) {
			byId.set(event.eventId, event);
		}
	}

	// A busy feed that fits in half its budget again goes back to single reads.
	const stillBusy = !complete || options.budget - budget > options.budget / 2;
	return {events: [...byId.values()], complete, busy: stillBusy};
}
