// How a CloudWatch value reads in a cell: per-second rates for per-period sums of events and
// bytes (comparable across 60 s and 300 s periods), milliseconds for latencies.
import type {MetricPoint, MetricSeries} from '../snapshot.js';
import {formatBytes, formatNumber} from '../units.js';

type SeriesShape = Pick<MetricSeries, 'unit' | 'stat' | 'periodSeconds' | 'metricName'>;

const eventCounters = /^(New[A-Za-z]*Count|RequestCount|ProcessedPackets)/;

function perSecond(series: SeriesShape): boolean {
	return series.stat === 'Sum' && series.periodSeconds > 0;
}

export function formatMetricValue(series: SeriesShape, value: number): string {
	if (!Number.isFinite(value)) {
		return '-';
	}

	switch (series.unit) {
		case 'bytes': {
			return perSecond(series)
				? `${formatBytes(value / series.periodSeconds)}/s`
				: formatBytes(value);
		}

		case 'seconds': {
			return formatMilliseconds(value * 1000);
		}

		case 'percent': {
			return `${formatNumber(value)}%`;
		}

		case 'count': {
			return perSecond(series) && eventCounters.test(series.metricName)
				? `${formatNumber(value / series.periodSeconds)}/s`
				: formatNumber(value);
		}

		case 'none': {
			return formatNumber(value);
		}
	}
}

function formatMilliseconds(milliseconds: number): string {
	if (milliseconds >= 10_000) {
		return `${formatNumber(milliseconds / 1000)}s`;
	}

	return milliseconds < 10
		? `${formatNumber(Math.round(milliseconds * 10) / 10)}ms`
		: `${Math.round(milliseconds)}ms`;
}

export type SeriesSummary = {
	/** The newest datapoint, when it is recent enough to call current. */
	readonly current?: number;
	readonly min?: number;
	readonly max?: number;
};

/**
 * `reference` is the end of the data held (Unix ms). A series whose newest datapoint is more
 * than one period older than that has no current value: ELB stopped publishing, which is
 * not the same as the last value still holding.
 */
export function summarizeSeries(
	series: Pick<MetricSeries, 'periodSeconds'> & {readonly points: readonly MetricPoint[]},
	reference: number,
	windowStart: number,
): SeriesSummary {
	let newest: MetricPoint | undefined;
	let min: number | undefined;
	let max: number | undefined;
	for (const point of series.points) {
		if (!Number.isFinite(point.v) || !Number.isFinite(point.t) || point.t < windowStart) {
			continue;
		}

		min = min === undefined ? point.v : Math.min(min, point.v);
		max = max === undefined ? point.v : Math.max(max, point.v);
		if (newest === undefined || point.t > newest.t) {
			newest = point;
		}
	}

	const periodMs = series.periodSeconds * 1000;
	const current =
		newest !== undefined && newest.t + 2 * periodMs >= reference ? newest.v : undefined;
	return {
		...(current === undefined ? {} : {current}),
		...(min === undefined ? {} : {min}),
		...(max === undefined ? {} : {max}),
	};
}
