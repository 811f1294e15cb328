// Where the flows source gets its records and exact aggregates. The source plans what to read and
// when (settled and unsettled time, the fresh edge, the budget); a reader only reads, by one
// delivery path: CloudWatch Logs (FilterLogEvents and Logs Insights, flows-logs-reader.ts) or S3
// (the flow log's objects and Athena, flows-s3-reader.ts). Parsing, pairing, aggregates and
// findings never learn which path a record came by. Feeds of both paths are read side by side,
// each by its own reader, and their answers put back in the order of the feeds.
import {
	CompactRows,
	type ExactSlice,
	type FlowFeed,
	type TimeRange,
} from '../domain/flows-window/index.js';
import type {Topology} from '../domain/types/topology.js';
import type {BackfillOptions} from './flows-backfill.js';
import type {ExactQueryOptions} from './flows-exact.js';
import type {FreshRead, FreshReadOptions} from './flows-fresh.js';
import type {FeedStreams, RawReadOptions, RawReadResult} from './flows-raw.js';

export type FlowsReader = {
	/** What each feed is read from (its interfaces' log streams), looked up as needed. */
	scope(feeds: readonly FlowFeed[], now: number, signal: AbortSignal): Promise<FeedStreams[]>;
	/** Every record of the range: the full read of the unsettled stretch. */
	readRaw(
		feeds: readonly FeedStreams[],
		range: TimeRange,
		options: RawReadOptions,
		signal: AbortSignal,
	): Promise<RawReadResult>;
	/**
	 * Settled time the rows never read (a longer window was asked for), read once within a budget,
	 * REJECTs first where the path can filter them.
	 */
	readRowsBackfill(
		feeds: readonly FeedStreams[],
		range: TimeRange,
		options: BackfillOptions,
		signal: AbortSignal,
	): Promise<RawReadResult>;
	/** Only records no earlier read returned: the fresh edge between full reads. */
	readFresh(
		feeds: readonly FeedStreams[],
		options: FreshReadOptions,
		signal: AbortSignal,
	): Promise<FreshRead>;
	/** Exact aggregates for a settled range, asked for once. */
	queryExact(
		feeds: readonly FlowFeed[],
		topology: Topology,
		range: TimeRange,
		options: ExactQueryOptions,
		signal: AbortSignal,
	): Promise<ExactSlice>;
	/** What `scope` found is gone (a read failed on it): look again next time. */
	forget(): void;
	/** What the reader learnt that the user should know, in plain words. */
	notes(): readonly string[];
	/** How the records are read, for the flows line: "S3 + Athena". */
	via(): string;
	dispose?(): Promise<void>;
};

type Split<T> = {readonly items: T[]; readonly indexes: number[]};

function split<T>(items: readonly T[], isS3: (item: T) => boolean): [Split<T>, Split<T>] {
	const logs: Split<T> = {items: [], indexes: []};
	const s3: Split<T> = {items: [], indexes: []};
	for (const [index, item] of items.entries()) {
		const side = isS3(item) ? s3 : logs;
		side.items.push(item);
		side.indexes.push(index);
	}
	return [logs, s3];
}

function inOrder<T>(length: number, parts: readonly [Split<unknown>, readonly T[]][]): T[] {
	const result = new Array<T>(length);
	for (const [part, values] of parts) {
		for (const [at, index] of part.indexes.entries()) {
			const value = values[at];
			if (value !== undefined) {
				result[index] = value;
			}
		}
	}
	return result;
}

function pick<T>(values: readonly T[] | undefined, indexes: readonly number[]): T[] | undefined {
	return values === undefined ? undefined : indexes.map((index) => values[index] as T);
}

function mergeCounts<V extends {readonly records: number; readonly malformed: number}>(
	maps: readonly ReadonlyMap<number, V>[],
): Map<number, {records: number; malformed: number}> {
	const merged = new Map<number, {records: number; malformed: number}>();
	for (const map of maps) {
		for (const [bucket, counts] of map) {
			const known = merged.get(bucket) ?? {records: 0, malformed: 0};
			merged.set(bucket, {
				records: known.records + counts.records,
				malformed: known.malformed + counts.malformed,
			});
		}
	}
	return merged;
}

/** The reads of each path's feeds as one read, the feeds back in their order. */
function mergeReads(
	length: number,
	range: TimeRange,
	parts: readonly [Split<unknown>, RawReadResult | undefined][],
): RawReadResult {
	const whole = onlyRead(length, parts);
	if (whole !== undefined) {
		return whole;
	}

	const results = parts.flatMap(([, result]) => (result === undefined ? [] : [result]));
	return {
		range,
		read: {
			records: results.flatMap((result) => result.read.records),
			counts: mergeCounts(results.map((result) => result.read.counts)),
		},
		complete: results.every((result) => result.complete),
		busy: new Set(results.flatMap((result) => [...result.busy])),
		known: new Map(results.flatMap((result) => [...result.known])),
		feeds: inOrder(
			length,
			parts.map(([part, result]) => [part, result?.feeds ?? []] as const),
		),
	};
}

/**
 * The read of the one path that read every feed, as it is: copying its events by id (tens of
 * thousands) and its records on each refresh would give the same read.
 */
function onlyRead<T>(
	length: number,
	parts: readonly [Split<unknown>, T | undefined][],
): T | undefined {
	const [only, ...others] = parts.filter(([, result]) => result !== undefined);
	return only !== undefined && others.length === 0 && only[0].indexes.length === length
		? only[1]
		: undefined;
}

/** One reader for every feed: each path's feeds go to that path's reader, made when first needed. */
export function combinedReader(readers: {
	readonly logs: () => FlowsReader;
	readonly s3: () => FlowsReader;
}): FlowsReader {
	const isS3Feed = (feed: FlowFeed) => feed.s3 !== undefined;
	const used = new Set<FlowsReader>();
	const use = (reader: FlowsReader) => {
		used.add(reader);
		return reader;
	};
	const both = async <T>(
		logs: Split<unknown>,
		s3: Split<unknown>,
		call: (reader: FlowsReader, part: Split<unknown>) => Promise<T>,
	): Promise<[T | undefined, T | undefined]> => {
		const [fromLogs, fromS3] = await Promise.allSettled([
			logs.items.length === 0 ? undefined : call(use(readers.logs()), logs),
			s3.items.length === 0 ? undefined : call(use(readers.s3()), s3),
		]);
		if (fromLogs.status === 'rejected') throw fromLogs.reason;
		if (fromS3.status === 'rejected') throw fromS3.reason;
		return [fromLogs.value, fromS3.value];
	};

	return {
		async scope(feeds, now, signal) {
			const [logs, s3] = split(feeds, isS3Feed);
			const [a, b] = await both(logs, s3, (reader, part) =>
				reader.scope(part.items as FlowFeed[], now, signal),
			);
			return inOrder(feeds.length, [
				[logs, a ?? []],
				[s3, b ?? []],
			]);
		},
		async readRaw(feeds, range, options, signal) {
			const [logs, s3] = split(feeds, (item) => isS3Feed(item.feed));
			const [a, b] = await both(logs, s3, (reader, part) =>
				reader.readRaw(part.items as FeedStreams[], range, options, signal),
			);
			return mergeReads(feeds.length, range, [
				[logs, a],
				[s3, b],
			]);
		},
		async readRowsBackfill(feeds, range, options, signal) {
			const [logs, s3] = split(feeds, (item) => isS3Feed(item.feed));
			const [a, b] = await both(logs, s3, (reader, part) =>
				reader.readRowsBackfill(part.items as FeedStreams[], range, options, signal),
			);
			return mergeReads(feeds.length, range, [
				[logs, a],
				[s3, b],
			]);
		},
		async readFresh(feeds, options, signal) {
			const [logs, s3] = split(feeds, (item) => isS3Feed(item.feed));
			const [a, b] = await both(logs, s3, (reader, part) =>
				reader.readFresh(
					part.items as FeedStreams[],
					{...options, since: pick(options.since, part.indexes) ?? []},
					signal,
				),
			);
			const newest = inOrder(feeds.length, [
				[logs, a?.newest ?? []],
				[s3, b?.newest ?? []],
			]);
			const whole = onlyRead(feeds.length, [
				[logs, a],
				[s3, b],
			]);
			if (whole !== undefined) {
				return {...whole, newest};
			}

			const results = [a, b].filter((result) => result !== undefined);
			return {
				records: results.flatMap((result) => result.records),
				counts: mergeCounts(results.map((result) => result.counts)),
				known: new Map(results.flatMap((result) => [...result.known])),
				newest,
			};
		},
		async queryExact(feeds, topology, range, options, signal) {
			const [logs, s3] = split(feeds, isS3Feed);
			const [a, b] = await both(logs, s3, (reader, part) => {
				const recordCounts = pick(options.recordCounts, part.indexes);
				return reader.queryExact(
					part.items as FlowFeed[],
					topology,
					range,
					{...options, ...(recordCounts === undefined ? {} : {recordCounts})},
					signal,
				);
			});
			const slices = [a, b].filter((slice) => slice !== undefined);
			return {
				range,
				timeline: slices.flatMap((slice) => slice.timeline),
				sources:
					slices.length === 1 && slices[0] !== undefined
						? slices[0].sources
						: CompactRows.of(...slices.map((slice) => slice.sources)),
			};
		},
		forget() {
			for (const reader of used) reader.forget();
		},
		notes: () => [...used].flatMap((reader) => reader.notes()),
		via: () => [...used].map((reader) => reader.via()).join(' and '),
		async dispose() {
			await Promise.allSettled([...used].map((reader) => reader.dispose?.()));
		},
	};
}

/**
 * A reader loaded on first use: the S3 path's modules (the S3, Athena and Glue clients, the Parquet
 * reader) stay off lbtop's start-up for the many who read flow logs from CloudWatch Logs.
 */
export function lazyReader(load: () => Promise<FlowsReader>, via: string): FlowsReader {
	let loaded: FlowsReader | undefined;
	let loading: Promise<FlowsReader> | undefined;
	const reader = async () => {
		loading ??= load().then((made) => {
			loaded = made;
			return made;
		});
		return loading;
	};
	return {
		scope: async (...rest) => (await reader()).scope(...rest),
		readRaw: async (...rest) => (await reader()).readRaw(...rest),
		readRowsBackfill: async (...rest) => (await reader()).readRowsBackfill(...rest),
		readFresh: async (...rest) => (await reader()).readFresh(...rest),
		queryExact: async (...rest) => (await reader()).queryExact(...rest),
		forget: () => loaded?.forget(),
		notes: () => loaded?.notes() ?? [],
		via: () => loaded?.via() ?? via,
		dispose: async () => {
			await loaded?.dispose?.();
		},
	};
}
