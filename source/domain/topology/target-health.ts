// Target health now, from whichever source saw it last: discovery's DescribeTargetHealth (re-read
// every few minutes) or CloudWatch's HealthyHostCount / UnHealthyHostCount (published each minute).
// The header's figure and the unhealthy-targets finding both read this, so they never disagree.
import type {Snapshot} from '../snapshot.js';
import type {MetricPoint, MetricSeries} from '../types/metrics.js';
import type {TargetGroupInfo} from '../types/topology.js';

/** Metric points older than this describe the past, not the targets now. */
const metricFreshMs = 15 * 60_000;

export const unhealthyStates: ReadonlySet<string> = new Set(['unhealthy', 'unhealthy.draining']);

export type HealthSource = 'discovery' | 'metrics';

export type GroupHealth = {
	/** Absent for a group CloudWatch reports that discovery does not know. */
	readonly group?: TargetGroupInfo;
	/** The CloudWatch `TargetGroup` dimension, when there is a series for the group. */
	readonly dimension?: string;
	readonly registered: number;
	readonly healthy: number;
	readonly unhealthy: number;
	readonly source: HealthSource;
	/** Unix ms the figure describes: discovery's read, or the end of the metric's period. */
	readonly asOf?: number;
};

type Latest = {readonly point: MetricPoint; readonly end: number};

function latestOf(series: readonly MetricSeries[], now: number): Latest | undefined {
	let found: Latest | undefined;
	for (const entry of series) {
		for (const point of entry.points) {
			const end = point.t + entry.periodSeconds * 1000;
			if (
				Number.isFinite(point.v) &&
				now - end <= metricFreshMs &&
				(found === undefined || end > found.end)
			) {
				found = {point, end};
			}
		}
	}

	return found;
}

/** The group-wide series of a metric, preferring the conservative statistic. */
function groupSeries(
	snapshot: Pick<Snapshot, 'metrics'>,
	metricName: string,
	dimension: string,
	stat: string,
): MetricSeries[] {
	const all = (snapshot.metrics?.series ?? []).filter(
		(series) =>
			series.metricName === metricName &&
			series.dimensions.TargetGroup === dimension &&
			series.dimensions.AvailabilityZone === undefined,
	);
	const preferred = all.filter((series) => series.stat === stat);
	return preferred.length > 0 ? preferred : all;
}

function dimensionsOf(snapshot: Pick<Snapshot, 'metrics'>): string[] {
	return [
		...new Set(
			(snapshot.metrics?.series ?? []).flatMap((series) =>
				(series.metricName === 'UnHealthyHostCount' || series.metricName === 'HealthyHostCount') &&
				series.dimensions.TargetGroup !== undefined
					? [series.dimensions.TargetGroup]
					: [],
			),
		),
	];
}

function healthOf(
	snapshot: Pick<Snapshot, 'metrics' | 'sources' | 'generatedAt'>,
	group: TargetGroupInfo | undefined,
	dimension: string | undefined,
): GroupHealth {
	const targets = group?.targets ?? [];
	const registered = targets.length;
	const discovered: GroupHealth = {
		...(group === undefined ? {} : {group}),
		...(dimension === undefined ? {} : {dimension}),
		registered,
		healthy: targets.filter((target) => target.health.state === 'healthy').length,
		unhealthy: targets.filter((target) => unhealthyStates.has(target.health.state)).length,
		source: 'discovery',
		...(snapshot.sources.discovery.fetchedAt === undefined
			? {}
			: {asOf: snapshot.sources.discovery.fetchedAt}),
	};
	if (dimension === undefined) {
		return discovered;
	}

	const now = snapshot.generatedAt;
	const unhealthy = latestOf(
		groupSeries(snapshot, 'UnHealthyHostCount', dimension, 'Maximum'),
		now,
	);
	const healthy = latestOf(groupSeries(snapshot, 'HealthyHostCount', dimension, 'Minimum'), now);
	const newest = Math.max(unhealthy?.end ?? 0, healthy?.end ?? 0);
	// On a tie discovery wins: its answer is one instant, the metric's a whole period before it.
	if (newest === 0 || (group !== undefined && newest <= (discovered.asOf ?? 0))) {
		return discovered;
	}

	const unhealthyNow = unhealthy?.end === newest ? unhealthy.point.v : 0;
	const healthyNow =
		healthy?.end === newest ? healthy.point.v : Math.max(0, registered - unhealthyNow);
	return {
		...discovered,
		healthy: Math.round(healthyNow),
		unhealthy: Math.round(unhealthyNow),
		source: 'metrics',
		asOf: newest,
	};
}

export function targetHealthNow(
	snapshot: Pick<Snapshot, 'topology' | 'metrics' | 'sources' | 'generatedAt'>,
): GroupHealth[] {
	const dimensions = dimensionsOf(snapshot);
	const groups = snapshot.topology?.targetGroups ?? [];
	const known = groups.map((group) =>
		healthOf(
			snapshot,
			group,
			dimensions.find((dimension) => group.arn.endsWith(`:${dimension}`)),
		),
	);
	const metricsOnly = dimensions
		.filter((dimension) => !groups.some((group) => group.arn.endsWith(`:${dimension}`)))
		.map((dimension) => healthOf(snapshot, undefined, dimension));
	return [...known, ...metricsOnly];
}
