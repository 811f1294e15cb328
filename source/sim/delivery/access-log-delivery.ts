// Access log files reaching their bucket as ELB delivers them: every 5 minutes, one file per node
// that logged something in the interval, each node's file some minutes after the interval ends
// (one to four unless the world says otherwise; best effort: nodes differ). A file is made from
// the world's traffic only when it is due, and files past the retention are dropped, so the
// bucket stays bounded whatever the run's length.
import {hashSeed} from '../demo/prng.js';
import type {Span} from '../model/spec.js';
import {putObjects} from '../services/s3/buckets.js';
import type {S3Bucket} from '../world/types.js';
import {type BodyCache, intervalMs, LazyAccessLogObject} from './access-log-objects.js';

export type LoggedLine = {
	/** The node that wrote it: its address names an ALB file; NLB files are per node too. */
	readonly node: string;
	readonly line: string;
};

export type AccessLogFeed = {
	readonly bucket: S3Bucket;
	/** `prefix/` inside the bucket, or empty. */
	readonly prefix: string;
	readonly account: string;
	readonly region: string;
	readonly type: 'application' | 'network';
	readonly name: string;
	readonly id: string;
	readonly seed: number;
	/** How late a node's file lands after its interval ends, in ms (default one to four minutes). */
	readonly delay?: Span;
	/** The lines of the minute starting at `minute` (Unix ms), each with its node. */
	readonly minute: (minute: number) => readonly LoggedLine[];
	/**
	 * The nodes that log something in [from, to), when known without making the lines (then no
	 * file is made before a read asks for it).
	 */
	readonly nodes?: (from: number, to: number) => readonly string[];
};

export type AccessLogDelivery = {
	/** Delivers every file due by `now`. */
	readonly advanceTo: (now: number) => void;
	/** Delivers every interval ending by `end` at once, each file visible from its own delivery. */
	readonly deliverThrough: (end: number) => void;
};

export const defaultAccessLogDelay: Span = {min: 60_000, max: 240_000};

export function deliveryDelayMs(
	seed: number,
	node: string,
	end: number,
	delay: Span = defaultAccessLogDelay,
): number {
	return (
		delay.min + (hashSeed(seed, 'access-log-delivery', node, end) % (delay.max - delay.min + 1))
	);
}

export function deliverAccessLogs(
	feeds: readonly AccessLogFeed[],
	options: {readonly from: number; readonly retentionMs?: number},
): AccessLogDelivery {
	const next = feeds.map(() => Math.floor(options.from / intervalMs) * intervalMs + intervalMs);
	// The files of an interval are made at once, when its first node's file is due.
	const earliestDue = (feed: AccessLogFeed, end: number) =>
		end + (feed.delay ?? defaultAccessLogDelay).min;

	const bodies: BodyCache = new Map();
	/** The interval's lines by node, made again whenever a file's body is. */
	const linesOf = (feed: AccessLogFeed, end: number) => {
		const byNode = new Map<string, string[]>();
		for (let minute = end - intervalMs; minute < end; minute += 60_000) {
			for (const logged of feed.minute(minute)) {
				const lines = byNode.get(logged.node) ?? [];
				lines.push(logged.line);
				byNode.set(logged.node, lines);
			}
		}
		return byNode;
	};

	const deliverInterval = (feed: AccessLogFeed, end: number) => {
		const nodes = feed.nodes?.(end - intervalMs, end) ?? [...linesOf(feed, end).keys()];
		putObjects(
			feed.bucket,
			nodes.map(
				(node) =>
					new LazyAccessLogObject(
						{
							prefix: feed.prefix,
							account: feed.account,
							region: feed.region,
							type: feed.type,
							name: feed.name,
							id: feed.id,
							intervalEnd: end,
							...(feed.type === 'application' ? {nodeIp: node} : {}),
							deliveredAt: end + deliveryDelayMs(feed.seed, node, end, feed.delay),
						},
						() => linesOf(feed, end).get(node) ?? [],
						bodies,
					),
			),
		);
	};

	const drop = (feed: AccessLogFeed, now: number) => {
		if (options.retentionMs === undefined) return;
		const cutoff = now - options.retentionMs;
		const {bucket} = feed;
		if (bucket.objects.some((object) => object.lastModified < cutoff)) {
			bucket.objects = bucket.objects.filter((object) => object.lastModified >= cutoff);
		}
	};

	const deliverWhile = (due: (feed: AccessLogFeed, end: number) => boolean) => {
		for (const [at, feed] of feeds.entries()) {
			while (due(feed, next[at] ?? 0)) {
				deliverInterval(feed, next[at] ?? 0);
				next[at] = (next[at] ?? 0) + intervalMs;
			}
		}
	};

	return {
		advanceTo(now) {
			deliverWhile((feed, end) => earliestDue(feed, end) <= now);
			for (const feed of feeds) drop(feed, now);
		},
		deliverThrough(end) {
			deliverWhile((_feed, intervalEnd) => intervalEnd <= end);
		},
	};
}
