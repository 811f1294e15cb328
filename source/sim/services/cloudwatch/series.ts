// Finding a metric's samples and grouping them into periods. A metric is namespace + name + the
// exact set of dimensions (order does not matter, a subset does not match), as in CloudWatch.
import type {Params} from '../../protocol/params.js';
import type {MetricDatum, World} from '../../world/types.js';
import {type Sample, samplesOf} from './statistics.js';

export type Dimension = {readonly name: string; readonly value: string};

export type MetricIdentity = {
	readonly namespace: string;
	readonly metricName: string;
	readonly dimensions: readonly Dimension[];
};

export function readDimensions(params: Params, member = 'Dimensions'): Dimension[] {
	return params.objects(member).map((dimension) => ({
		name: dimension.requiredString('Name'),
		value: dimension.requiredString('Value'),
	}));
}

export function dimensionsKey(dimensions: readonly Dimension[]): string {
	return JSON.stringify(
		[...dimensions]
			.map((dimension) => [dimension.name, dimension.value])
			.sort(([left = ''], [right = '']) => left.localeCompare(right)),
	);
}

function nameKey(namespace: string, metricName: string): string {
	return JSON.stringify([namespace, metricName]);
}

/**
 * The world's datums with a timestamp in [start, end): those it holds, and those its model
 * computes for that range alone (published by `now`), so a read never builds more than it asks.
 */
export function metricsBetween(
	world: World,
	start: number,
	end: number,
	now: number,
): readonly MetricDatum[] {
	const generated = world.generatedMetrics?.between(start, end, now) ?? [];
	return generated.length === 0 ? world.metrics : [...world.metrics, ...generated];
}

/** Datums grouped by namespace and name, built once per request. */
export type MetricIndex = ReadonlyMap<string, readonly MetricDatum[]>;

export function indexMetrics(metrics: readonly MetricDatum[]): MetricIndex {
	const index = new Map<string, MetricDatum[]>();
	for (const datum of metrics) {
		const key = nameKey(datum.namespace, datum.metricName);
		const group = index.get(key);
		if (group === undefined) {
			index.set(key, [datum]);
		} else {
			group.push(datum);
		}
	}
	return index;
}

export type SeriesQuery = {
	readonly metric: MetricIdentity;
	readonly unit?: string;
	readonly startTime: number;
	readonly endTime: number;
	readonly periodSeconds: number;
};

export type Series = {
	/** Period start (Unix ms) -> the period's samples, only for periods that have data. */
	readonly periods: ReadonlyMap<number, readonly Sample[]>;
	/** The unit the matched data was published with, if any. */
	readonly unit?: string;
};

export function seriesOf(index: MetricIndex, query: SeriesQuery): Series {
	const {metric, unit, endTime, periodSeconds} = query;
	const periodMs = periodSeconds * 1000;
	// CloudWatch aligns periods to the period boundary at or before StartTime.
	const startTime = Math.floor(query.startTime / periodMs) * periodMs;
	const wanted = dimensionsKey(metric.dimensions);
	const periods = new Map<number, Sample[]>();
	let seenUnit: string | undefined;
	for (const datum of index.get(nameKey(metric.namespace, metric.metricName)) ?? []) {
		if (datum.timestamp < startTime || datum.timestamp >= endTime) {
			continue;
		}
		if (unit !== undefined && (datum.unit ?? 'None') !== unit) {
			continue;
		}
		if (dimensionsKey(datum.dimensions) !== wanted) {
			continue;
		}
		seenUnit ??= datum.unit;
		const periodStart = Math.floor(datum.timestamp / periodMs) * periodMs;
		const bucket = periods.get(periodStart);
		if (bucket === undefined) {
			periods.set(periodStart, samplesOf(datum));
		} else {
			bucket.push(...samplesOf(datum));
		}
	}
	return seenUnit === undefined ? {periods} : {periods, unit: seenUnit};
}
