// The fresh edge between full reads: a FilterLogEvents call per feed over the newest stretch only,
// keeping the events no earlier read returned. Flow logs deliver an interface's records roughly in
// time order, so the newest records land at or after the newest timestamp already held; re-reading
// a short overlap before it catches a batch that arrived slightly out of order. Anything later
// still (a delivery that lagged by minutes), and a feed with more events there than one read takes,
// is left to the next full read of the unsettled stretch, which keeps its own cadence.
import type {AwsClients} from '../aws/clients.js';
import {filterFlowEvents} from '../aws/flow-logs-read.js';
import {type BucketCounts, countByBucket, type HeldRecord} from '../domain/flows-window/index.js';
import {type FeedStreams, interpretEvent, type KnownEvent} from './flows-raw.js';

/** Events one fresh read takes per feed. */
const freshBudget = 10_000;
/**
 * FilterLogEvents calls one fresh read makes per feed (per 100 streams): a page may come back short
 * or empty with a token even when more events are there.
 */
const freshPages = 3;

export type FreshReadOptions = {
	readonly bucketSeconds: number;
	/** Unix ms to read from, per feed (in the order of `feeds`); undefined skips the feed. */
	readonly since: readonly (number | undefined)[];
	/** Unix ms, inclusive. */
	readonly untilMs: number;
	/** Events already read, by eventId: they are skipped. */
	readonly known: ReadonlyMap<string, KnownEvent>;
};

export type FreshRead = {
	/** New records with traffic. */
	readonly records: readonly HeldRecord[];
	/** New records and malformed lines per bucket: to be added to what is held. */
	readonly counts: ReadonlyMap<number, BucketCounts>;
	/** The new events, by eventId. */
	readonly known: ReadonlyMap<string, KnownEvent>;
	/** Unix ms, per feed: the newest event timestamp this read met, if any. */
	readonly newest: readonly (number | undefined)[];
};

export async function readFreshRecords(
	clients: AwsClients,
	feeds: readonly FeedStreams[],
	options: FreshReadOptions,
	signal: AbortSignal,
): Promise<FreshRead> {
	const records: HeldRecord[] = [];
	const counted: {timestamp: number; malformed: boolean}[] = [];
	const known = new Map<string, KnownEvent>();
	const newest: (number | undefined)[] = [];
	for (const [index, {feed, streams}] of feeds.entries()) {
		const since = options.since[index];
		if (since === undefined || streams.length === 0 || since > options.untilMs) {
			newest.push(undefined);
			continue;
		}

		const result = await filterFlowEvents(
			clients,
			{
				logGroupName: feed.logGroupName,
				logStreamNames: streams,
				startMs: since,
				endMs: options.untilMs,
				maxEvents: freshBudget,
				maxPages: freshPages,
				held: options.known,
			},
			signal,
		);
		let feedNewest: number | undefined;
		for (const event of result.events) {
			feedNewest = Math.max(feedNewest ?? event.timestamp, event.timestamp);
			if ('held' in event || options.known.has(event.eventId) || known.has(event.eventId)) {
				continue;
			}

			const outcome = interpretEvent(event, feed);
			known.set(event.eventId, outcome);
			if (outcome === 'no-traffic') {
				continue;
			}

			counted.push({timestamp: event.timestamp, malformed: outcome === 'malformed'});
			if (outcome !== 'malformed') {
				records.push(outcome);
			}
		}

		newest.push(feedNewest);
	}

	return {
		records,
		counts: countByBucket(counted, options.bucketSeconds),
		known,
		newest,
	};
}
