import {describe, expect, it} from 'vitest';
import {
	buildMetricSpecs,
	maxQueriesPerCall,
	targetGroupDimension,
} from '../../../source/domain/metrics/metric-specs.js';
import {
	apiGroupDimension,
	lbDimension,
	metricsTopology,
	targetGroup,
	webGroupDimension,
} from './topology-fixture.js';

const loadBalancerWide = (type: 'network' | 'application' | 'gateway') =>
	buildMetricSpecs(metricsTopology({type}), {breakdown: false})
		.filter((spec) => spec.dimensions.TargetGroup === undefined)
		.map((spec) => [spec.seriesId, spec.unit]);

describe('buildMetricSpecs: the metric set per load balancer type', () => {
	it.each([
		[
			'network' as const,
			'AWS/NetworkELB',
			[
				['ActiveFlowCount.Average', 'count'],
				['ActiveFlowCount.Maximum', 'count'],
				['NewFlowCount.Sum', 'count'],
				['ProcessedBytes.Sum', 'bytes'],
				['TCP_Client_Reset_Count.Sum', 'count'],
				['TCP_ELB_Reset_Count.Sum', 'count'],
				['TCP_Target_Reset_Count.Sum', 'count'],
				['PortAllocationErrorCount.Sum', 'count'],
				['ClientTLSNegotiationErrorCount.Sum', 'count'],
			],
		],
		[
			'application' as const,
			'AWS/ApplicationELB',
			[
				['RequestCount.Sum', 'count'],
				['TargetResponseTime.p50', 'seconds'],
				['TargetResponseTime.p99', 'seconds'],
				['HTTPCode_ELB_5XX_Count.Sum', 'count'],
				['HTTPCode_Target_5XX_Count.Sum', 'count'],
				['ActiveConnectionCount.Sum', 'count'],
				['NewConnectionCount.Sum', 'count'],
				['RejectedConnectionCount.Sum', 'count'],
				['TargetConnectionErrorCount.Sum', 'count'],
				['ProcessedBytes.Sum', 'bytes'],
			],
		],
		[
			'gateway' as const,
			'AWS/GatewayELB',
			[
				['ActiveFlowCount.Average', 'count'],
				['ActiveFlowCount.Maximum', 'count'],
				['NewFlowCount.Sum', 'count'],
				['ProcessedBytes.Sum', 'bytes'],
			],
		],
	])('%s load balancers read %s', (type, namespace, expected) => {
		expect(loadBalancerWide(type)).toEqual(expected);
		const specs = buildMetricSpecs(metricsTopology({type}));
		expect(new Set(specs.map((spec) => spec.namespace))).toEqual(new Set([namespace]));
	});

	it.each(['network', 'application', 'gateway'] as const)(
		'%s: host counts per target group, the Maximum of healthy and the Minimum of unhealthy',
		(type) => {
			const health = buildMetricSpecs(metricsTopology({type}), {breakdown: false}).filter(
				(spec) => spec.dimensions.TargetGroup !== undefined,
			);
			expect(health.map((spec) => [spec.seriesId, spec.dimensions])).toEqual([
				[
					'HealthyHostCount.Maximum.tg/web',
					{LoadBalancer: lbDimension, TargetGroup: webGroupDimension},
				],
				[
					'UnHealthyHostCount.Minimum.tg/web',
					{LoadBalancer: lbDimension, TargetGroup: webGroupDimension},
				],
			]);
		},
	);
});

describe('buildMetricSpecs: dimensions and breakdown', () => {
	const topology = metricsTopology({
		targetGroups: [targetGroup(webGroupDimension), targetGroup(apiGroupDimension)],
	});

	it('names the load balancer on every series, and only it on LB-wide series', () => {
		const specs = buildMetricSpecs(topology);
		expect(specs.every((spec) => spec.dimensions.LoadBalancer === lbDimension)).toBe(true);
		expect(specs.find((spec) => spec.seriesId === 'NewFlowCount.Sum')?.dimensions).toEqual({
			LoadBalancer: lbDimension,
		});
	});

	it.each([
		['NewFlowCount.Sum.az/us-east-1a', {AvailabilityZone: 'us-east-1a'}, 'new flows us-east-1a'],
		['NewFlowCount.Sum.az/us-east-1b', {AvailabilityZone: 'us-east-1b'}, 'new flows us-east-1b'],
		[
			'UnHealthyHostCount.Minimum.tg/api.az/us-east-1b',
			{TargetGroup: apiGroupDimension, AvailabilityZone: 'us-east-1b'},
			'unhealthy api us-east-1b',
		],
		[
			'HealthyHostCount.Maximum.tg/web.az/us-east-1a',
			{TargetGroup: webGroupDimension, AvailabilityZone: 'us-east-1a'},
			'healthy web us-east-1a',
		],
	])('breaks %s down per AZ', (seriesId, dimensions, label) => {
		const spec = buildMetricSpecs(topology).find((entry) => entry.seriesId === seriesId);
		expect(spec?.dimensions).toEqual({LoadBalancer: lbDimension, ...dimensions});
		expect(spec?.label).toBe(label);
	});

	it('leaves the per-AZ series out when the breakdown is off', () => {
		const specs = buildMetricSpecs(topology, {breakdown: false});
		expect(specs.filter((spec) => spec.dimensions.AvailabilityZone !== undefined)).toEqual([]);
		// 9 LB-wide series and 2 host counts for each of the 2 target groups.
		expect(specs).toHaveLength(13);
	});

	it('counts: 9 LB-wide, 4 per-group, 2 + 8 per-AZ series for two groups in two zones', () => {
		expect(buildMetricSpecs(topology)).toHaveLength(9 + 4 + 2 + 8);
	});

	it('gives every query a unique id CloudWatch accepts, and series ids that stay the same', () => {
		const specs = buildMetricSpecs(topology);
		expect(specs.every((spec) => /^[a-z][a-zA-Z0-9_]*$/.test(spec.queryId))).toBe(true);
		expect(new Set(specs.map((spec) => spec.queryId)).size).toBe(specs.length);
		expect(new Set(specs.map((spec) => spec.seriesId)).size).toBe(specs.length);
		expect(buildMetricSpecs(topology).map((spec) => spec.seriesId)).toEqual(
			specs.map((spec) => spec.seriesId),
		);
	});

	it('keeps labels short enough for a sparkline row', () => {
		const longest = Math.max(...buildMetricSpecs(topology).map((spec) => spec.label.length));
		expect(longest).toBeLessThanOrEqual(30);
	});

	it('reads every series at one-minute periods', () => {
		const periods = new Set(buildMetricSpecs(topology).map((spec) => spec.periodSeconds));
		expect(periods).toEqual(new Set([60]));
	});

	it('stays within 500 queries, dropping the per-AZ breakdown first', () => {
		const many = metricsTopology({
			targetGroups: Array.from({length: 60}, (_, index) =>
				targetGroup(`targetgroup/group-${index}/0000000000${String(index).padStart(6, '0')}`),
			),
			availabilityZones: ['a', 'b', 'c', 'd', 'e', 'f'].map((letter) => ({
				zone: `us-east-1${letter}`,
				subnetId: `subnet-${letter}`,
				privateIps: [],
				publicIps: [],
			})),
		});
		const specs = buildMetricSpecs(many);
		expect(specs).toHaveLength(maxQueriesPerCall);
		const withoutZone = specs.filter((spec) => spec.dimensions.AvailabilityZone === undefined);
		expect(withoutZone).toHaveLength(9 + 120);
	});

	it('skips a target group whose ARN does not end in targetgroup/<name>/<id>', () => {
		const specs = buildMetricSpecs(
			metricsTopology({targetGroups: [targetGroup(webGroupDimension, {arn: 'not-an-arn'})]}),
			{breakdown: false},
		);
		expect(specs.filter((spec) => spec.dimensions.TargetGroup !== undefined)).toEqual([]);
	});

	it('reads nothing per AZ or per group for an LB without zones or groups', () => {
		const specs = buildMetricSpecs(metricsTopology({availabilityZones: [], targetGroups: []}));
		expect(specs).toHaveLength(9);
	});
});

describe('targetGroupDimension', () => {
	it.each([
		[
			'arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/web/73e2d6bc24d8a067',
			'targetgroup/web/73e2d6bc24d8a067',
		],
		[
			'arn:aws-cn:elasticloadbalancing:cn-north-1:123456789012:targetgroup/a-b/0123456789abcdef',
			'targetgroup/a-b/0123456789abcdef',
		],
		['arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer/net/x/1', undefined],
		['targetgroup/web', undefined],
		['', undefined],
	])('%s -> %s', (arn, expected) => {
		expect(targetGroupDimension(arn)).toBe(expected);
	});
});
