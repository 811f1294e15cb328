// What a reader can see of a stream at a given moment. An event exists in the world as soon as it
// happened, but AWS only serves it once it has been ingested: delivery delay is part of the model.
import type {LogEvent, LogStream} from '../../world/types.js';

export function isVisible(event: LogEvent, now: number): boolean {
	return event.ingestionTime <= now;
}

/** Index of the first event with `timestamp >= timestamp` (events are sorted by timestamp). */
export function lowerBound(events: readonly LogEvent[], timestamp: number): number {
	let low = 0;
	let high = events.length;
	while (low < high) {
		const middle = (low + high) >>> 1;
		const event = events[middle];
		if (event !== undefined && event.timestamp < timestamp) low = middle + 1;
		else high = middle;
	}
	return low;
}

/** Index of the first event with `timestamp > timestamp`. */
export function upperBound(events: readonly LogEvent[], timestamp: number): number {
	let low = 0;
	let high = events.length;
	while (low < high) {
		const middle = (low + high) >>> 1;
		const event = events[middle];
		if (event !== undefined && event.timestamp <= timestamp) low = middle + 1;
		else high = middle;
	}
	return low;
}

/**
 * Size as AWS limits pages and batches: the message plus 26 bytes of per-event overhead. UTF-16
 * length stands in for UTF-8 bytes (exact for the ASCII flow records), because stream statistics
 * walk every event and a byte-exact count would dominate their cost.
 */
export function eventBytes(event: LogEvent): number {
	return event.message.length + 26;
}

export type StreamStats = {
	readonly firstEventTimestamp?: number;
	readonly lastEventTimestamp?: number;
	readonly lastIngestionTime?: number;
	readonly storedBytes: number;
	readonly visibleCount: number;
};

type CachedStats = {readonly length: number; readonly now: number; readonly stats: StreamStats};

// Keyed by the events array itself, so a world that replaces the array (retention) misses the cache.
const statsCache = new WeakMap<readonly LogEvent[], CachedStats>();

export function visibleStreamStats(stream: LogStream, now: number): StreamStats {
	const written = writtenStreamStats(stream, now);
	return stream.generated === undefined ? written : withGenerated(written, stream, now);
}

/** How far back a generated stream's newest delivered event is looked for. */
const newestLookbackChunks = 10;

/**
 * A generated stream's figures without building its history: the first event is taken to be at
 * the start of the oldest chunk and the newest is found in the latest delivered chunks. Stored
 * bytes count written events only (AWS itself has reported 0 for streams since 2019).
 */
function withGenerated(written: StreamStats, stream: LogStream, now: number): StreamStats {
	const generated = stream.generated;
	if (generated === undefined) return written;
	const oldest = generated.oldest(now);
	let newest: {timestamp: number; ingestion: number} | undefined;
	const latest = Math.floor(now / generated.chunkMs) * generated.chunkMs;
	for (
		let start = latest;
		newest === undefined &&
		start >= oldest &&
		start > latest - newestLookbackChunks * generated.chunkMs;
		start -= generated.chunkMs
	) {
		if (generated.deliveredFrom(start) > now) continue;
		const chunk = generated.chunk(start);
		for (let index = chunk.length - 1; index >= 0; index--) {
			if (chunk.ingestionTime(index) <= now) {
				newest = {timestamp: chunk.timestamp(index), ingestion: chunk.ingestionTime(index)};
				break;
			}
		}
	}
	const first = Math.min(written.firstEventTimestamp ?? oldest, oldest);
	const last = Math.max(
		written.lastEventTimestamp ?? newest?.timestamp ?? 0,
		newest?.timestamp ?? 0,
	);
	const ingestion = Math.max(written.lastIngestionTime ?? 0, newest?.ingestion ?? 0);
	return {
		...(newest === undefined && written.firstEventTimestamp === undefined
			? {}
			: {firstEventTimestamp: first}),
		...(last > 0 ? {lastEventTimestamp: last} : {}),
		...(ingestion > 0 ? {lastIngestionTime: ingestion} : {}),
		storedBytes: written.storedBytes,
		visibleCount: written.visibleCount,
	};
}

function writtenStreamStats(stream: LogStream, now: number): StreamStats {
	const cached = statsCache.get(stream.events);
	if (cached && cached.length === stream.events.length && cached.now === now) return cached.stats;
	let first: number | undefined;
	let last: number | undefined;
	let lastIngestion: number | undefined;
	let storedBytes = 0;
	let visibleCount = 0;
	for (const event of stream.events) {
		if (!isVisible(event, now)) continue;
		first ??= event.timestamp;
		last = event.timestamp;
		lastIngestion = Math.max(lastIngestion ?? event.ingestionTime, event.ingestionTime);
		storedBytes += eventBytes(event);
		visibleCount += 1;
	}
	const stats: StreamStats = {
		...(first === undefined ? {} : {firstEventTimestamp: first}),
		...(last === undefined ? {} : {lastEventTimestamp: last}),
		...(lastIngestion === undefined ? {} : {lastIngestionTime: lastIngestion}),
		storedBytes,
		visibleCount,
	};
	statsCache.set(stream.events, {length: stream.events.length, now, stats});
	return stats;
}
