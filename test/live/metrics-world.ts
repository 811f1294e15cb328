// A sim world for the metrics source: raw CloudWatch samples for demo-nlb (with gaps, several
// samples per minute, per-AZ and per-target-group series), the same metric for another load
// balancer, and alarms for this LB, its target group and others, more than one DescribeAlarms
// page of them. No network resources: the source reads the topology from the store, not the sim.
import type {Config} from '../../source/domain/config.js';
import type {Topology} from '../../source/domain/snapshot.js';
import {initialSnapshot} from '../../source/live/initial-snapshot.js';
import {SnapshotStore} from '../../source/live/store.js';
import type {MetricAlarm, MetricDatum, World} from '../../source/sim/world/types.js';
import {
	lbDimension,
	metricsTopology,
	webGroupDimension,
} from '../domain/metrics/topology-fixture.js';

export const minute = 60_000;
/** 13:42:10 UTC: ten seconds after a minute boundary, when the source refreshes. */
export const now = Date.UTC(2025, 2, 14, 13, 42, 10);
export const at = (hours: number, minutes: number) => Date.UTC(2025, 2, 14, hours, minutes);

export const otherLbDimension = 'net/other-nlb/0123456789abcdef';
export {lbDimension, webGroupDimension};

type Dimensions = Readonly<Record<string, string>>;

export function datum(
	metricName: string,
	dimensions: Dimensions,
	timestamp: number,
	values: readonly number[],
	unit = 'Count',
): MetricDatum {
	return {
		namespace: 'AWS/NetworkELB',
		metricName,
		dimensions: Object.entries(dimensions).map(([name, value]) => ({name, value})),
		unit,
		timestamp,
		values,
	};
}

const lb = {LoadBalancer: lbDimension};
const webGroup = {...lb, TargetGroup: webGroupDimension};

/** NewFlowCount for demo-nlb: 13:30 12, 13:31 7+5, no traffic 13:32, 13:33 4, 13:40 9, 13:41 3. */
function metrics(): MetricDatum[] {
	return [
		datum('NewFlowCount', lb, at(13, 0), [77]),
		datum('NewFlowCount', lb, at(13, 30) + 5000, [12]),
		datum('NewFlowCount', lb, at(13, 31) + 5000, [7]),
		datum('NewFlowCount', lb, at(13, 31) + 35_000, [5]),
		datum('NewFlowCount', lb, at(13, 33), [4]),
		datum('NewFlowCount', lb, at(13, 40), [9]),
		datum('NewFlowCount', lb, at(13, 41), [3]),
		datum('ActiveFlowCount', lb, at(13, 33), [10, 20, 30]),
		datum('ProcessedBytes', lb, at(13, 33), [123_456], 'Bytes'),
		datum('NewFlowCount', {...lb, AvailabilityZone: 'us-east-1a'}, at(13, 40), [6]),
		datum('NewFlowCount', {...lb, AvailabilityZone: 'us-east-1b'}, at(13, 40), [3]),
		datum('UnHealthyHostCount', webGroup, at(13, 40), [1, 0, 1]),
		datum('UnHealthyHostCount', webGroup, at(13, 41), [1, 1]),
		datum('HealthyHostCount', webGroup, at(13, 41), [1, 2]),
		datum('UnHealthyHostCount', {...webGroup, AvailabilityZone: 'us-east-1b'}, at(13, 41), [1]),
		datum('NewFlowCount', {LoadBalancer: otherLbDimension}, at(13, 40), [999]),
	];
}

export function metricAlarm(
	alarmName: string,
	stateValue: MetricAlarm['stateValue'],
	dimensions: Dimensions,
	stateUpdatedTimestamp = at(13, 35),
): MetricAlarm {
	return {
		alarmName,
		alarmArn: `arn:aws:cloudwatch:us-east-1:123456789012:alarm:${alarmName}`,
		namespace: 'AWS/NetworkELB',
		metricName: 'UnHealthyHostCount',
		dimensions: Object.entries(dimensions).map(([name, value]) => ({name, value})),
		statistic: 'Maximum',
		periodSeconds: 60,
		evaluationPeriods: 1,
		threshold: 0,
		comparisonOperator: 'GreaterThanThreshold',
		stateValue,
		stateReason: `Threshold evaluated: ${stateValue}`,
		stateUpdatedTimestamp,
	};
}

/** Sorted by name, the region's alarms fill one 100-alarm page and part of the next. */
function alarms(): MetricAlarm[] {
	const others = Array.from({length: 120}, (_, index) =>
		metricAlarm(`other-${String(index).padStart(3, '0')}`, 'ALARM', {
			LoadBalancer: otherLbDimension,
		}),
	);
	return [
		metricAlarm('demo-nlb-resets', 'OK', lb, at(13, 20)),
		metricAlarm('demo-nlb-web-unhealthy', 'ALARM', webGroup),
		...others,
		metricAlarm('web-group-only', 'INSUFFICIENT_DATA', {TargetGroup: webGroupDimension}),
	];
}

export function metricsWorld(): World {
	return {
		region: 'us-east-1',
		accountId: '123456789012',
		identity: {
			account: '123456789012',
			arn: 'arn:aws:iam::123456789012:user/oncall',
			userId: 'AIDAEXAMPLEONCALL0001',
		},
		vpcs: [],
		subnets: [],
		securityGroups: [],
		networkAcls: [],
		instances: [],
		networkInterfaces: [],
		loadBalancers: [],
		listeners: [],
		targetGroups: [],
		targets: [],
		flowLogs: [],
		logGroups: [],
		metrics: metrics(),
		alarms: alarms(),
		cloudTrailEvents: [],
	};
}

export const metricsConfig: Config = {
	target: 'demo-nlb',
	windowMs: 15 * minute,
	refreshMs: 10_000,
	logGroups: [],
	output: 'json',
	color: false,
	ascii: false,
};

export function storeWith(topology: Topology = metricsTopology()): SnapshotStore {
	return new SnapshotStore({...initialSnapshot(metricsConfig, now, 'us-east-1'), topology});
}

/** Before discovery has answered. */
export function storeWithoutTopology(): SnapshotStore {
	return new SnapshotStore(initialSnapshot(metricsConfig, now, 'us-east-1'));
}
