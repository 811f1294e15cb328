// A small, hand-written world for sim tests: one VPC in two zones, an internet-facing NLB with
// two instance targets (one unhealthy), an internal ALB, a canary NLB whose interface description
// differs only after the name, two flow logs, a few metric samples and three alarms.
// Every call returns a fresh copy, so tests may mutate it.
import type {World} from '../../source/sim/world/types.js';

export const accountId = '123456789012';
export const baseTime = Date.parse('2024-05-01T12:00:00Z');

const arnPrefix = `arn:aws:elasticloadbalancing:us-east-1:${accountId}`;
export const nlbArn = `${arnPrefix}:loadbalancer/net/web-nlb/50dc6c495c0c9188`;
export const albArn = `${arnPrefix}:loadbalancer/app/api-alb/6d0ecf831eec9f09`;
export const canaryArn = `${arnPrefix}:loadbalancer/net/web-nlb-canary/1a2b3c4d5e6f7a8b`;
export const webTargetGroupArn = `${arnPrefix}:targetgroup/web-tcp/73e2d6bc24d8a067`;
export const apiTargetGroupArn = `${arnPrefix}:targetgroup/api-http/2453ed029918f21f`;
export const nlbListenerArn = `${arnPrefix}:listener/net/web-nlb/50dc6c495c0c9188/f2f7dc8efc522ab2`;
export const albListenerArn = `${arnPrefix}:listener/app/api-alb/6d0ecf831eec9f09/0467ef3c8400ae65`;
export const nlbDimension = 'net/web-nlb/50dc6c495c0c9188';

/** Fields of the NLB interface's flow log, written as `${field}` placeholders like AWS does. */
export const customFlowLogFormat = [
	'version',
	'interface-id',
	'srcaddr',
	'dstaddr',
	'srcport',
	'dstport',
	'protocol',
	'packets',
	'bytes',
	'start',
	'end',
	'action',
	'log-status',
	'tcp-flags',
	'flow-direction',
]
	.map((field) => `\${${field}}`)
	.join(' ');

const vpcId = 'vpc-0a1b2c3d4e5f60001';
const subnetA = 'subnet-0aaa0000000000001';
const subnetB = 'subnet-0bbb0000000000002';

const healthCheck = {
	protocol: 'TCP',
	port: 'traffic-port',
	intervalSeconds: 30,
	timeoutSeconds: 10,
	healthyThresholdCount: 3,
	unhealthyThresholdCount: 3,
};

function loadBalancerEni(id: string, description: string, subnetId: string, address: string) {
	return {
		networkInterfaceId: id,
		subnetId,
		vpcId,
		availabilityZone: subnetId === subnetA ? 'us-east-1a' : 'us-east-1b',
		description,
		interfaceType: 'network_load_balancer',
		privateIpAddress: address,
		securityGroupIds: [],
		requesterManaged: true,
		requesterId: 'amazon-elb',
		ownerId: accountId,
		attachment: {deviceIndex: 1},
		status: 'in-use' as const,
	};
}

function instanceEni(id: string, instanceId: string, subnetId: string, address: string) {
	return {
		networkInterfaceId: id,
		subnetId,
		vpcId,
		availabilityZone: subnetId === subnetA ? 'us-east-1a' : 'us-east-1b',
		description: 'Primary network interface',
		interfaceType: 'interface',
		privateIpAddress: address,
		securityGroupIds: ['sg-0web00000000000001'],
		requesterManaged: false,
		ownerId: accountId,
		attachment: {instanceId, deviceIndex: 0},
		status: 'in-use' as const,
	};
}

function instance(
	instanceId: string,
	name: string,
	subnetId: string,
	address: string,
	eni: string,
) {
	return {
		instanceId,
		subnetId,
		vpcId,
		availabilityZone: subnetId === subnetA ? 'us-east-1a' : 'us-east-1b',
		privateIpAddress: address,
		instanceType: 't3.small',
		state: 'running' as const,
		securityGroupIds: ['sg-0web00000000000001'],
		networkInterfaceId: eni,
		tags: [{key: 'Name', value: name}],
	};
}

function activeFlows(minute: number, value: number) {
	return {
		namespace: 'AWS/NetworkELB',
		metricName: 'ActiveFlowCount',
		dimensions: [{name: 'LoadBalancer', value: nlbDimension}],
		unit: 'Count',
		timestamp: baseTime + minute * 60_000,
		values: [value],
	};
}

function alarm(name: string, metricName: string, state: 'OK' | 'ALARM' | 'INSUFFICIENT_DATA') {
	return {
		alarmName: name,
		alarmArn: `arn:aws:cloudwatch:us-east-1:${accountId}:alarm:${name}`,
		namespace: 'AWS/NetworkELB',
		metricName,
		dimensions: [{name: 'LoadBalancer', value: nlbDimension}],
		statistic: 'Maximum',
		periodSeconds: 60,
		evaluationPeriods: 3,
		threshold: 1,
		comparisonOperator: 'GreaterThanOrEqualToThreshold',
		stateValue: state,
		stateReason: `Threshold evaluated: ${state}`,
		stateUpdatedTimestamp: baseTime,
	};
}

export function testWorld(): World {
	return {
		region: 'us-east-1',
		accountId,
		identity: {
			account: accountId,
			arn: `arn:aws:iam::${accountId}:user/oncall`,
			userId: 'AIDAEXAMPLEONCALL0001',
		},
		vpcs: [{vpcId, cidrBlock: '10.0.0.0/16'}],
		subnets: [
			{
				subnetId: subnetA,
				vpcId,
				availabilityZone: 'us-east-1a',
				availabilityZoneId: 'use1-az1',
				cidrBlock: '10.0.1.0/24',
			},
			{
				subnetId: subnetB,
				vpcId,
				availabilityZone: 'us-east-1b',
				availabilityZoneId: 'use1-az2',
				cidrBlock: '10.0.2.0/24',
			},
		],
		securityGroups: [
			{
				groupId: 'sg-0web00000000000001',
				groupName: 'web-targets',
				description: 'web targets behind web-nlb',
				vpcId,
				ingress: [
					{
						ipProtocol: 'tcp',
						fromPort: 8080,
						toPort: 8080,
						cidrIpv4: '10.0.0.0/16',
						description: 'from the VPC',
					},
					{
						ipProtocol: 'tcp',
						fromPort: 8080,
						toPort: 8080,
						referencedGroupId: 'sg-0alb00000000000002',
					},
				],
				egress: [{ipProtocol: '-1', cidrIpv4: '0.0.0.0/0'}],
			},
			{
				groupId: 'sg-0alb00000000000002',
				groupName: 'api-alb',
				description: 'api-alb listeners',
				vpcId,
				ingress: [{ipProtocol: 'tcp', fromPort: 443, toPort: 443, cidrIpv4: '0.0.0.0/0'}],
				egress: [{ipProtocol: '-1', cidrIpv4: '0.0.0.0/0'}],
			},
		],
		networkAcls: [
			{
				networkAclId: 'acl-0default000000001',
				vpcId,
				isDefault: true,
				subnetIds: [subnetA, subnetB],
				entries: [
					{
						ruleNumber: 100,
						egress: false,
						protocol: '-1',
						ruleAction: 'allow',
						cidrBlock: '0.0.0.0/0',
					},
					{
						ruleNumber: 90,
						egress: false,
						protocol: '6',
						ruleAction: 'deny',
						cidrBlock: '198.51.100.0/24',
						portRange: {from: 80, to: 80},
					},
					{
						ruleNumber: 100,
						egress: true,
						protocol: '-1',
						ruleAction: 'allow',
						cidrBlock: '0.0.0.0/0',
					},
				],
			},
		],
		instances: [
			instance('i-0target00000000001', 'web-1', subnetA, '10.0.1.10', 'eni-0target0000000001'),
			instance('i-0target00000000002', 'web-2', subnetB, '10.0.2.10', 'eni-0target0000000002'),
		],
		networkInterfaces: [
			{
				...loadBalancerEni(
					'eni-0nlb000000000001',
					'ELB net/web-nlb/50dc6c495c0c9188',
					subnetA,
					'10.0.1.100',
				),
				publicIp: '3.80.10.1',
			},
			{
				...loadBalancerEni(
					'eni-0nlb000000000002',
					'ELB net/web-nlb/50dc6c495c0c9188',
					subnetB,
					'10.0.2.100',
				),
				publicIp: '3.80.10.2',
			},
			loadBalancerEni(
				'eni-0canary000000001',
				'ELB net/web-nlb-canary/1a2b3c4d5e6f7a8b',
				subnetA,
				'10.0.1.150',
			),
			{
				...loadBalancerEni(
					'eni-0alb000000000001',
					'ELB app/api-alb/6d0ecf831eec9f09',
					subnetA,
					'10.0.1.200',
				),
				interfaceType: 'interface',
				securityGroupIds: ['sg-0alb00000000000002'],
			},
			instanceEni('eni-0target0000000001', 'i-0target00000000001', subnetA, '10.0.1.10'),
			instanceEni('eni-0target0000000002', 'i-0target00000000002', subnetB, '10.0.2.10'),
		],
		loadBalancers: [
			{
				loadBalancerArn: nlbArn,
				loadBalancerName: 'web-nlb',
				type: 'network',
				scheme: 'internet-facing',
				vpcId,
				dnsName: 'web-nlb-50dc6c495c0c9188.elb.us-east-1.amazonaws.com',
				canonicalHostedZoneId: 'Z26RNL4JYFTOTI',
				createdTime: baseTime - 86_400_000,
				state: 'active',
				ipAddressType: 'ipv4',
				securityGroups: [],
				availabilityZones: [
					{zoneName: 'us-east-1a', subnetId: subnetA, allocationId: 'eipalloc-0aaa000000000001'},
					{zoneName: 'us-east-1b', subnetId: subnetB, allocationId: 'eipalloc-0bbb000000000002'},
				],
				attributes: {'cross_zone.enabled': 'false', 'deletion_protection.enabled': 'true'},
				tags: [{key: 'team', value: 'web'}],
			},
			{
				loadBalancerArn: albArn,
				loadBalancerName: 'api-alb',
				type: 'application',
				scheme: 'internal',
				vpcId,
				dnsName: 'internal-api-alb-6d0ecf831eec9f09.us-east-1.elb.amazonaws.com',
				canonicalHostedZoneId: 'Z35SXDOTRQ7X7K',
				createdTime: baseTime - 172_800_000,
				state: 'active',
				ipAddressType: 'ipv4',
				securityGroups: ['sg-0alb00000000000002'],
				availabilityZones: [{zoneName: 'us-east-1a', subnetId: subnetA}],
				attributes: {'idle_timeout.timeout_seconds': '60'},
				tags: [],
			},
			{
				loadBalancerArn: canaryArn,
				loadBalancerName: 'web-nlb-canary',
				type: 'network',
				scheme: 'internal',
				vpcId,
				dnsName: 'web-nlb-canary-1a2b3c4d5e6f7a8b.elb.us-east-1.amazonaws.com',
				canonicalHostedZoneId: 'Z26RNL4JYFTOTI',
				createdTime: baseTime - 3_600_000,
				state: 'provisioning',
				ipAddressType: 'ipv4',
				securityGroups: [],
				availabilityZones: [{zoneName: 'us-east-1a', subnetId: subnetA}],
				attributes: {},
				tags: [],
			},
		],
		listeners: [
			{
				listenerArn: nlbListenerArn,
				loadBalancerArn: nlbArn,
				port: 80,
				protocol: 'TCP',
				defaultActions: [{type: 'forward', targetGroupArn: webTargetGroupArn}],
			},
			{
				listenerArn: albListenerArn,
				loadBalancerArn: albArn,
				port: 443,
				protocol: 'HTTPS',
				defaultActions: [{type: 'forward', targetGroupArn: apiTargetGroupArn}],
				certificates: [{certificateArn: `arn:aws:acm:us-east-1:${accountId}:certificate/0f1e2d3c`}],
				sslPolicy: 'ELBSecurityPolicy-TLS13-1-2-2021-06',
			},
		],
		targetGroups: [
			{
				targetGroupArn: webTargetGroupArn,
				targetGroupName: 'web-tcp',
				protocol: 'TCP',
				port: 8080,
				vpcId,
				targetType: 'instance',
				loadBalancerArns: [nlbArn],
				healthCheck,
				attributes: {
					'preserve_client_ip.enabled': 'true',
					'deregistration_delay.timeout_seconds': '300',
				},
				tags: [{key: 'team', value: 'web'}],
			},
			{
				targetGroupArn: apiTargetGroupArn,
				targetGroupName: 'api-http',
				protocol: 'HTTP',
				port: 8080,
				vpcId,
				targetType: 'instance',
				loadBalancerArns: [albArn],
				healthCheck: {...healthCheck, protocol: 'HTTP', port: '8081'},
				attributes: {'deregistration_delay.timeout_seconds': '30'},
				tags: [],
			},
		],
		targets: [
			{
				targetGroupArn: webTargetGroupArn,
				id: 'i-0target00000000001',
				port: 8080,
				availabilityZone: 'us-east-1a',
				health: {state: 'healthy'},
			},
			{
				targetGroupArn: webTargetGroupArn,
				id: 'i-0target00000000002',
				port: 8080,
				availabilityZone: 'us-east-1b',
				health: {state: 'unhealthy', reason: 'Target.Timeout', description: 'Request timed out'},
			},
			{
				targetGroupArn: apiTargetGroupArn,
				id: 'i-0target00000000001',
				port: 8080,
				health: {state: 'healthy'},
			},
		],
		flowLogs: [
			{
				flowLogId: 'fl-0vpc00000000000001',
				resourceId: vpcId,
				trafficType: 'ALL',
				logDestinationType: 'cloud-watch-logs',
				logGroupName: '/vpc/flow-logs',
				logFormat: '',
				maxAggregationInterval: 600,
				deliverLogsStatus: 'SUCCESS',
				creationTime: baseTime - 86_400_000,
			},
			{
				flowLogId: 'fl-0nlb00000000000002',
				resourceId: 'eni-0nlb000000000001',
				trafficType: 'ALL',
				logDestinationType: 'cloud-watch-logs',
				logGroupName: '/lbtop/nlb-flows',
				logFormat: customFlowLogFormat,
				maxAggregationInterval: 60,
				deliverLogsStatus: 'SUCCESS',
				creationTime: baseTime - 3_600_000,
			},
		],
		logGroups: [
			{logGroupName: '/vpc/flow-logs', creationTime: baseTime - 86_400_000, streams: []},
			{logGroupName: '/lbtop/nlb-flows', creationTime: baseTime - 3_600_000, streams: []},
		],
		metrics: [activeFlows(0, 10), activeFlows(1, 20), activeFlows(1, 40), activeFlows(3, 5)],
		alarms: [
			alarm('web-nlb-unhealthy-hosts', 'UnHealthyHostCount', 'ALARM'),
			alarm('web-nlb-active-flows', 'ActiveFlowCount', 'OK'),
			alarm('api-alb-5xx', 'HTTPCode_ELB_5XX_Count', 'INSUFFICIENT_DATA'),
		],
		cloudTrailEvents: [],
	};
}
