// The rows' backfill: settled time in the window whose records the connection rows never read (a
// longer window was asked for) is read once with FilterLogEvents (no scan charge, the interfaces'
// own streams), REJECTs first and then everything else, each newest first, within one read budget
// per feed. What does not fit is left unread: the rows are then a sample, and the pane says how
// much of the span's records they hold. Memory stays bounded whatever the traffic: the events of
// one budget at most, then the held records' own bound.
import type {AwsClients} from '../aws/clients.js';
import type {FlowLogEvent} from '../aws/flow-logs-read.js';
import {
	countByBucket,
	type HeldRecord,
	rejectPattern,
	type TimeRange,
} from '../domain/flows-window/index.js';
import {
	type FeedRead,
	type FeedStreams,
	interpretEvent,
	type KnownEvent,
	type RawReadResult,
	readFeed,
} from './flows-raw.js';

export type BackfillOptions = {
	readonly bucketSeconds: number;
	/** Events read per feed at most, REJECTs and the rest together. */
	readonly budget: number;
};

type Counted = {timestamp: number; malformed: boolean};

export async function readRowsBackfill(
	clients: AwsClients,
	feeds: readonly FeedStreams[],
	range: TimeRange,
	options: BackfillOptions,
	signal: AbortSignal,
): Promise<RawReadResult> {
	const records: HeldRecord[] = [];
	const counted: Counted[] = [];
	const known = new Map<string, KnownEvent>();
	const perFeed: FeedRead[] = [];
	let complete = true;
	for (const {feed, streams} of feeds) {
		if (streams.length === 0) {
			perFeed.push({complete: true, coveredFrom: range.start, counts: new Map()});
			continue;
		}

		const request = {
			logGroupName: feed.logGroupName,
			streams,
			range,
			bucketSeconds: options.bucketSeconds,
			busy: false,
		};
		const pattern = rejectPattern(feed.format);
		const rejected =
			pattern === undefined
				? []
				: (
						await readFeed(
							clients,
							{...request, budget: options.budget, filterPattern: pattern},
							signal,
						)
					).events;
		const left = options.budget - rejected.length;
		const rest =
			left > 0
				? await readFeed(clients, {...request, budget: left}, signal)
				: {events: [], complete: false, coveredFrom: range.end};
		complete &&= rest.complete;

		const feedCounted: Counted[] = [];
		for (const event of unique([...rejected, ...rest.events])) {
			const outcome = interpretEvent(event, feed);
			known.set(event.eventId, outcome);
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
			complete: rest.complete,
			coveredFrom: rest.coveredFrom,
			counts: countByBucket(feedCounted, options.bucketSeconds),
		});
	}

	return {
		range,
		read: {records, counts: countByBucket(counted, options.bucketSeconds)},
		complete,
		busy: new Set(),
		known,
		feeds: perFeed,
	};
}

/** The REJECT pass's events come again in the full pass: each is counted and parsed once. */
function unique(events: readonly FlowLogEvent[]): FlowLogEvent[] {
	const byId = new Map<string, FlowLogEvent>();
	for (const event of events) {
		byId.set(event.eventId, event);
	}

	return [...byId.values()];
}
