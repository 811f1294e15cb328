// The health of each target group now (topology/target-health.ts: whichever of discovery and
// CloudWatch saw it last, the same figure the header shows), plus what only one source can add:
// discovery names the unhealthy targets and their reasons, CloudWatch says since when.
import type {Snapshot} from '../../snapshot.js';
import {type GroupHealth, targetHealthNow, unhealthyStates} from '../../topology/target-health.js';
import type {MetricSeries} from '../../types/metrics.js';
import type {TargetGroupInfo, TargetInfo} from '../../types/topology.js';
import {unique} from '../format.js';
import {allSeriesFor, latestValue, recentNonZero} from '../metric-series.js';

export {unhealthyStates};
export const healthMetricNames = ['UnHealthyHostCount', 'HealthyHostCount'];

export type GroupState = {
	readonly key: string;
	readonly name: string;
	readonly group?: TargetGroupInfo;
	readonly health: GroupHealth;
	/** The unhealthy targets discovery named, while its count agrees with the figure now. */
	readonly unhealthy: readonly TargetInfo[];
	readonly emptyZones: readonly string[];
	/** CloudWatch's count, when CloudWatch is the fresher source. */
	readonly metricUnhealthy?: number;
	readonly since?: number;
	readonly sinceBefore?: boolean;
	readonly lastSeen?: number;
	readonly series: readonly MetricSeries[];
};

export function groupStates(snapshot: Snapshot, now: number): GroupState[] {
	return targetHealthNow({...snapshot, generatedAt: now}).map((health) =>
		stateFor(snapshot, now, health),
	);
}

function zonesWithoutHealthy(targets: readonly TargetInfo[]): string[] {
	const zones = unique(
		targets.flatMap((target) =>
			target.availabilityZone === undefined || target.availabilityZone === 'all'
				? []
				: [target.availabilityZone],
		),
	);
	return zones.filter((zone) => {
		const inZone = targets.filter((target) => target.availabilityZone === zone);
		return (
			inZone.every((target) => target.health.state !== 'healthy') &&
			inZone.some((target) => unhealthyStates.has(target.health.state))
		);
	});
}

function stateFor(snapshot: Snapshot, now: number, health: GroupHealth): GroupState {
	const {group, dimension} = health;
	const targets = group?.targets ?? [];
	const listed = targets.filter((target) => unhealthyStates.has(target.health.state));
	const fromMetrics = health.source === 'metrics';
	const series = (metric: string) =>
		dimension === undefined
			? []
			: allSeriesFor(snapshot.metrics, metric).filter(
					(entry) => entry.dimensions.TargetGroup === dimension,
				);
	const allUnhealthy = series('UnHealthyHostCount');
	const groupWide = allUnhealthy.filter((entry) => entry.dimensions.AvailabilityZone === undefined);
	const run = (groupWide.length > 0 ? groupWide : allUnhealthy)
		.map((entry) => recentNonZero(entry, now))
		.find((found) => found !== undefined);
	const metricEmpty = fromMetrics
		? series('HealthyHostCount').flatMap((entry) => {
				const latest = latestValue(entry, now);
				const zone = entry.dimensions.AvailabilityZone;
				return latest !== undefined && latest.v <= 0 && zone !== undefined
					? [{zone, since: zeroSince(entry, latest.t), series: entry}]
					: [];
			})
		: [];
	const unhealthyNow = health.unhealthy > 0;
	// CloudWatch tells since when, while it agrees the group is unhealthy now.
	const agreeing = unhealthyNow ? run : undefined;
	const sinceCandidates = [agreeing?.since, ...metricEmpty.map((entry) => entry.since)].filter(
		(value) => value !== undefined,
	);
	const since = sinceCandidates.length > 0 ? Math.min(...sinceCandidates) : undefined;
	return {
		key: group?.arn ?? dimension ?? 'unknown',
		name: group?.name ?? dimension?.split('/')[1] ?? dimension ?? 'unknown',
		...(group === undefined ? {} : {group}),
		health,
		unhealthy: unhealthyNow ? listed : [],
		emptyZones: unique([
			...(fromMetrics ? [] : zonesWithoutHealthy(targets)),
			...metricEmpty.map((entry) => entry.zone),
		]).sort(),
		...(fromMetrics ? {metricUnhealthy: health.unhealthy} : {}),
		...(since === undefined
			? {}
			: {since, sinceBefore: since === agreeing?.since && agreeing.sinceBefore}),
		...(health.asOf === undefined ? {} : {lastSeen: health.asOf}),
		series: [
			...(agreeing === undefined ? [] : [agreeing.series]),
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
