// Exact aggregates for one settled range, per feed: one combined `stats` query when the raw reads
// counted few enough records in the range for its rows to fit in one answer (each byte of the
// range scanned once), else the timeline and sources queries (each byte scanned twice, but the
// busiest sources come first and the timeline has few rows whatever the traffic). The rows are
// held by the caller and never asked for again.
import type {InsightsRunner} from '../aws/insights-runner.js';
import {buildAggregateQueries} from '../domain/flows/aggregate-queries.js';
import {
	buildCombinedQuery,
	CompactRows,
	type ExactSlice,
	type FlowFeed,
	insightsRowLimit,
	splitCombinedRows,
	type TimeRange,
} from '../domain/flows-window/index.js';
import type {Topology} from '../domain/types/topology.js';
import type {RawReadResult} from './flows-raw.js';

export type ExactQueryOptions = {
	readonly bucketSeconds: number;
	/** Called as each query starts, so the session's query count is kept as it goes. */
	readonly onStart: () => void;
	/**
	 * Per feed (in the order given): the records and malformed lines a complete raw read counted in
	 * the range, or undefined when no complete count is known.
	 */
	readonly recordCounts?: readonly (number | undefined)[];
};

const rowLimit = insightsRowLimit;

export async function queryExactSlice(
	runner: Pick<InsightsRunner, 'run'>,
	feeds: readonly FlowFeed[],
	topology: Topology,
	range: TimeRange,
	options: ExactQueryOptions,
	signal: AbortSignal,
): Promise<ExactSlice> {
	const localAddrs = localAddresses(topology);
	// One failed query makes the slice useless: its siblings are stopped rather than left scanning.
	const siblings = new AbortController();
	const linked = AbortSignal.any([signal, siblings.signal]);
	const run = async (logGroupName: string, queryString: string | undefined) => {
		if (queryString === undefined) {
			return [];
		}

		options.onStart();
		try {
			const result = await runner.run(
				{
					logGroupNames: [logGroupName],
					queryString,
					// Insights takes whole seconds, both ends inclusive.
					startTime: range.start,
					endTime: range.end - 1,
					limit: rowLimit,
				},
				linked,
			);
			return result.rows;
		} catch (error) {
			siblings.abort(error);
			throw error;
		}
	};
	type Rows = ExactSlice['timeline'];
	const perFeed = await allSettledOrThrow(
		feeds.map(async (feed, index): Promise<{timeline: Rows; sources: Rows}> => {
			const combined = buildCombinedQuery({
				format: feed.format,
				bucketSeconds: options.bucketSeconds,
				interfaceIds: feed.interfaceIds,
			});
			const counted = options.recordCounts?.[index];
			if (combined !== undefined && counted !== undefined && counted < rowLimit) {
				const rows = await run(feed.logGroupName, combined);
				// Fewer rows than the limit proves the answer whole; a full page may have been cut.
				if (rows.length < rowLimit) {
					return splitCombinedRows(rows, localAddrs);
				}
			}

			const queries = buildAggregateQueries({
				format: feed.format,
				bucketSeconds: options.bucketSeconds,
				localAddrs,
				interfaceIds: feed.interfaceIds,
			});
			const [timeline = [], sources = []] = await allSettledOrThrow([
				run(feed.logGroupName, queries.timeline),
				run(feed.logGroupName, queries.sources),
			]);
			return {timeline, sources};
		}),
	);
	return {
		range,
		timeline: perFeed.flatMap((part) => part.timeline),
		sources: CompactRows.of(...perFeed.map((part) => part.sources)),
	};
}

export function localAddresses(topology: Topology): string[] {
	return [
		...new Set([
			...topology.availabilityZones.flatMap((zone) => zone.privateIps),
			...topology.targetGroups.flatMap((group) =>
				group.targets.flatMap((target) => (target.ip === undefined ? [] : [target.ip])),
			),
		]),
	];
}

/**
 * Like Promise.all, but waits for every sibling before throwing: a query whose StartQuery answer
 * is still on its way must be seen through to its StopQuery, or it keeps running (and billing).
 */
async function allSettledOrThrow<T>(promises: readonly Promise<T>[]): Promise<T[]> {
	const settled = await Promise.allSettled(promises);
	const values: T[] = [];
	for (const result of settled) {
		if (result.status === 'rejected') {
			throw result.reason;
		}
		values.push(result.value);
	}
	return values;
}

/**
 * Per feed: what a read of this run counted in `range`, when one covered the range and read every
 * event there; the combined query needs that count to know its rows fit one answer.
 */
export function recordCounts(
	reads: readonly RawReadResult[],
	range: TimeRange,
): (number | undefined)[] {
	const result = reads.find(
		(read) => read.range.start <= range.start && read.range.end >= range.end,
	);
	return (result?.feeds ?? []).map((feed) => {
		if (!feed.complete) {
			return undefined;
		}

		let total = 0;
		for (const [bucket, counts] of feed.counts) {
			if (bucket >= range.start && bucket < range.end) {
				total += counts.records + counts.malformed;
			}
		}

		return total;
	});
}
