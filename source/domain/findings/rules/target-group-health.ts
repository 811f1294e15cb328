// The health of each target group as discovery and CloudWatch report it: which targets are
// unhealthy, which AZs have no healthy target left, and since when the metrics say so.
import type {Snapshot} from '../../snapshot.js';
import {targetGroupByDimension} from '../../topology/topology-lookup.js';
import type {MetricSeries} from '../../types/metrics.js';
import type {TargetGroupInfo, TargetInfo} from '../../types/topology.js';
import {unique} from '../format.js';
import {allSeriesFor, latestValue, recentNonZero} from '../metric-series.js';

export const unhealthyStates: ReadonlySet<string> = new Set(['unhealthy', 'unhealthy.draining']);
export const healthMetricNames = ['UnHealthyHostCount', 'HealthyHostCount'];

export type GroupState = {
	readonly key: string;
	readonly name: string;
	readonly group?: TargetGroupInfo;
	readonly unhealthy: readonly TargetInfo[];
	readonly emptyZones: readonly string[];
	readonly metricUnhealthy?: number;
	readonly since?: number;
	readonly series: readonly MetricSeries[];
};

export function groupStates(snapshot: Snapshot, now: number): GroupState[] {
	const dimensions = new Set<string>();
	for (const name of healthMetricNames) {
		for (const series of allSeriesFor(snapshot.metrics, name)) {
			const dimension = series.dimensions.TargetGroup;
			if (dimension !== undefined) {
				dimensions.add(dimension);
			}
		}
	}

	const fromTopology = (snapshot.topology?.targetGroups ?? []).map((group) => {
		const dimension = [...dimensions].find((value) => group.arn.endsWith(`:${value}`));
		return stateFor(snapshot, now, group.arn, group.name, group, dimension);
	});
	const metricsOnly = [...dimensions]
		.filter((dimension) => targetGroupByDimension(snapshot.topology, dimension) === undefined)
		.map((dimension) =>
			stateFor(
				snapshot,
				now,
				dimension,
				dimension.split('/')[1] ?? dimension,
				undefined,
				dimension,
			),
		);
	return [...fromTopology, ...metricsOnly];
}

function stateFor(
	snapshot: Snapshot,
	now: number,
	key: string,
	name: string,
	group: TargetGroupInfo | undefined,
	dimension: string | undefined,
): GroupState {
	const targets = group?.targets ?? [];
	const unhealthy = targets.filter((target) => unhealthyStates.has(target.health.state));
	const zones = unique(
		targets.flatMap((target) =>
			target.availabilityZone === undefined || target.availabilityZone === 'all'
				? []
				: [target.availabilityZone],
		),
	);
	const topologyEmpty = zones.filter((zone) => {
		const inZone = targets.filter((target) => target.availabilityZone === zone);
		return (
			inZone.every((target) => target.health.state !== 'healthy') &&
			inZone.some((target) => unhealthyStates.has(target.health.state))
		);
	});

	const series = (metric: string) =>
		dimension === undefined
			? []
			: allSeriesFor(snapshot.metrics, metric).filter(
					(entry) => entry.dimensions.TargetGroup === dimension,
				);
	const allUnhealthy = series('UnHealthyHostCount');
	const groupWide = allUnhealthy.filter((entry) => entry.dimensions.AvailabilityZone === undefined);
	const unhealthySeries = groupWide.length > 0 ? groupWide : allUnhealthy;
	const run = unhealthySeries
		.map((entry) => recentNonZero(entry, now))
		.find((found) => found !== undefined);
	const zoneSeries = series('HealthyHostCount').filter(
		(entry) => entry.dimensions.AvailabilityZone !== undefined,
	);
	const metricEmpty = zoneSeries.flatMap((entry) => {
		const latest = latestValue(entry, now);
		const zone = entry.dimensions.AvailabilityZone;
		return latest !== undefined && latest.v <= 0 && zone !== undefined
			? [{zone, since: zeroSince(entry, latest.t), series: entry}]
			: [];
	});

	const sinceCandidates = [run?.since, ...metricEmpty.map((entry) => entry.since)].filter(
		(value) => value !== undefined,
	);
	return {
		key,
		name,
		...(group === undefined ? {} : {group}),
		unhealthy,
		emptyZones: unique([...topologyEmpty, ...metricEmpty.map((entry) => entry.zone)]).sort(),
		...(run === undefined ? {} : {metricUnhealthy: run.latest}),
		...(sinceCandidates.length > 0 ? {since: Math.min(...sinceCandidates)} : {}),
		series: [
			...(run === undefined ? [] : [run.series]),
			...metricEmpty.map((entry) => entry.series),
		],
	};
}

/** When the AZ's healthy count last dropped to zero: the start of the trailing run of zeros. */
function zeroSince(series: MetricSeries, latest: number): number {
	const points = [...series.points].sort((a, b) => a.t - b.t);
	let since = latest;
	for (let index = points.length - 1; index >= 0; index -= 1) {
		const point = points[index];
		if (point === undefined || point.v > 0) {
			break;
		}

		since = point.t;
	}

	return since;
}
