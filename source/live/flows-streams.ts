// The interface streams of each feed, looked up with DescribeLogStreams and remembered: streams
// rarely appear, but a new flow log or a newly busy interface creates one, so the list is renewed
// every few minutes, and sooner while an interface still has none.
import type {AwsClients} from '../aws/clients.js';
import {describeInterfaceStreams} from '../aws/flow-logs-read.js';
import type {FlowFeed} from '../domain/flows-window/index.js';
import type {FeedStreams} from './flows-raw.js';

const renewAfterMs = 5 * 60_000;
const retryMissingAfterMs = 60_000;

type Known = {readonly checkedAt: number; readonly streams: ReadonlyMap<string, readonly string[]>};

export class StreamDirectory {
	private readonly known = new Map<string, Known>();

	constructor(private readonly clients: AwsClients) {}

	async streamsOf(
		feeds: readonly FlowFeed[],
		now: number,
		signal: AbortSignal,
	): Promise<FeedStreams[]> {
		const result: FeedStreams[] = [];
		for (const feed of feeds) {
			const key = `${feed.logGroupName}\n${feed.interfaceIds.join(',')}`;
			let known = this.known.get(key);
			if (known === undefined || this.isDue(known, feed, now)) {
				const streams = await describeInterfaceStreams(
					this.clients,
					feed.logGroupName,
					feed.interfaceIds,
					signal,
				);
				known = {checkedAt: now, streams};
				this.known.set(key, known);
			}

			const found = known.streams;
			result.push({feed, streams: feed.interfaceIds.flatMap((id) => found.get(id) ?? [])});
		}

		return result;
	}

	/** A stream named in FilterLogEvents that no longer exists fails the call: look again. */
	forget(): void {
		this.known.clear();
	}

	private isDue(known: Known, feed: FlowFeed, now: number): boolean {
		const age = now - known.checkedAt;
		const missing = feed.interfaceIds.some((id) => (known.streams.get(id)?.length ?? 0) === 0);
		return age >= renewAfterMs || (missing && age >= retryMissingAfterMs);
	}
}
