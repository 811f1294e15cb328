// The rows' backfill: settled time in the window whose records the connection rows never read (a
// longer window was asked for) is read once with FilterLogEvents (no scan charge, the interfaces'
// own streams), REJECTs first and then everything else, each newest first, within one read budget
// per feed. What does not fit is left unread: the rows are then a sample, and the pane says how
// much of the span's records they hold. Memory stays bounded whatever the traffic: the events of
// one budget at most, then the held records' own bound.
import type {AwsClients} from '../aws/clients.js';
import {rejectPattern, type TimeRange} from '../domain/flows-window/index.js';
import {
	type FeedStreams,
	type RawReadResult,
	type ReadEvent,
	ReadTally,
	readFeed,
} from './flows-raw.js';

export type BackfillOptions = {
	readonly bucketSeconds: number;
	/** Events read per feed at most, REJECTs and the rest together. */
	readonly budget: number;
};

export async function readRowsBackfill(
	clients: AwsClients,
	feeds: readonly FeedStreams[],
	range: TimeRange,
	options: BackfillOptions,
	signal: AbortSignal,
): Promise<RawReadResult> {
	const tally = new ReadTally(options.bucketSeconds);
	for (const {feed, streams} of feeds) {
		if (streams.length === 0) {
			tally.addEmptyFeed(range);
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
		tally.addFeed(feed, unique([...rejected, ...rest.events]), rest);
	}

	return tally.result(range, new Set());
}

/** The REJECT pass's events come again in the full pass: each is counted and parsed once. */
function unique(events: readonly ReadEvent[]): ReadEvent[] {
	const byId = new Map<string, ReadEvent>();
	for (const event of events) {
		byId.set(event.eventId, event);
	}

	return [...byId.values()];
}
