// What the connection rows and the aggregates cover, so the panes can say it: the rows are paired
// from the records held (bounded, REJECTs first, newest first), read over a span that now reaches
// the window's start; "4,812 of 9,630 records" compares them with every record of that span, as
// Insights counted it where the time has settled and as the raw reads counted it elsewhere.
import {aggregateColumns} from '../flows/aggregate-queries.js';
import {parseInsightsTime, readNumber} from '../flows/aggregate-rows.js';
import type {FlowsView} from '../types/flows.js';
import type {ExactSlice} from './exact-slices.js';
import type {RawHold} from './raw-records.js';
import {alignDown} from './settling.js';

export type Coverage = {
	/** Unix seconds: the rows were read from the records since here. */
	readonly rowsFrom?: number;
	/** Unix seconds: the aggregates cover the window from here; before it they are loading. */
	readonly aggregatesFrom?: number;
};

/** Records per bucket (Unix seconds) in the Insights answers: every action and interface summed. */
function exactCounts(slices: readonly ExactSlice[], bucketSeconds: number): Map<number, number> {
	const counts = new Map<number, number>();
	for (const slice of slices) {
		for (const row of slice.timeline) {
			const cell = (field: string) => row.find((entry) => entry.field === field)?.value?.trim();
			const bucket = parseInsightsTime(cell(aggregateColumns.bucket));
			const flows = readNumber(cell(aggregateColumns.flows));
			if (bucket !== undefined && flows !== undefined) {
				const start = alignDown(bucket, bucketSeconds);
				counts.set(start, (counts.get(start) ?? 0) + flows);
			}
		}
	}

	return counts;
}

/** Records in the rows' span: per bucket, the larger of the exact and the raw count. */
export function recordsSince(
	from: number,
	raw: RawHold,
	slices: readonly ExactSlice[],
	bucketSeconds: number,
): number {
	const exact = exactCounts(slices, bucketSeconds);
	const buckets = new Set([...exact.keys(), ...raw.counts.keys()]);
	let total = 0;
	for (const bucket of buckets) {
		if (bucket >= alignDown(from, bucketSeconds)) {
			total += Math.max(exact.get(bucket) ?? 0, raw.counts.get(bucket)?.records ?? 0);
		}
	}

	return total;
}

/**
 * The view with what its rows and aggregates cover. `recordsMatched` becomes every record of the
 * rows' span (so `sampled` says whether the rows hold them all).
 */
export function withCoverage(
	view: FlowsView,
	coverage: Coverage,
	inputs: {
		readonly raw: RawHold;
		readonly slices: readonly ExactSlice[];
		readonly bucketSeconds: number;
	},
): FlowsView {
	const {rowsFrom, aggregatesFrom} = coverage;
	const matched =
		rowsFrom === undefined
			? view.recordsMatched
			: Math.max(
					view.recordsRead,
					recordsSince(rowsFrom, inputs.raw, inputs.slices, inputs.bucketSeconds),
				);
	return {
		...view,
		recordsMatched: matched,
		sampled: matched > view.recordsRead,
		...(rowsFrom === undefined ? {} : {rowsFrom: rowsFrom * 1000}),
		...(aggregatesFrom === undefined ? {} : {aggregatesFrom: aggregatesFrom * 1000}),
	};
}
