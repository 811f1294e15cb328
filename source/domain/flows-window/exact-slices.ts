// Insights answers for settled time, held per queried range so the window can slide without asking
// again. Timeline and source rows are per bucket, so totals, interfaces, the timeline and the source
// and port lists are all cut exactly at the window's start (a source row without a bucket stays
// until its range leaves), and the lists add up with the totals.

import {aggregateColumns} from '../flows/aggregate-queries.js';
import type {InsightsRow} from '../flows/aggregate-rows.js';
import {mergeAggregateRows, parseInsightsTime} from '../flows/aggregate-rows.js';
import type {FlowAggregates} from '../types/flows.js';
import type {Topology} from '../types/topology.js';
import {insightsRowLimit} from './combined-query.js';
import type {HeldRows} from './compact-rows.js';
import type {TimeRange} from './settling.js';

export type ExactSlice = {
	readonly range: TimeRange;
	readonly timeline: readonly InsightsRow[];
	readonly sources: HeldRows;
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

	const inside = (row: InsightsRow) => {
		const bucket = parseInsightsTime(cellOf(row, aggregateColumns.bucket));
		return bucket === undefined || bucket >= windowStart;
	};
	const timeline = inWindow.flatMap((slice) => slice.timeline.filter(inside));
	const sources = rowsInside(inWindow, inside);
	const merged = mergeAggregateRows({timeline, sources}, topology, {
		bucketSeconds,
		precision: 'exact',
	});
	// A full page of source rows may have been cut short: the lists then count less than the
	// clients sent, and how much less is not known.
	const {aggregates} = merged;
	if (inWindow.some((slice) => slice.sources.length >= insightsRowLimit)) {
		const {acceptedFromClients: _accepted, rejectedFromClients: _rejected, ...rest} = aggregates;
		return {aggregates: rest, malformedRows: merged.malformedRows};
	}

	return {aggregates, malformedRows: merged.malformedRows};
}

/** Made one at a time: the held rows are never all made again at once. */
function* rowsInside(
	slices: readonly ExactSlice[],
	inside: (row: InsightsRow) => boolean,
): Generator<InsightsRow> {
	for (const slice of slices) {
		for (const row of slice.sources) {
			if (inside(row)) {
				yield row;
			}
		}
	}
}

function cellOf(row: InsightsRow, field: string): string | undefined {
	return row.find((cell) => cell.field === field)?.value?.trim();
}
