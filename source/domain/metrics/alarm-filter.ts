// The user's own CloudWatch alarms about this load balancer. DescribeAlarms cannot filter by
// dimension, so every alarm of the region is read and kept here when one of its metrics names
// this LB (`LoadBalancer=net/...`) or one of its target groups (`TargetGroup=targetgroup/...`);
// a metric-math alarm names them in its `Metrics[]` instead of its own dimensions.
import {sanitizeText} from '../sanitize.js';
import type {AlarmInfo, AlarmState} from '../types/metrics.js';
import type {Topology} from '../types/topology.js';
import {targetGroupDimension} from './metric-specs.js';

export type AlarmDimension = {readonly name: string; readonly value: string};

export type AlarmMetric = {
	readonly namespace?: string;
	readonly metricName?: string;
	readonly dimensions: readonly AlarmDimension[];
};

/** An alarm as DescribeAlarms returns it, reduced to what matching and display need. */
export type RawAlarm = {
	readonly name?: string;
	readonly state?: string;
	readonly reason?: string;
	/** Unix ms of the last state change. */
	readonly stateUpdatedAt?: number;
	/** The metric of a standard alarm. */
	readonly metric?: AlarmMetric;
	/** The metrics a metric-math alarm reads. */
	readonly mathMetrics: readonly AlarmMetric[];
};

export type AlarmScope = {
	readonly loadBalancer: string;
	readonly targetGroups: ReadonlySet<string>;
};

export function alarmScopeOf(topology: Topology): AlarmScope {
	return {
		loadBalancer: topology.metricDimension,
		targetGroups: new Set(
			topology.targetGroups.flatMap((group) => targetGroupDimension(group.arn) ?? []),
		),
	};
}

const alarmStates: ReadonlySet<string> = new Set<AlarmState>(['ALARM', 'INSUFFICIENT_DATA', 'OK']);
const stateRank: Readonly<Record<AlarmState, number>> = {ALARM: 0, INSUFFICIENT_DATA: 1, OK: 2};

function isAlarmState(value: string | undefined): value is AlarmState {
	return value !== undefined && alarmStates.has(value);
}

function dimensionValue(metric: AlarmMetric, name: string): string | undefined {
	return metric.dimensions.find((dimension) => dimension.name === name)?.value;
}

/** A metric of another load balancer never matches, even through a target group dimension. */
function namesScope(metric: AlarmMetric, scope: AlarmScope): boolean {
	const loadBalancer = dimensionValue(metric, 'LoadBalancer');
	if (loadBalancer !== undefined) {
		return loadBalancer === scope.loadBalancer;
	}
	const group = dimensionValue(metric, 'TargetGroup');
	return group !== undefined && scope.targetGroups.has(group);
}

function matchingMetric(alarm: RawAlarm, scope: AlarmScope): AlarmMetric | undefined {
	return [...(alarm.metric === undefined ? [] : [alarm.metric]), ...alarm.mathMetrics].find(
		(metric) => namesScope(metric, scope),
	);
}

function infoOf(alarm: RawAlarm, metric: AlarmMetric): AlarmInfo | undefined {
	const {name, state, stateUpdatedAt} = alarm;
	if (name === undefined || !isAlarmState(state) || stateUpdatedAt === undefined) {
		return undefined;
	}
	return {
		name: sanitizeText(name, 255),
		state,
		reason: sanitizeText(alarm.reason ?? '', 1024),
		since: stateUpdatedAt,
		...(metric.metricName === undefined ? {} : {metricName: sanitizeText(metric.metricName, 255)}),
		...(metric.namespace === undefined ? {} : {namespace: sanitizeText(metric.namespace, 255)}),
		dimensions: Object.fromEntries(
			metric.dimensions.map((dimension) => [
				sanitizeText(dimension.name, 255),
				sanitizeText(dimension.value, 1024),
			]),
		),
	};
}

function compareAlarms(left: AlarmInfo, right: AlarmInfo): number {
	return (
		stateRank[left.state] - stateRank[right.state] ||
		right.since - left.since ||
		left.name.localeCompare(right.name)
	);
}

export type AlarmSelection = {
	/** ALARM first, then INSUFFICIENT_DATA, then OK; the most recent change first within each. */
	readonly alarms: AlarmInfo[];
	/** Alarms about this LB that came back without a name, a known state or a timestamp. */
	readonly skipped: number;
};

export function alarmsForLoadBalancer(
	alarms: readonly RawAlarm[],
	scope: AlarmScope,
): AlarmSelection {
	let skipped = 0;
	const kept = alarms.flatMap((alarm) => {
		const metric = matchingMetric(alarm, scope);
		if (metric === undefined) {
			return [];
		}
		const info = infoOf(alarm, metric);
		if (info === undefined) {
			skipped += 1;
			return [];
		}
		return [info];
	});
	return {alarms: kept.sort(compareAlarms), skipped};
}
