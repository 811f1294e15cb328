// The demo NLB's ELBv2 resources: the load balancer, its two listeners, the two target groups
// and their registered targets.
import type {Listener, LoadBalancer, Target, TargetGroup} from '../world/types.js';
import {canonicalHostedZoneId, listenerArn, loadBalancerDnsName} from './aws-names.js';
import type {DemoNode, DemoTargetGroup} from './demo-topology.js';
import type {Random} from './prng.js';

type ElbInput = {
	readonly random: Random;
	readonly region: string;
	readonly accountId: string;
	readonly vpcId: string;
	readonly name: string;
	readonly id: string;
	readonly arn: string;
	readonly createdTime: number;
	readonly securityGroupId: string;
	readonly nodes: readonly DemoNode[];
	readonly allocationIds: readonly string[];
	readonly groups: readonly DemoTargetGroup[];
};

export type ElbResources = {
	readonly loadBalancers: LoadBalancer[];
	readonly listeners: Listener[];
	readonly targetGroups: TargetGroup[];
	readonly targets: Target[];
};

function certificateArn(input: ElbInput): string {
	const {random} = input;
	const id = `${random.hex(8)}-${random.hex(4)}-4${random.hex(3)}-a${random.hex(3)}-${random.hex(12)}`;
	return `arn:aws:acm:${input.region}:${input.accountId}:certificate/${id}`;
}

function listener(input: ElbInput, group: DemoTargetGroup): Listener {
	const base = {
		listenerArn: listenerArn(input.arn, input.random.hex(16)),
		loadBalancerArn: input.arn,
		port: group.listenerPort,
		defaultActions: [{type: 'forward' as const, targetGroupArn: group.arn}],
	};
	if (group.key === 'web') {
		return {...base, protocol: 'TCP'};
	}
	return {
		...base,
		protocol: 'TLS',
		certificates: [{certificateArn: certificateArn(input)}],
		sslPolicy: 'ELBSecurityPolicy-TLS13-1-2-2021-06',
	};
}

function targetGroup(input: ElbInput, group: DemoTargetGroup): TargetGroup {
	return {
		targetGroupArn: group.arn,
		targetGroupName: group.name,
		protocol: 'TCP',
		port: group.port,
		vpcId: input.vpcId,
		targetType: group.key === 'web' ? 'instance' : 'ip',
		loadBalancerArns: [input.arn],
		// A short interval so the demo's health changes show within half a minute.
		healthCheck: {
			protocol: 'TCP',
			port: 'traffic-port',
			intervalSeconds: 10,
			timeoutSeconds: 10,
			healthyThresholdCount: 3,
			unhealthyThresholdCount: 3,
		},
		attributes: {
			'preserve_client_ip.enabled': String(group.preserveClientIp),
			'proxy_protocol_v2.enabled': 'false',
			'deregistration_delay.timeout_seconds': '300',
			'stickiness.enabled': 'false',
			'stickiness.type': 'source_ip',
		},
		tags: [{key: 'tier', value: group.key}],
	};
}

export function demoElbResources(input: ElbInput): ElbResources {
	const loadBalancer: LoadBalancer = {
		loadBalancerArn: input.arn,
		loadBalancerName: input.name,
		type: 'network',
		scheme: 'internet-facing',
		vpcId: input.vpcId,
		dnsName: loadBalancerDnsName('network', 'internet-facing', input.name, input.id, input.region),
		canonicalHostedZoneId: canonicalHostedZoneId('network'),
		createdTime: input.createdTime,
		state: 'active',
		ipAddressType: 'ipv4',
		securityGroups: [input.securityGroupId],
		availabilityZones: input.nodes.map((node, index) => {
			const allocationId = input.allocationIds[index];
			return {
				zoneName: node.availabilityZone,
				subnetId: node.subnetId,
				...(allocationId === undefined ? {} : {allocationId}),
			};
		}),
		attributes: {
			'deletion_protection.enabled': 'false',
			'load_balancing.cross_zone.enabled': 'false',
			'access_logs.s3.enabled': 'false',
			'dns_record.client_routing_policy': 'any_availability_zone',
		},
		tags: [
			{key: 'Name', value: input.name},
			{key: 'team', value: 'edge'},
		],
	};
	return {
		loadBalancers: [loadBalancer],
		listeners: input.groups.map((group) => listener(input, group)),
		targetGroups: input.groups.map((group) => targetGroup(input, group)),
		targets: input.groups.flatMap((group) =>
			group.targets.map(
				(target): Target => ({
					targetGroupArn: group.arn,
					id: target.targetId,
					port: target.port,
					// IP targets outside the VPC would say `all`; inside it, the AZ is derived and shown.
					...(group.key === 'api' ? {availabilityZone: target.availabilityZone} : {}),
					health: {state: 'healthy'},
				}),
			),
		),
	};
}
