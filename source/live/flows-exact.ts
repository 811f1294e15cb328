// Exact aggregates for one settled range: the two `stats` queries per feed (timeline and sources),
// each scanning the range once. The rows are held by the caller and never asked for again.
import type {InsightsRow, InsightsRunner} from '../aws/insights-runner.js';
import {buildAggregateQueries} from '../domain/flows/aggregate-queries.js';
import type {ExactSlice, FlowFeed, TimeRange} from '../domain/flows-window/index.js';
import type {Topology} from '../domain/types/topology.js';

export type ExactQueryOptions = {
	readonly bucketSeconds: number;
	/** Called as each query starts, so the session's query count is kept as it goes. */
	readonly onStart: () => void;
};

// StartQuery's own maximum; the timeline has few rows, the busiest sources come first.
const rowLimit = 10_000;

export async function queryExactSlice(
	runner: InsightsRunner,
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
	const perFeed = await allSettledOrThrow(
		feeds.map(async (feed) => {
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
		timeline: perFeed.flatMap((part): InsightsRow[] => [...part.timeline]),
		sources: perFeed.flatMap((part): InsightsRow[] => [...part.sources]),
	};
}

function localAddresses(topology: Topology): string[] {
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
