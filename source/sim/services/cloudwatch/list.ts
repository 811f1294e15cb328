// CloudWatch ListMetrics: the distinct metrics (namespace, name, dimensions) the world has data for.
import type {SimContext} from '../../context.js';
import {pageOf} from '../../protocol/paging.js';
import type {Params} from '../../protocol/params.js';
import type {WireStruct} from '../../protocol/wire.js';
import type {MetricDatum} from '../../world/types.js';
import {invalidNextToken, invalidParameterValue} from './errors.js';
import {dimensionsKey, type MetricIdentity, metricsBetween} from './series.js';

const pageSize = 500;
const recentlyActiveMs = 3 * 60 * 60 * 1000;

type DimensionFilter = {readonly name: string; readonly value?: string};

function matches(
	datum: MetricDatum,
	namespace: string | undefined,
	metricName: string | undefined,
	filters: readonly DimensionFilter[],
): boolean {
	return (
		(namespace === undefined || datum.namespace === namespace) &&
		(metricName === undefined || datum.metricName === metricName) &&
		filters.every((filter) =>
			datum.dimensions.some(
				(dimension) =>
					dimension.name === filter.name &&
					(filter.value === undefined || dimension.value === filter.value),
			),
		)
	);
}

export function listMetrics(params: Params, {world, clock}: SimContext): WireStruct {
	const namespace = params.string('Namespace');
	const metricName = params.string('MetricName');
	const filters = params.objects('Dimensions').map((filter): DimensionFilter => {
		const value = filter.string('Value');
		return value === undefined
			? {name: filter.requiredString('Name')}
			: {name: filter.requiredString('Name'), value};
	});
	const recentlyActive = params.string('RecentlyActive');
	if (recentlyActive !== undefined && recentlyActive !== 'PT3H') {
		throw invalidParameterValue(
			`The value ${recentlyActive} for parameter RecentlyActive is not valid.`,
		);
	}
	const since =
		recentlyActive === undefined ? Number.NEGATIVE_INFINITY : clock.now() - recentlyActiveMs;
	const distinct = new Map<string, MetricIdentity>();
	// A world model's metrics keep the same names and dimensions minute after minute: the last
	// quarter hour lists them all without building the weeks ListMetrics looks back over.
	const now = clock.now();
	for (const datum of metricsBetween(world, Math.max(since, now - 15 * 60_000), now, now)) {
		if (datum.timestamp >= since && matches(datum, namespace, metricName, filters)) {
			const key = JSON.stringify([
				datum.namespace,
				datum.metricName,
				dimensionsKey(datum.dimensions),
			]);
			if (!distinct.has(key)) {
				distinct.set(key, datum);
			}
		}
	}
	const sorted = [...distinct.entries()].sort(([left], [right]) => left.localeCompare(right));
	const page = pageOf(sorted, params.string('NextToken'), pageSize, invalidNextToken);
	return {
		Metrics: page.items.map(([, metric]) => ({
			Namespace: metric.namespace,
			MetricName: metric.metricName,
			Dimensions: metric.dimensions.map((dimension) => ({
				Name: dimension.name,
				Value: dimension.value,
			})),
		})),
		NextToken: page.nextToken,
	};
}
