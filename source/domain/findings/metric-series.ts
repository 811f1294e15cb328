// Reading a CloudWatch series the way the rules need it: the recent periods against the series'
// own baseline. Periods without a datapoint are gaps (ELB publishes nothing without traffic),
// never zeros, so baselines and runs are built from the points that exist.
import type {MetricPoint, MetricSeries, MetricsView} from '../types/metrics.js';
import {baselineMinPoints, metricStaleAfterMs, recentPeriods} from './thresholds.js';

/**
 * The LB-wide series for a metric when there is one, otherwise every per-AZ or per-target-group
 * series: evaluating both would report the same spike twice.
 */
export function seriesFor(metrics: MetricsView | undefined, metricName: string): MetricSeries[] {
	const matching = (metrics?.series ?? []).filter((series) => series.metricName === metricName);
	const fewest = Math.min(...matching.map((series) => Object.keys(series.dimensions).length));
	return matching.filter((series) => Object.keys(series.dimensions).length === fewest);
}

export function allSeriesFor(metrics: MetricsView | undefined, metricName: string): MetricSeries[] {
	return (metrics?.series ?? []).filter((series) => series.metricName === metricName);
}

function sortedPoints(series: MetricSeries): MetricPoint[] {
	return series.points.filter((point) => Number.isFinite(point.v)).sort((a, b) => a.t - b.t);
}

/** Points of the last few periods, or none when the newest point is too old to be "now". */
function recentWindow(
	series: MetricSeries,
	now: number,
): {recent: MetricPoint[]; before: MetricPoint[]} {
	const points = sortedPoints(series);
	const latest = points.at(-1);
	if (latest === undefined || latest.t < now - metricStaleAfterMs) {
		return {recent: [], before: points};
	}

	const start = latest.t - (recentPeriods - 1) * series.periodSeconds * 1000;
	return {
		recent: points.filter((point) => point.t >= start),
		before: points.filter((point) => point.t < start),
	};
}

export function median(values: readonly number[]): number {
	const sorted = [...values].sort((a, b) => a - b);
	const middle = Math.floor(sorted.length / 2);
	const upper = sorted[middle] ?? 0;
	return sorted.length % 2 === 0 ? ((sorted[middle - 1] ?? upper) + upper) / 2 : upper;
}

export type SpikeThresholds = {
	/** Minimum peak when a baseline exists. */
	readonly floor: number;
	/** Peak must also reach factor x baseline. */
	readonly factor: number;
	/** Minimum peak when the series is too short for a baseline. */
	readonly floorWithoutBaseline: number;
};

export type Spike = {
	readonly series: MetricSeries;
	readonly peak: number;
	/** Median of the earlier points; absent when there were too few. */
	readonly baseline?: number;
	/** Period start of the first point of the elevated run. */
	readonly since: number;
	/** The run reaches back to the series' first point: it began at or before `since`. */
	readonly sinceBefore: boolean;
	/** End of the newest period of the run. */
	readonly lastSeen: number;
	readonly recentSum: number;
};

export function detectSpike(
	series: MetricSeries,
	now: number,
	thresholds: SpikeThresholds,
): Spike | undefined {
	const {recent, before} = recentWindow(series, now);
	if (recent.length === 0) {
		return undefined;
	}

	const baseline =
		before.length >= baselineMinPoints ? median(before.map((point) => point.v)) : undefined;
	const threshold =
		baseline === undefined
			? thresholds.floorWithoutBaseline
			: Math.max(thresholds.floor, thresholds.factor * baseline);
	const peak = Math.max(...recent.map((point) => point.v));
	if (peak < threshold || peak <= 0) {
		return undefined;
	}

	const run = runOf([...before, ...recent], (value) => value >= threshold, series.periodSeconds);
	return {
		series,
		peak,
		...(baseline === undefined ? {} : {baseline}),
		...run,
		recentSum: recent.reduce((sum, point) => sum + point.v, 0),
	};
}

export type NonZeroRun = {
	readonly series: MetricSeries;
	readonly since: number;
	readonly sinceBefore: boolean;
	readonly lastSeen: number;
	readonly recentSum: number;
	readonly latest: number;
};

/** Any non-zero value in the recent periods, with the start of the non-zero run it belongs to. */
export function recentNonZero(series: MetricSeries, now: number): NonZeroRun | undefined {
	const {recent, before} = recentWindow(series, now);
	const recentSum = recent.reduce((sum, point) => sum + point.v, 0);
	const latest = recent.at(-1);
	if (latest === undefined || recentSum <= 0) {
		return undefined;
	}

	return {
		series,
		...runOf([...before, ...recent], (value) => value > 0, series.periodSeconds),
		recentSum,
		latest: latest.v,
	};
}

/** The latest value when it is recent, for gauges such as HealthyHostCount. */
export function latestValue(series: MetricSeries, now: number): MetricPoint | undefined {
	return recentWindow(series, now).recent.at(-1);
}

type Run = {readonly since: number; readonly sinceBefore: boolean; readonly lastSeen: number};

/**
 * The last run of points matching the test: the period start of its first point (and whether that
 * is the series' first point, so it may have begun earlier) and the end of its last period.
 */
function runOf(
	points: readonly MetricPoint[],
	matches: (value: number) => boolean,
	periodSeconds: number,
): Run {
	const last = points.findLastIndex((point) => matches(point.v));
	let first = last;
	for (let index = last - 1; index >= 0; index -= 1) {
		const point = points[index];
		if (point === undefined || !matches(point.v)) {
			break;
		}

		first = index;
	}

	return {
		since: points[first]?.t ?? 0,
		sinceBefore: first === 0,
		lastSeen: (points[last]?.t ?? 0) + periodSeconds * 1000,
	};
}

/** Per-minute thresholds scaled to the series' period (a 5-minute Sum holds five minutes). */
export function perPeriod(perMinute: number, series: MetricSeries): number {
	return (perMinute * series.periodSeconds) / 60;
}
