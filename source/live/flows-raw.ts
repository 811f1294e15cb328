// Reads raw records of the path's interfaces with FilterLogEvents and parses them by each feed's
// own format. A quiet load balancer is read in one call per feed. A busy one (more events than the
// budget) is read newest minute first instead, so the records kept are the newest, not the oldest.
// Each read of the unsettled stretch meets mostly events an earlier read already parsed: those are
// taken from `known` (by eventId) rather than parsed again.
import type {AwsClients} from '../aws/clients.js';
import {type FlowLogEvent, filterFlowEvents, type PageEvent} from '../aws/flow-logs-read.js';
import {interfaceIdFromLogStream} from '../domain/flows/flow-records.js';
import {readerOf, readRecord} from '../domain/flows/record-reader.js';
import {
	type BucketCounts,
	type BucketTally,
	countEvent,
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

/** An event as a read returns it: whole, or as what an earlier read made of it. */
export type ReadEvent = PageEvent<KnownEvent>;

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
	/** Unix seconds: every event from here to the range's end was read. */
	readonly coveredFrom: number;
	/** Records and malformed lines per bucket, this feed's alone. */
	readonly counts: ReadonlyMap<number, BucketCounts>;
	/** Unix ms: the newest event timestamp read, if any. */
	readonly newest?: number;
};

export type RawReadResult = {
	/** What was read. */
	readonly range: TimeRange;
	readonly read: RawRead;
	readonly complete: boolean;
	readonly busy: ReadonlySet<string>;
	/** Every event of this read, by eventId: the caller's to keep and add to. */
	readonly known: Map<string, KnownEvent>;
	/** Per feed, in the order given. */
	readonly feeds: readonly FeedRead[];
};

export const defaultReadBudget = 20_000;

/**
 * The events of one read, feed by feed: each parsed once (or taken from what an earlier read
 * parsed), counted per bucket of event time, kept when it carries traffic.
 */
export class ReadTally {
	private readonly records: HeldRecord[] = [];
	private readonly counts: BucketTally = new Map();
	private readonly known = new Map<string, KnownEvent>();
	private readonly feeds: FeedRead[] = [];
	private complete = true;

	constructor(
		private readonly bucketSeconds: number,
		private readonly parsed?: ReadonlyMap<string, KnownEvent>,
	) {}

	/** A feed with no stream to read: nothing there, nothing missed. */
	addEmptyFeed(range: TimeRange): void {
		this.feeds.push({complete: true, coveredFrom: range.start, counts: new Map()});
	}

	addFeed(
		feed: FlowFeed,
		events: readonly ReadEvent[],
		read: {readonly complete: boolean; readonly coveredFrom: number},
	): void {
		this.complete &&= read.complete;
		const feedCounts: BucketTally = new Map();
		let newest: number | undefined;
		for (const event of events) {
			const outcome =
				'held' in event
					? event.held
					: (this.parsed?.get(event.eventId) ?? interpretEvent(event, feed));
			// Keyed by the held record's own id where there is one: the id just read is the same
			// text, and is then garbage at once rather than kept (and moved to the old generation)
			// until the next full read.
			this.known.set(typeof outcome === 'object' ? outcome.eventId : event.eventId, outcome);
			newest = Math.max(newest ?? event.timestamp, event.timestamp);
			if (outcome === 'no-traffic') {
				continue;
			}

			const malformed = outcome === 'malformed';
			countEvent(feedCounts, event.timestamp, malformed, this.bucketSeconds);
			countEvent(this.counts, event.timestamp, malformed, this.bucketSeconds);
			if (!malformed) {
				this.records.push(outcome);
			}
		}

		this.feeds.push({
			complete: read.complete,
			coveredFrom: read.coveredFrom,
			counts: feedCounts,
			...(newest === undefined ? {} : {newest}),
		});
	}

	result(range: TimeRange, busy: ReadonlySet<string>): RawReadResult {
		return {
			range,
			read: {records: this.records, counts: this.counts},
			complete: this.complete,
			busy,
			known: this.known,
			feeds: this.feeds,
		};
	}
}

export async function readRawRecords(
	clients: AwsClients,
	feeds: readonly FeedStreams[],
	range: TimeRange,
	options: RawReadOptions,
	signal: AbortSignal,
): Promise<RawReadResult> {
	const tally = new ReadTally(options.bucketSeconds, options.known);
	const busy = new Set<string>();
	for (const {feed, streams} of feeds) {
		if (streams.length === 0) {
			tally.addEmptyFeed(range);
			continue;
		}

		const result = await readFeed(
			clients,
			{
				logGroupName: feed.logGroupName,
				streams,
				range,
				bucketSeconds: options.bucketSeconds,
				budget: options.budget,
				busy: options.busy.has(feed.logGroupName),
				...(options.known === undefined ? {} : {held: options.known}),
			},
			signal,
		);
		if (result.busy) {
			busy.add(feed.logGroupName);
		}

		tally.addFeed(feed, result.events, result);
	}

	return tally.result(range, busy);
}

/** Parses one event by its feed's format. NODATA and SKIPDATA rows carry no traffic. */
export function interpretEvent(event: FlowLogEvent, feed: FlowFeed): KnownEvent {
	// The record reader itself, not parseFlowRecord: a read parses thousands of events, and the
	// result and context objects around each record would be made only to be taken apart here.
	const record = readRecord(
		readerOf(feed.format),
		event.message,
		interfaceIdFromLogStream(event.logStreamName),
		Math.floor(event.timestamp / 1000),
	);
	if (typeof record === 'string') {
		return 'malformed';
	}

	if (record.logStatus !== 'OK') {
		return 'no-traffic';
	}

	return {eventId: event.eventId, timestamp: event.timestamp, record};
}

export type FeedResult = {
	readonly events: readonly ReadEvent[];
	readonly complete: boolean;
	readonly busy: boolean;
	/** Unix seconds: every event from here to the range's end was read. */
	readonly coveredFrom: number;
};

export type FeedRequest = {
	readonly logGroupName: string;
	readonly streams: readonly string[];
	readonly range: TimeRange;
	readonly bucketSeconds: number;
	/** Events read at most. */
	readonly budget: number;
	/** Its last read outgrew the budget: read newest first straight away. */
	readonly busy: boolean;
	readonly filterPattern?: string;
	/** Events already parsed, by eventId: they come as what was made of them. */
	readonly held?: ReadonlyMap<string, KnownEvent>;
};

/**
 * One feed's events in `range`: in one read when they fit the budget, else newest bucket first
 * until the budget runs out, so the events kept are the newest.
 */
export async function readFeed(
	clients: AwsClients,
	request: FeedRequest,
	signal: AbortSignal,
): Promise<FeedResult> {
	const {range} = request;
	const read = (start: number, end: number, maxEvents: number) =>
		filterFlowEvents(
			clients,
			{
				logGroupName: request.logGroupName,
				logStreamNames: request.streams,
				startMs: start * 1000,
				endMs: end * 1000 - 1,
				maxEvents,
				...(request.filterPattern === undefined ? {} : {filterPattern: request.filterPattern}),
				...(request.held === undefined ? {} : {held: request.held}),
			},
			signal,
		);
	const byId = new Map<string, ReadEvent>();
	if (!request.busy) {
		const whole = await read(range.start, range.end, request.budget);
		if (whole.complete) {
			return {events: whole.events, complete: true, busy: false, coveredFrom: range.start};
		}

		for (const event of whole.events) {
			byId.set(event.eventId, event);
		}
	}

	let complete = true;
	let coveredFrom = range.end;
	let budget = request.budget;
	const step = Math.max(1, request.bucketSeconds);
	for (let end = range.end; end > range.start; end = Math.ceil(end / step) * step - step) {
		const start = Math.max(range.start, Math.ceil(end / step) * step - step);
		if (budget <= 0) {
			complete = false;
			break;
		}

		const chunk = await read(start, end, budget);
		budget -= chunk.events.length;
		complete &&= chunk.complete;
		if (complete) {
			coveredFrom = start;
		}

		for (const event of chunk.events) {
			byId.set(event.eventId, event);
		}
	}

	// A busy feed that fits in half its budget again goes back to single reads.
	const stillBusy = !complete || request.budget - budget > request.budget / 2;
	return {events: [...byId.values()], complete, busy: stillBusy, coveredFrom};
}
