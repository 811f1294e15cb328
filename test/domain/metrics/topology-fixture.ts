// A load balancer as discovery reports it, reduced to what the metrics source reads: its type,
// CloudWatch dimension, Availability Zones and target groups.
import type {TargetGroupInfo, Topology} from '../../../source/domain/snapshot.js';

const arnPrefix = 'arn:aws:elasticloadbalancing:us-east-1:123456789012';

export const lbDimension = 'net/demo-nlb/50dc6c495c0c9188';
export const webGroupDimension = 'targetgroup/web/73e2d6bc24d8a067';
export const apiGroupDimension = 'targetgroup/api/2453ed029918f21f';

export function targetGroup(dimension: string, overrides: Partial<TargetGroupInfo> = {}) {
	return {
		arn: `${arnPrefix}:${dimension}`,
		name: dimension.split('/')[1] ?? dimension,
		protocol: 'TCP',
		port: 8080,
		targetType: 'instance',
		preserveClientIp: true,
		proxyProtocolV2: false,
		targets: [],
		...overrides,
	} satisfies TargetGroupInfo;
}

function zone(name: string, subnetId: string) {
	return {zone: name, subnetId, privateIps: [], publicIps: []};
}

export function metricsTopology(overrides: Partial<Topology> = {}): Topology {
	return {
		arn: `${arnPrefix}:loadbalancer/${lbDimension}`,
		name: 'demo-nlb',
		type: 'network',
		scheme: 'internet-facing',
		vpcId: 'vpc-0a1b2c3d4e5f60001',
		dnsName: 'demo-nlb-50dc6c495c0c9188.elb.us-east-1.amazonaws.com',
		state: 'active',
		metricDimension: lbDimension,
		availabilityZones: [
			zone('us-east-1a', 'subnet-0aaa0000000000001'),
			zone('us-east-1b', 'subnet-0bbb0000000000002'),
		],
		securityGroups: [],
		securityGroupDetails: [],
		networkAcls: [],
		listeners: [],
		targetGroups: [targetGroup(webGroupDimension)],
		flowLogs: [],
		logGroups: [],
		gaps: [],
		...overrides,
	};
}
