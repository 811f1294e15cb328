import {describe, expect, it} from 'vitest';
import {
	type AlarmMetric,
	alarmScopeOf,
	alarmsForLoadBalancer,
	type RawAlarm,
} from '../../../source/domain/metrics/alarm-filter.js';
import {
	apiGroupDimension,
	lbDimension,
	metricsTopology,
	targetGroup,
	webGroupDimension,
} from './topology-fixture.js';

const scope = alarmScopeOf(
	metricsTopology({targetGroups: [targetGroup(webGroupDimension), targetGroup(apiGroupDimension)]}),
);
const otherLb = 'net/other-nlb/0123456789abcdef';
const otherGroup = 'targetgroup/other/0123456789abcdef';
const since = Date.UTC(2025, 2, 14, 13, 30);

function metric(
	dimensions: Record<string, string>,
	metricName = 'UnHealthyHostCount',
): AlarmMetric {
	return {
		namespace: 'AWS/NetworkELB',
		metricName,
		dimensions: Object.entries(dimensions).map(([name, value]) => ({name, value})),
	};
}

function alarm(name: string, overrides: Partial<RawAlarm> = {}): RawAlarm {
	return {
		name,
		state: 'OK',
		reason: 'Threshold Crossed',
		stateUpdatedAt: since,
		metric: metric({LoadBalancer: lbDimension}),
		mathMetrics: [],
		...overrides,
	};
}

const lbMetric = metric({LoadBalancer: lbDimension});

const names = (alarms: readonly RawAlarm[]) =>
	alarmsForLoadBalancer(alarms, scope).alarms.map((entry) => entry.name);

type Metrics = {readonly metric?: AlarmMetric; readonly mathMetrics?: readonly AlarmMetric[]};

function candidate(metrics: Metrics): RawAlarm {
	return {
		name: 'candidate',
		state: 'OK',
		stateUpdatedAt: since,
		...(metrics.metric === undefined ? {} : {metric: metrics.metric}),
		mathMetrics: metrics.mathMetrics ?? [],
	};
}

describe('alarmsForLoadBalancer: which alarms are about this load balancer', () => {
	it.each<[string, Metrics, boolean]>([
		['its LoadBalancer dimension', {metric: metric({LoadBalancer: lbDimension})}, true],
		[
			'its LoadBalancer and one of its target groups',
			{metric: metric({LoadBalancer: lbDimension, TargetGroup: webGroupDimension})},
			true,
		],
		['one of its target groups alone', {metric: metric({TargetGroup: apiGroupDimension})}, true],
		[
			'per AZ of its load balancer',
			{metric: metric({LoadBalancer: lbDimension, AvailabilityZone: 'us-east-1a'})},
			true,
		],
		['another load balancer', {metric: metric({LoadBalancer: otherLb})}, false],
		['another target group', {metric: metric({TargetGroup: otherGroup})}, false],
		[
			'another load balancer, even with one of its group names',
			{metric: metric({LoadBalancer: otherLb, TargetGroup: webGroupDimension})},
			false,
		],
		['no dimensions at all', {metric: metric({})}, false],
		[
			'a name prefix of its dimension',
			{metric: metric({LoadBalancer: lbDimension.slice(0, -1)})},
			false,
		],
		[
			'a math alarm reading its metrics',
			{
				mathMetrics: [
					metric({LoadBalancer: lbDimension}, 'HTTPCode_ELB_5XX_Count'),
					metric({LoadBalancer: lbDimension}, 'RequestCount'),
				],
			},
			true,
		],
		[
			'a math alarm reading one of its target groups',
			{mathMetrics: [metric({TargetGroup: webGroupDimension})]},
			true,
		],
		['a math alarm about other resources', {mathMetrics: [metric({LoadBalancer: otherLb})]}, false],
		['an alarm with no metric at all', {}, false],
	])('%s -> %s', (_name, metrics, kept) => {
		expect(names([candidate(metrics)])).toEqual(kept ? ['candidate'] : []);
	});
});

describe('alarmsForLoadBalancer: what is shown', () => {
	it('puts ALARM first, then INSUFFICIENT_DATA, then OK, most recent change first', () => {
		expect(
			names([
				alarm('ok-old', {state: 'OK', stateUpdatedAt: since - 60_000}),
				alarm('insufficient', {state: 'INSUFFICIENT_DATA'}),
				alarm('alarm-old', {state: 'ALARM', stateUpdatedAt: since - 60_000}),
				alarm('ok-new', {state: 'OK', stateUpdatedAt: since + 60_000}),
				alarm('alarm-new', {state: 'ALARM'}),
			]),
		).toEqual(['alarm-new', 'alarm-old', 'insufficient', 'ok-new', 'ok-old']);
	});

	it('carries the state, reason, since and the metric it watches', () => {
		const [info] = alarmsForLoadBalancer(
			[
				alarm('web-unhealthy', {
					state: 'ALARM',
					reason: 'Threshold Crossed: 1 datapoint [2.0] was greater than the threshold (0.0).',
					metric: metric({LoadBalancer: lbDimension, TargetGroup: webGroupDimension}),
				}),
			],
			scope,
		).alarms;
		expect(info).toEqual({
			name: 'web-unhealthy',
			state: 'ALARM',
			reason: 'Threshold Crossed: 1 datapoint [2.0] was greater than the threshold (0.0).',
			since,
			metricName: 'UnHealthyHostCount',
			namespace: 'AWS/NetworkELB',
			dimensions: {LoadBalancer: lbDimension, TargetGroup: webGroupDimension},
		});
	});

	it('names a math alarm by the metric that ties it to this load balancer', () => {
		const [info] = alarmsForLoadBalancer(
			[
				{
					name: 'error-rate',
					state: 'ALARM',
					stateUpdatedAt: since,
					mathMetrics: [
						metric({LoadBalancer: otherLb}, 'RequestCount'),
						metric({LoadBalancer: lbDimension}, 'HTTPCode_ELB_5XX_Count'),
					],
				},
			],
			scope,
		).alarms;
		expect(info?.metricName).toBe('HTTPCode_ELB_5XX_Count');
		expect(info?.dimensions).toEqual({LoadBalancer: lbDimension});
	});

	it('strips terminal escapes from what AWS returns', () => {
		const [info] = alarmsForLoadBalancer(
			[alarm('evil\u001B]0;pwned\u0007-name', {reason: 'line one\nline two\u001B[2J'})],
			scope,
		).alarms;
		expect(info?.name).toBe('evil-name');
		expect(info?.reason).toBe('line one line two');
	});

	it.each<[string, RawAlarm]>([
		['no name', {state: 'OK', stateUpdatedAt: since, metric: lbMetric, mathMetrics: []}],
		[
			'an unknown state',
			{name: 'broken', state: 'PENDING', stateUpdatedAt: since, metric: lbMetric, mathMetrics: []},
		],
		['no state', {name: 'broken', stateUpdatedAt: since, metric: lbMetric, mathMetrics: []}],
		['no timestamp', {name: 'broken', state: 'ALARM', metric: lbMetric, mathMetrics: []}],
	])('counts and skips an alarm about this LB with %s', (_name, broken) => {
		const result = alarmsForLoadBalancer([broken, alarm('fine')], scope);
		expect(result.alarms.map((entry) => entry.name)).toEqual(['fine']);
		expect(result.skipped).toBe(1);
	});

	it('does not count broken alarms of other load balancers', () => {
		const result = alarmsForLoadBalancer(
			[{mathMetrics: [], metric: metric({LoadBalancer: otherLb})}],
			scope,
		);
		expect(result).toEqual({alarms: [], skipped: 0});
	});
});
