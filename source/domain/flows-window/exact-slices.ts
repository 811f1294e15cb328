// Insights answers for settled time, held per queried range so the window can slide without asking
// again. The timeline rows are per bucket, so totals, interfaces and the timeline are cut exactly at
// the window's start; the source and port rows are per range, so a range straddling the window's
// start keeps its lists until its last bucket leaves.

import {aggregateColumns} from '../flows/aggregate-queries.js';
import type {InsightsRow} from '../flows/aggregate-rows.js';
import {mergeAggregateRows, parseInsightsTime} from '../flows/aggregate-rows.js';
import type {FlowAggregates} from '../types/flows.js';
import type {Topology} from '../types/topology.js';
import type {TimeRange} from './settling.js';

export type ExactSlice = {
	readonly range: TimeRange;
	readonly timeline: readonly InsightsRow[];
	readonly sources: readonly InsightsRow[];
};

export type ExactPart = {
	readonly aggregates: FlowAggregates;
	readonly malformedRows: number;
};

type Merged = {
	readonly windowStart: number;
	readonly topology: Topology;
	readonly bucketSeconds: number;
	readonly part: ExactPart | undefined;
};

// Views are rebuilt far more often than an Insights answer arrives or the window's start moves to
// the next bucket: the held answers are merged again only then.
const mergedBySlices = new WeakMap<readonly ExactSlice[], Merged>();

export function exactAggregates(
	slices: readonly ExactSlice[],
	windowStart: number,
	topology: Topology,
	bucketSeconds: number,
): ExactPart | undefined {
	const known = mergedBySlices.get(slices);
	if (
		known?.windowStart === windowStart &&
		known.topology === topology &&
		known.bucketSeconds === bucketSeconds
	) {
		return known.part;
	}

	const part = mergeSlices(slices, windowStart, topology, bucketSeconds);
	mergedBySlices.set(slices, {windowStart, topology, bucketSeconds, part});
	return part;
}

function mergeSlices(
	slices: readonly ExactSlice[],
	windowStart: number,
	topology: Topology,
	bucketSeconds: number,
): ExactPart | undefined {
	const inWindow = slices.filter((slice) => slice.range.end > windowStart);
	if (inWindow.length === 0) {
		return undefined;
	}

	const timeline = inWindow.flatMap((slice) =>
		slice.timeline.filter((row) => {
			const bucket = parseInsightsTime(cellOf(row, aggregateColumns.bucket));
			return bucket === undefined || bucket >= windowStart;
		}),
	);
	const sources = inWindow.flatMap((slice) => slice.sources);
	const merged = mergeAggregateRows({timeline, sources}, topology, {
		bucketSeconds,
		precision: 'exact',
	});
	return {aggregates: merged.aggregates, malformedRows: merged.malformedRows};
}

function cellOf(row: InsightsRow, field: string): string | undefined {
	return row.find((cell) => cell.field === field)?.value?.trim();
}
