// One load balancer's access log objects in S3, as the access logs source reads them: each poll
// lists only the keys that are new (each delivery day's folder from StartAfter at an end time a
// little before the newest read, since files of one interval arrive from several nodes at
// different moments), reads each object once (a key met again is skipped), newest interval first
// within a read budget, streaming its lines into the interval's accumulator, and lets intervals go
// once the window has left them, so memory stays bounded however long lbtop runs.
import {
	type AccessLogObject,
	type Listing,
	type LoadBalancerRef,
	type LogLocation,
	listingsSince,
	parseAccessLogKey,
	type ReadCounts,
} from '../domain/access-logs/index.js';

export type ListedKey = {readonly key: string; readonly size: number};

/** What the objects reader asks of S3 (source/aws/s3-objects.ts, or a test's fake). */
export type ObjectStore = {
	readonly list: (listing: Listing, signal: AbortSignal) => Promise<readonly ListedKey[]>;
	/** The object's lines as they arrive (gunzipped). */
	readonly lines: (key: string, signal: AbortSignal) => Promise<AsyncIterable<string>>;
};

/** Reads an object's lines into the accumulator of its interval; never throws on a bad line. */
export type Consume = (
	object: AccessLogObject,
	lines: AsyncIterable<string>,
) => Promise<ReadCounts>;

/** Files of one interval keep arriving this long after it ends (best effort, a few minutes late). */
export const latenessMs = 15 * 60_000;

type Known = {readonly object: AccessLogObject; readonly size: number; read: boolean};

export type ReadOutcome = {
	/** Objects read this poll. */
	readonly read: number;
	/** Objects in the window still unread (the budget ran out). */
	readonly unread: number;
	readonly entries: number;
	readonly malformed: number;
	readonly reasons: readonly string[];
};

export class AccessLogObjects {
	private readonly known = new Map<string, Known>();
	private newestEnd: number | undefined;

	constructor(
		private readonly location: LogLocation,
		private readonly lb: LoadBalancerRef,
		private readonly store: ObjectStore,
	) {}

	/** Lists the keys new since the last poll whose interval ends after `from`. */
	async listNew(from: number, now: number, signal: AbortSignal): Promise<void> {
		const since = Math.max(from, (this.newestEnd ?? from) - latenessMs);
		for (const listing of listingsSince(this.location, this.lb, 'access', since, now)) {
			for (const listed of await this.store.list(listing, signal)) {
				if (this.known.has(listed.key)) {
					continue;
				}

				const object = parseAccessLogKey(listed.key);
				// Another LB whose name starts like this one's, or a connection log: not ours.
				if (object === undefined || object.kind !== 'access' || object.id !== this.lb.id) {
					continue;
				}

				this.known.set(listed.key, {object, size: listed.size, read: false});
			}
		}
	}

	/**
	 * Reads the unread objects whose interval overlaps [from, ∞), newest first, until `budget`
	 * entries were read.
	 */
	async read(
		from: number,
		budget: number,
		consume: Consume,
		signal: AbortSignal,
	): Promise<ReadOutcome> {
		const pending = [...this.known.entries()]
			.filter(([, known]) => !known.read && known.object.intervalEnd > from)
			.sort(([, a], [, b]) => b.object.intervalEnd - a.object.intervalEnd);
		let read = 0;
		let entries = 0;
		let malformed = 0;
		const reasons = new Set<string>();
		for (const [key, known] of pending) {
			if (entries >= budget) {
				break;
			}

			const lines = await this.store.lines(key, signal);
			// Marked before its lines: an object that breaks half-way never counts twice.
			known.read = true;
			const counts = await consume(known.object, lines);
			read++;
			entries += counts.entries;
			malformed += counts.malformed;
			for (const reason of counts.reasons) {
				reasons.add(reason);
			}

			this.newestEnd = Math.max(this.newestEnd ?? 0, known.object.intervalEnd);
		}

		return {
			read,
			unread: pending.length - read,
			entries,
			malformed,
			reasons: [...reasons].slice(0, 5),
		};
	}

	/** Forgets the objects whose interval ended at or before `from`. */
	evictBefore(from: number): void {
		for (const [key, known] of this.known) {
			if (known.object.intervalEnd <= from) {
				this.known.delete(key);
			}
		}
	}

	/** Whether any object of the window was listed and not read. */
	unreadSince(from: number): number {
		return [...this.known.values()].filter(
			(known) => !known.read && known.object.intervalEnd > from,
		).length;
	}

	get newestIntervalEnd(): number | undefined {
		return this.newestEnd;
	}
}
