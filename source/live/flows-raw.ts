// Reads raw records of the path's interfaces with FilterLogEvents and parses them by each feed's
// own format. A quiet load balancer is read in one call per feed. A busy one (more events than the
// budget) is read newest minute first instead, so the records kept are the newest, not the oldest.
// Each read of the unsettled stretch meets mostly events an earlier read already parsed: those are
// taken from `known` (by eventId) rather than parsed again.
import type {AwsClients} from '../aws/clients.js';
import {type FlowLogEvent, filterFlowEvents} from '../aws/flow-logs-read.js';
import {parseFlowRecord} from '../domain/flows/flow-record.js';
import {interfaceIdFromLogStream} from '../domain/flows/flow-records.js';
import {
	type BucketCounts,
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

/** A log event, read: a record with traffic, a line that did not parse, or neither. */
export type KnownEvent = HeldRecord | 'malformed' | 'no-traffic';

export type RawReadOptions = {
	readonly bucketSeconds: number;
	/** Events read per feed and refresh at most. */
	readonly budget: number;
	/** Log groups whose last read outgrew the budget: read newest first straight away. */
	readonly busy: ReadonlySet<string>;
	/** Events already parsed, by eventId. */
	readonly known?: ReadonlyMap<string, KnownEvent>;
};

export type FeedRead = {
	/** Every event of the range was read. */
	readonly complete: boolean;
	/** Records and malformed lines per bucket, this feed's alone. */
	readonly counts: ReadonlyMap<number, BucketCounts>;
	/** Unix ms: the newest event timestamp read, if any. */
	readonly newest?: number;
};

export type RawReadResult = {
	readonly read: RawRead;
	readonly complete: boolean;
	readonly busy: ReadonlySet<string>;
	/** Every event of this read, by eventId: the caller's to keep and add to. */
	readonly known: Map<string, KnownEvent>;
	/** Per feed, in the order given. */
	readonly feeds: readonly FeedRead[];
};

export const defaultReadBudget = 20_000;

type Counted = {timestamp: number; malformed: boolean};

export async function readRawRecords(
	clients: AwsClients,
	feeds: readonly FeedStreams[],
	range: TimeRange,
	options: RawReadOptions,
	signal: AbortSignal,
): Promise<RawReadResult> {
	const records: HeldRecord[] = [];
	const counted: Counted[] = [];
	const known = new Map<string, KnownEvent>();
	const busy = new Set<string>();
	const perFeed: FeedRead[] = [];
	let complete = true;
	for (const {feed, streams} of feeds) {
		if (streams.length === 0) {
			perFeed.push({complete: true, counts: new Map()});
			continue;
		}

		const result = await readFeed(clients, feed.logGroupName, streams, range, options, signal);
		complete &&= result.complete;
		if (result.busy) {
			busy.add(feed.logGroupName);
		}

		const feedCounted: Counted[] = [];
		let newest: number | undefined;
		for (const event of result.events) {
			const outcome = options.known?.get(event.eventId) ?? interpretEvent(event, feed);
			known.set(event.eventId, outcome);
			newest = Math.max(newest ?? event.timestamp, event.timestamp);
			if (outcome === 'no-traffic') {
				continue;
			}

			const malformed = outcome === 'malformed';
			feedCounted.push({timestamp: event.timestamp, malformed});
			counted.push({timestamp: event.timestamp, malformed});
			if (!malformed) {
				records.push(outcome);
			}
		}

		perFeed.push({
			complete: result.complete,
			counts: countByBucket(feedCounted, options.bucketSeconds),
			...(newest === undefined ? {} : {newest}),
		});
	}

	return {
		read: {records, counts: countByBucket(counted, options.bucketSeconds)},
		complete,
		busy,
		known,
		feeds: perFeed,
	};
}

/** Parses one event by its feed's format. NODATA and SKIPDATA rows carry no traffic. */
export function interpretEvent(event: FlowLogEvent, feed: FlowFeed): KnownEvent {
	const interfaceId = interfaceIdFromLogStream(event.logStreamName);
	const parsed = parseFlowRecord(event.message, feed.format, {
		...(interfaceId === undefined ? {} : {interfaceId}),
		timestamp: Math.floor(event.timestamp / 1000),
	});
	if (!parsed.ok) {
		return 'malformed';
	}

	if (parsed.record.logStatus !== 'OK') {
		return 'no-traffic';
	}

	return {eventId: event.eventId, timestamp: event.timestamp, record: parsed.record};
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
