// CloudTrail history around the helpers' web-nlb, as the sim stores it, and the topology discovery
// would assemble for that LB. Relevant: a revoke on the targets' group, a listener change, a
// target registration, an edit to the subnets' network ACL. Unrelated: the ALB's group and
// attributes, another ACL, reads, and an EC2 write lbtop does not watch.

import type {Topology} from '../../source/domain/types/topology.js';
import type {JsonValue} from '../../source/sim/context.js';
import {
	type CloudTrailActor,
	renderCloudTrailEvent,
} from '../../source/sim/demo/cloudtrail-record.js';
import type {CloudTrailEvent, World} from '../../source/sim/world/types.js';
import {
	accountId,
	albArn,
	baseTime,
	nlbArn,
	nlbDimension,
	nlbListenerArn,
	testWorld,
	webTargetGroupArn,
} from '../helpers/sim-world.js';

export const minute = 60_000;
export const t0 = baseTime;

export const elbSource = 'elasticloadbalancing.amazonaws.com';
const ec2Source = 'ec2.amazonaws.com';
const vpcId = 'vpc-0a1b2c3d4e5f60001';
const subnetA = 'subnet-0aaa0000000000001';
const subnetB = 'subnet-0bbb0000000000002';
const webSg = 'sg-0web00000000000001';
const albSg = 'sg-0alb00000000000002';
const pathAcl = 'acl-0default000000001';
const otherAcl = 'acl-0other0000000009';

const alice: CloudTrailActor = {type: 'AssumedRole', name: 'ops-admin', sessionName: 'alice'};

type TrailParts = {
	readonly id: string;
	readonly time: number;
	readonly name: string;
	readonly source: string;
	readonly parameters?: JsonValue;
	readonly resources?: readonly {readonly resourceType: string; readonly resourceName: string}[];
	readonly readOnly?: boolean;
};

export function trailEvent(parts: TrailParts): CloudTrailEvent {
	return renderCloudTrailEvent({
		eventId: parts.id,
		requestId: `req-${parts.id}`,
		eventTime: parts.time,
		eventName: parts.name,
		eventSource: parts.source,
		region: 'us-east-1',
		accountId,
		actor: alice,
		requestParameters: parts.parameters ?? null,
		readOnly: parts.readOnly ?? false,
		resources: parts.resources ?? [],
	});
}

export const relevantIds = [
	'evt-acl-path',
	'evt-revoke-web',
	'evt-modify-listener',
	'evt-register-targets',
] as const;

export function securityGroupRevoke(id: string, time: number): CloudTrailEvent {
	return trailEvent({
		id,
		time,
		name: 'RevokeSecurityGroupIngress',
		source: ec2Source,
		parameters: {
			groupId: webSg,
			ipPermissions: {
				items: [{ipProtocol: 'tcp', fromPort: 8080, toPort: 8080, ipRanges: {items: []}}],
			},
		},
		resources: [{resourceType: 'AWS::EC2::SecurityGroup', resourceName: webSg}],
	});
}

export function targetHealthRead(id: string, time: number): CloudTrailEvent {
	return trailEvent({
		id,
		time,
		name: 'DescribeTargetHealth',
		source: elbSource,
		parameters: {targetGroupArn: webTargetGroupArn},
		readOnly: true,
	});
}

function aclEntry(id: string, time: number, networkAclId: string): CloudTrailEvent {
	return trailEvent({
		id,
		time,
		name: 'ReplaceNetworkAclEntry',
		source: ec2Source,
		parameters: {
			networkAclId,
			ruleNumber: 100,
			egress: false,
			ruleAction: 'deny',
			protocol: '6',
			cidrBlock: '0.0.0.0/0',
		},
	});
}

function trailHistory(): CloudTrailEvent[] {
	return [
		aclEntry('evt-acl-path', t0 - 10 * minute, pathAcl),
		aclEntry('evt-acl-other', t0 - 12 * minute, otherAcl),
		securityGroupRevoke('evt-revoke-web', t0 - 20 * minute),
		trailEvent({
			id: 'evt-authorize-alb',
			time: t0 - 15 * minute,
			name: 'AuthorizeSecurityGroupIngress',
			source: ec2Source,
			parameters: {groupId: albSg},
		}),
		trailEvent({
			id: 'evt-modify-listener',
			time: t0 - 40 * minute,
			name: 'ModifyListener',
			source: elbSource,
			parameters: {listenerArn: nlbListenerArn, port: 81},
		}),
		trailEvent({
			id: 'evt-register-targets',
			time: t0 - 50 * minute,
			name: 'RegisterTargets',
			source: elbSource,
			parameters: {targetGroupArn: webTargetGroupArn, targets: [{id: 'i-0target00000000003'}]},
		}),
		trailEvent({
			id: 'evt-alb-attributes',
			time: t0 - 25 * minute,
			name: 'ModifyLoadBalancerAttributes',
			source: elbSource,
			parameters: {loadBalancerArn: albArn},
		}),
		trailEvent({
			id: 'evt-run-instances',
			time: t0 - 30 * minute,
			name: 'RunInstances',
			source: ec2Source,
			parameters: {subnetId: subnetA},
		}),
		targetHealthRead('evt-describe-health', t0 - 5 * minute),
		// Outside the hour lbtop looks back for a 15-minute window.
		securityGroupRevoke('evt-revoke-old', t0 - 3 * 60 * minute),
	];
}

export function changesWorld(): World {
	return {...testWorld(), cloudTrailEvents: trailHistory()};
}

function target(id: string, ip: string, interfaceId: string, subnetId: string) {
	return {
		id,
		port: 8080,
		availabilityZone: subnetId === subnetA ? 'us-east-1a' : 'us-east-1b',
		ip,
		interfaceId,
		securityGroups: [webSg],
		subnetId,
		health: {state: 'healthy' as const},
	};
}

export function changesTopology(): Topology {
	return {
		arn: nlbArn,
		name: 'web-nlb',
		type: 'network',
		scheme: 'internet-facing',
		vpcId,
		dnsName: 'web-nlb-50dc6c495c0c9188.elb.us-east-1.amazonaws.com',
		state: 'active',
		metricDimension: nlbDimension,
		availabilityZones: [
			{
				zone: 'us-east-1a',
				subnetId: subnetA,
				interfaceId: 'eni-0nlb000000000001',
				privateIps: ['10.0.1.100'],
				publicIps: ['3.80.10.1'],
			},
			{
				zone: 'us-east-1b',
				subnetId: subnetB,
				interfaceId: 'eni-0nlb000000000002',
				privateIps: ['10.0.2.100'],
				publicIps: ['3.80.10.2'],
			},
		],
		securityGroups: [],
		securityGroupDetails: [{groupId: webSg, groupName: 'web-targets'}],
		networkAcls: [{networkAclId: pathAcl, subnetIds: [subnetA, subnetB]}],
		listeners: [
			{arn: nlbListenerArn, port: 80, protocol: 'TCP', targetGroupArns: [webTargetGroupArn]},
		],
		targetGroups: [
			{
				arn: webTargetGroupArn,
				name: 'web-tcp',
				protocol: 'TCP',
				port: 8080,
				targetType: 'instance',
				preserveClientIp: true,
				proxyProtocolV2: false,
				targets: [
					target('i-0target00000000001', '10.0.1.10', 'eni-0target0000000001', subnetA),
					target('i-0target00000000002', '10.0.2.10', 'eni-0target0000000002', subnetB),
				],
			},
		],
		flowLogs: [
			{
				flowLogId: 'fl-0vpc00000000000001',
				resourceId: vpcId,
				destinationType: 'cloud-watch-logs',
				logGroupName: '/vpc/flow-logs',
				logFormat: '',
				maxAggregationIntervalSeconds: 600,
				trafficType: 'ALL',
			},
		],
		logGroups: ['/vpc/flow-logs'],
		gaps: [],
	};
}
