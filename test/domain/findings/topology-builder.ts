// The test world's clock, ids and topology: an internet-facing NLB "web-nlb" in two AZs behind
// lb-sg, a TCP listener on 80 forwarding to "web-tg" (instance targets, client IP preservation
// on) with two targets behind web-sg.
import {defaultFlowFormat, renderLogFormat} from '../../../source/domain/flows/flow-format.js';
import type {TargetGroupInfo, TargetInfo, Topology} from '../../../source/domain/snapshot.js';

export const minute = 60_000;
/** 2025-01-15 13:45:00 UTC: the moment every test snapshot is generated. */
export const now = Date.UTC(2025, 0, 15, 13, 45, 0);
export const windowStart = now - 15 * minute;
export const seconds = (ms: number): number => Math.floor(ms / 1000);

export const ids = {
	account: '123456789012',
	lbArn:
		'arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer/net/web-nlb/50dc6c495c0c9188',
	lbDimension: 'net/web-nlb/50dc6c495c0c9188',
	listenerArn:
		'arn:aws:elasticloadbalancing:us-east-1:123456789012:listener/net/web-nlb/50dc6c495c0c9188/f2f7dc8efc522ab2',
	tgArn: 'arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/web-tg/73e2d6bc24d8a067',
	tgDimension: 'targetgroup/web-tg/73e2d6bc24d8a067',
	lbSg: 'sg-0a1b2c3d4e5f60718',
	webSg: 'sg-0f9e8d7c6b5a40321',
	otherSg: 'sg-0123456789abcdef0',
	vpc: 'vpc-0a1b2c3d4e5f60001',
	subnetA: 'subnet-0aaa1111bbbb2222a',
	subnetB: 'subnet-0bbb1111cccc2222b',
	lbEniA: 'eni-0aaa0000000000001',
	lbEniB: 'eni-0bbb0000000000002',
	lbIpA: '10.0.0.5',
	lbIpB: '10.0.1.5',
	target1: 'i-0aaa1111bbbb22223',
	target2: 'i-0ccc3333dddd44445',
	target1Ip: '10.0.0.10',
	target2Ip: '10.0.1.10',
	target1Eni: 'eni-0ccc0000000000003',
	target2Eni: 'eni-0ddd0000000000004',
	flowLogId: 'fl-0a1b2c3d4e5f60001',
} as const;

/** The default (v2) flow log format, as DescribeFlowLogs reports it. */
const defaultLogFormat = renderLogFormat(defaultFlowFormat);

export function target(overrides: Partial<TargetInfo> = {}): TargetInfo {
	return {
		id: ids.target1,
		port: 80,
		availabilityZone: 'us-east-1a',
		ip: ids.target1Ip,
		interfaceId: ids.target1Eni,
		securityGroups: [ids.webSg],
		subnetId: ids.subnetA,
		health: {state: 'healthy'},
		...overrides,
	};
}

export const target1 = (overrides: Partial<TargetInfo> = {}): TargetInfo => target(overrides);
export const target2 = (overrides: Partial<TargetInfo> = {}): TargetInfo =>
	target({
		id: ids.target2,
		availabilityZone: 'us-east-1b',
		ip: ids.target2Ip,
		interfaceId: ids.target2Eni,
		subnetId: ids.subnetB,
		...overrides,
	});

export function targetGroup(overrides: Partial<TargetGroupInfo> = {}): TargetGroupInfo {
	return {
		arn: ids.tgArn,
		name: 'web-tg',
		protocol: 'TCP',
		port: 80,
		targetType: 'instance',
		preserveClientIp: true,
		proxyProtocolV2: false,
		targets: [target1(), target2()],
		...overrides,
	};
}

export function topology(overrides: Partial<Topology> = {}): Topology {
	return {
		arn: ids.lbArn,
		name: 'web-nlb',
		type: 'network',
		scheme: 'internet-facing',
		vpcId: ids.vpc,
		dnsName: 'web-nlb-50dc6c495c0c9188.elb.us-east-1.amazonaws.com',
		state: 'active',
		metricDimension: ids.lbDimension,
		availabilityZones: [
			{
				zone: 'us-east-1a',
				subnetId: ids.subnetA,
				interfaceId: ids.lbEniA,
				privateIps: [ids.lbIpA],
				publicIps: ['203.0.113.200'],
			},
			{
				zone: 'us-east-1b',
				subnetId: ids.subnetB,
				interfaceId: ids.lbEniB,
				privateIps: [ids.lbIpB],
				publicIps: ['203.0.113.201'],
			},
		],
		securityGroups: [ids.lbSg],
		securityGroupDetails: [],
		networkAcls: [],
		listeners: [{arn: ids.listenerArn, port: 80, protocol: 'TCP', targetGroupArns: [ids.tgArn]}],
		targetGroups: [targetGroup()],
		flowLogs: [
			{
				flowLogId: ids.flowLogId,
				resourceId: ids.vpc,
				destinationType: 'cloud-watch-logs',
				logGroupName: '/vpc/flow-logs',
				logFormat: defaultLogFormat,
				maxAggregationIntervalSeconds: 60,
				trafficType: 'ALL',
			},
		],
		logGroups: ['/vpc/flow-logs'],
		gaps: [],
		...overrides,
	};
}
