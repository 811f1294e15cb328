// Folding each GetMetricData answer into the series held: a period read again replaces what was
// held for it (late data grows the newest minutes), periods not read again are kept, and periods
// older than the window are dropped. A period without a datapoint stays absent: ELB publishes
// nothing while no traffic flows, and a zero there would claim a measurement nobody made.
import type {MetricPoint, MetricSeries} from '../types/metrics.js';
import type {MetricSpec} from './metric-specs.js';

/** One query's answer (possibly gathered from several pages). */
export type FetchedSeries = {
	readonly queryId: string;
	/** Unix ms of each period start, parallel to `values`. */
	readonly timestamps: readonly number[];
	readonly values: readonly number[];
};

export type MergeResult = {
	readonly series: MetricSeries[];
	/** Datapoints that were not numbers or had no timestamp, left out. */
	readonly skipped: number;
};

function periodStart(time: number, periodSeconds: number): number {
	const periodMs = periodSeconds * 1000;
	return Math.floor(time / periodMs) * periodMs;
}

function seriesOf(spec: MetricSpec, points: MetricPoint[]): MetricSeries {
	return {
		id: spec.seriesId,
		namespace: spec.namespace,
		metricName: spec.metricName,
		stat: spec.stat,
		periodSeconds: spec.periodSeconds,
		unit: spec.unit,
		label: spec.label,
		dimensions: spec.dimensions,
		points,
	};
}

/**
 * The series of `specs`, in their order: series no longer asked for are dropped, new ones start
 * with what was fetched.
 */
export function mergeSeries(
	held: readonly MetricSeries[],
	specs: readonly MetricSpec[],
	fetched: readonly FetchedSeries[],
	windowStart: number,
): MergeResult {
	const heldById = new Map(held.map((series) => [series.id, series]));
	const fetchedById = new Map<string, FetchedSeries[]>();
	for (const answer of fetched) {
		fetchedById.set(answer.queryId, [...(fetchedById.get(answer.queryId) ?? []), answer]);
	}
	let skipped = 0;
	const series = specs.map((spec) => {
		const byPeriod = new Map<number, number>();
		for (const point of heldById.get(spec.seriesId)?.points ?? []) {
			byPeriod.set(point.t, point.v);
		}
		for (const answer of fetchedById.get(spec.queryId) ?? []) {
			answer.timestamps.forEach((time, index) => {
				const value = answer.values[index];
				if (!Number.isFinite(time) || value === undefined || !Number.isFinite(value)) {
					skipped += 1;
					return;
				}
				byPeriod.set(periodStart(time, spec.periodSeconds), value);
			});
		}
		const points = [...byPeriod.entries()]
			.filter(([time]) => time >= windowStart)
			.sort(([left], [right]) => left - right)
			.map(([t, v]) => ({t, v}));
		return seriesOf(spec, points);
	});
	return {series, skipped};
}

/** Start of the newest period any series holds. */
export function newestPeriodHeld(series: readonly MetricSeries[]): number | undefined {
	let newest: number | undefined;
	for (const entry of series) {
		const last = entry.points.at(-1);
		if (last !== undefined && (newest === undefined || last.t > newest)) {
			newest = last.t;
		}
	}
	return newest;
}

/** End of the newest period with data: what the screen calls "data through". */
export function metricsDataThrough(series: readonly MetricSeries[]): number | undefined {
	let through: number | undefined;
	for (const entry of series) {
		const last = entry.points.at(-1);
		const end = last === undefined ? undefined : last.t + entry.periodSeconds * 1000;
		if (end !== undefined && (through === undefined || end > through)) {
			through = end;
		}
	}
	return through;
}
