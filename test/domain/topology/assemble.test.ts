import {describe, expect, it} from 'vitest';
import {assembleTopology} from '../../../source/domain/topology/assemble.js';
import type {DiscoveryFacts} from '../../../source/domain/topology/facts.js';
import type {FlowLogInfo} from '../../../source/domain/types/topology.js';

const arn =
	'arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer/net/web/50dc6c495c0c9188';

function flowLog(resourceId: string, overrides: Partial<FlowLogInfo> = {}): FlowLogInfo {
	return {
		flowLogId: `fl-${resourceId}`,
		resourceId,
		destinationType: 'cloud-watch-logs',
		logGroupName: '/vpc/flow',
		logFormat: '',
		maxAggregationIntervalSeconds: 60,
		trafficType: 'ALL',
		...overrides,
	};
}

function facts(overrides: Partial<DiscoveryFacts> = {}): DiscoveryFacts {
	return {
		loadBalancer: {
			arn,
			name: 'web',
			type: 'network',
			scheme: 'internet-facing',
			vpcId: 'vpc-1',
			dnsName: 'web.elb.amazonaws.com',
			state: 'active',
			securityGroups: ['sg-lb'],
			availabilityZones: [
				{zone: 'us-east-1a', subnetId: 'subnet-a'},
				{zone: 'us-east-1b', subnetId: 'subnet-b'},
			],
		},
		listeners: [{arn: 'l-80', port: 80, protocol: 'TCP', targetGroupArns: ['tg-web']}],
		targetGroups: [
			{
				arn: 'tg-web',
				name: 'web',
				protocol: 'TCP',
				port: 8080,
				targetType: 'instance',
				attributes: {},
				targets: [{id: 'i-1', port: 8080, health: {state: 'healthy'}}],
			},
			{
				arn: 'tg-tls',
				name: 'tls',
				protocol: 'TLS',
				port: 8443,
				targetType: 'ip',
				attributes: {'preserve_client_ip.enabled': 'false', 'proxy_protocol_v2.enabled': 'true'},
				targets: [
					{id: '10.0.2.9', port: 8443, health: {state: 'unhealthy', reason: 'Target.Timeout'}},
				],
			},
		],
		lbInterfaces: [
			{
				interfaceId: 'eni-a',
				subnetId: 'subnet-a',
				availabilityZone: 'us-east-1a',
				privateIps: ['10.0.1.10'],
				publicIps: ['198.51.100.7'],
				securityGroups: ['sg-lb'],
			},
			{
				interfaceId: 'eni-b',
				subnetId: 'subnet-b',
				availabilityZone: 'us-east-1b',
				privateIps: ['10.0.2.10'],
				publicIps: [],
				securityGroups: ['sg-lb'],
			},
		],
		targetInterfaces: [
			{
				interfaceId: 'eni-i1',
				subnetId: 'subnet-a',
				availabilityZone: 'us-east-1a',
				privateIps: ['10.0.1.50'],
				publicIps: [],
				securityGroups: ['sg-web'],
				instanceId: 'i-1',
			},
			{
				interfaceId: 'eni-ip',
				subnetId: 'subnet-b',
				availabilityZone: 'us-east-1b',
				privateIps: ['10.0.2.9'],
				publicIps: [],
				securityGroups: ['sg-tls'],
			},
		],
		flowLogs: [flowLog('vpc-1')],
		securityGroups: [{groupId: 'sg-web', groupName: 'web-sg'}],
		networkAcls: [{networkAclId: 'acl-1', subnetIds: ['subnet-a', 'subnet-b']}],
		logGroupOverride: [],
		...overrides,
	};
}

describe('assembleTopology', () => {
	it('maps AZs to the LB interface in their subnet, with its addresses', () => {
		const topology = assembleTopology(facts());
		expect(topology.availabilityZones).toEqual([
			{
				zone: 'us-east-1a',
				subnetId: 'subnet-a',
				interfaceId: 'eni-a',
				privateIps: ['10.0.1.10'],
				publicIps: ['198.51.100.7'],
			},
			{
				zone: 'us-east-1b',
				subnetId: 'subnet-b',
				interfaceId: 'eni-b',
				privateIps: ['10.0.2.10'],
				publicIps: [],
			},
		]);
		expect(topology.metricDimension).toBe('net/web/50dc6c495c0c9188');
	});

	it('reads client IP preservation from attributes, with the documented defaults when absent', () => {
		const [instanceGroup, ipGroup] = assembleTopology(facts()).targetGroups;
		expect(instanceGroup?.preserveClientIp).toBe(true);
		expect(ipGroup?.preserveClientIp).toBe(false);
		expect(ipGroup?.proxyProtocolV2).toBe(true);
	});

	it.each([
		{protocol: 'TCP', targetType: 'instance', attributes: {}, preserved: true},
		{protocol: 'TCP', targetType: 'ip', attributes: {}, preserved: false},
		{protocol: 'UDP', targetType: 'ip', attributes: {}, preserved: true},
		{protocol: 'TCP_UDP', targetType: 'ip', attributes: {}, preserved: true},
		{
			protocol: 'TLS',
			targetType: 'instance',
			attributes: {'preserve_client_ip.enabled': 'false'},
			preserved: false,
		},
		{
			protocol: 'TCP',
			targetType: 'ip',
			attributes: {'preserve_client_ip.enabled': 'true'},
			preserved: true,
		},
		// An ALB's groups: the ALB proxies, whatever the target type.
		{protocol: 'HTTP', targetType: 'instance', attributes: {}, preserved: false},
		{protocol: 'HTTPS', targetType: 'ip', attributes: {}, preserved: false},
	] as const)(
		'$protocol $targetType $attributes: client IP preserved is $preserved',
		({protocol, targetType, attributes, preserved}) => {
			const [group] = assembleTopology(
				facts({
					targetGroups: [
						{arn: 'tg', name: 'tg', protocol, port: 80, targetType, attributes, targets: []},
					],
				}),
			).targetGroups;
			expect(group?.preserveClientIp).toBe(preserved);
		},
	);

	it('gives targets their address, interface and security groups', () => {
		const [instanceGroup, ipGroup] = assembleTopology(facts()).targetGroups;
		expect(instanceGroup?.targets[0]).toMatchObject({
			id: 'i-1',
			ip: '10.0.1.50',
			interfaceId: 'eni-i1',
			securityGroups: ['sg-web'],
			availabilityZone: 'us-east-1a',
		});
		expect(ipGroup?.targets[0]).toMatchObject({
			id: '10.0.2.9',
			ip: '10.0.2.9',
			interfaceId: 'eni-ip',
			health: {state: 'unhealthy', reason: 'Target.Timeout'},
		});
	});

	it('reads the log groups of the flow logs covering the interfaces', () => {
		expect(assembleTopology(facts()).logGroups).toEqual(['/vpc/flow']);
	});

	it('has no gaps when a 60-second VPC flow log to CloudWatch Logs covers everything', () => {
		expect(assembleTopology(facts()).gaps).toEqual([]);
	});
});

describe('monitoring gaps', () => {
	const kinds = (input: DiscoveryFacts) => assembleTopology(input).gaps.map((gap) => gap.kind);

	it.each([
		['no flow logs at all', {flowLogs: []}, ['no-flow-logs', 'targets-without-flow-logs']],
		[
			'flow logs only to S3',
			{flowLogs: [flowLog('vpc-1', {destinationType: 's3'})]},
			['s3-only', 'targets-without-flow-logs'],
		],
		[
			'10-minute aggregation',
			{flowLogs: [flowLog('vpc-1', {maxAggregationIntervalSeconds: 600})]},
			['ten-minute-aggregation'],
		],
		[
			'REJECT-only traffic type',
			{flowLogs: [flowLog('vpc-1', {trafficType: 'REJECT'})]},
			['traffic-type-partial'],
		],
		[
			'flow logs only on the LB interfaces',
			{flowLogs: [flowLog('eni-a'), flowLog('eni-b')]},
			['targets-without-flow-logs'],
		],
		[
			'one LB interface uncovered',
			{flowLogs: [flowLog('subnet-a')]},
			['no-flow-logs', 'targets-without-flow-logs'],
		],
		['no LB interfaces found', {lbInterfaces: []}, ['interfaces-not-found']],
		['--log-group not covering', {logGroupOverride: ['/other']}, ['log-group-not-covering']],
	])('%s', (_name, overrides, expected) => {
		expect(kinds(facts(overrides))).toEqual(expected);
	});

	it('names the uncovered interfaces in plain words', () => {
		const [gap] = assembleTopology(facts({flowLogs: [flowLog('subnet-a')]})).gaps;
		expect(gap?.message).toMatch(/eni-b/);
		expect(gap?.resources).toEqual(['eni-b']);
	});
});
