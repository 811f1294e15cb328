// The flow log streams of a modelled world, served lazily: a chunk (one flow log, one interface,
// one minute) is built from the model when a read first needs it, together with the rest of its
// aggregation window, and kept in a cache bounded by bytes. Any chunk can be rebuilt exactly, so
// dropping one costs only the time to build it again.
import {hashSeed} from '../demo/prng.js';
import type {EventChunk, GeneratedEvents} from '../world/types.js';
import {emptyChunk, mergeChunks} from './compact-chunk.js';
import {type Connection, minuteMs} from './connection.js';
import {chunkKey, type Sink, windowRenderer} from './flow-records.js';
import type {Span} from './spec.js';

export type LogsCacheStats = {
	readonly bytes: number;
	readonly chunks: number;
	readonly windowsBuilt: number;
	/** The cache never holds less than this, so one read of a window finds all of it. */
	readonly largestWindowBytes: number;
};

export type GeneratedLogs = {
	/** The generated side of a stream fed by these sinks (one per flow log delivering it). */
	readonly stream: (sinks: readonly Sink[]) => GeneratedEvents;
	/** One sink's chunk of the minute starting at `minuteStart`. */
	readonly chunk: (sink: Sink, minuteStart: number) => EventChunk;
	/** When the sink's records of the window holding `time` arrive. */
	readonly deliveredAt: (sink: Sink, time: number) => number;
	readonly stats: () => LogsCacheStats;
};

export type GeneratedLogsOptions = {
	readonly seed: number;
	readonly delay: Span;
	readonly internetFacing: boolean;
	/** Chunks older than this cannot be read (traffic starts there, or retention drops them). */
	readonly oldest: (now: number) => number;
	/** Visits every connection with a packet in [start, start + ms). */
	readonly connections: (
		start: number,
		ms: number,
		visit: (connection: Connection) => void,
	) => void;
	readonly sinks: readonly Sink[];
	readonly cacheBytes: number;
};

export function createGeneratedLogs(options: GeneratedLogsOptions): GeneratedLogs {
	const cache = new Map<string, EventChunk>();
	let cachedBytes = 0;
	let windowsBuilt = 0;
	let largestWindow = 0;
	const windowOf = (sink: Sink, time: number) =>
		Math.floor(time / sink.intervalMs) * sink.intervalMs;
	const deliveredAt = (sink: Sink, time: number): number => {
		const window = windowOf(sink, time);
		const span = options.delay.max - options.delay.min + 1;
		return (
			window +
			sink.intervalMs +
			options.delay.min +
			(hashSeed(options.seed, 'delivery', sink.interfaceId, window) % span)
		);
	};
	const store = (key: string, chunk: EventChunk) => {
		const previous = cache.get(key);
		if (previous !== undefined) {
			cachedBytes -= previous.size;
			cache.delete(key);
		}
		cache.set(key, chunk);
		cachedBytes += chunk.size;
	};
	const evict = () => {
		// Never below the largest window: the window just built is the newest entry, so it stays
		// whole and a read walking its streams finds every one of them.
		const limit = Math.max(options.cacheBytes, largestWindow);
		for (const [key, chunk] of cache) {
			if (cachedBytes <= limit) break;
			cache.delete(key);
			cachedBytes -= chunk.size;
		}
	};
	const buildWindow = (sink: Sink, time: number) => {
		const start = windowOf(sink, time);
		const sinks = options.sinks.filter((item) => item.intervalMs === sink.intervalMs);
		const window = {start, ms: sink.intervalMs, internetFacing: options.internetFacing};
		const renderer = windowRenderer(sinks, window);
		options.connections(start, sink.intervalMs, renderer.add);
		const {builders} = renderer;
		let bytes = 0;
		for (const item of sinks) {
			const ingestion = deliveredAt(item, start);
			for (let minute = start; minute < start + sink.intervalMs; minute += minuteMs) {
				const key = chunkKey(item.key, minute);
				const chunk = builders.get(key)?.finish(ingestion) ?? emptyChunk;
				bytes += chunk.size;
				store(key, chunk);
			}
		}
		windowsBuilt++;
		largestWindow = Math.max(largestWindow, bytes);
		evict();
	};
	const chunk = (sink: Sink, minuteStart: number): EventChunk => {
		const key = chunkKey(sink.key, minuteStart);
		let found = cache.get(key);
		if (found === undefined) {
			buildWindow(sink, minuteStart);
			found = cache.get(key) ?? emptyChunk;
		} else {
			cache.delete(key);
			cache.set(key, found);
		}
		return found;
	};
	return {
		chunk,
		deliveredAt,
		stream: (sinks) => ({
			chunkMs: minuteMs,
			oldest: options.oldest,
			deliveredFrom: (chunkStart) =>
				Math.min(...sinks.map((sink) => deliveredAt(sink, chunkStart))),
			chunk: (chunkStart) => mergeChunks(sinks.map((sink) => chunk(sink, chunkStart))),
		}),
		stats: () => ({
			bytes: cachedBytes,
			chunks: cache.size,
			windowsBuilt,
			largestWindowBytes: largestWindow,
		}),
	};
}
