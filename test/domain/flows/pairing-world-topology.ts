// Where a world's traffic goes: an NLB in one to three AZs (one interface each) with a TCP listener
// on 80 (pass-through to `web` on 8080) and a TLS listener on 443 (terminated, then `api` on 8443),
// each group preserving client IPs or not, one or two targets per AZ with their own interfaces.
import type {
	ListenerInfo,
	TargetGroupInfo,
	TargetInfo,
	Topology,
} from '../../../source/domain/types/topology.js';

export type GroupKey = 'web' | 'api';

export type Zone = {readonly name: string; readonly interfaceId: string; readonly ip: string};

export type Host = {
	readonly target: TargetInfo;
	readonly ip: string;
	readonly interfaceId: string;
	readonly port: number;
	/** Index of its AZ, and its own index among every target of the world. */
	readonly zone: number;
	readonly index: number;
};

export type Placement = {
	readonly zones: readonly Zone[];
	readonly hosts: Readonly<Record<GroupKey, readonly Host[]>>;
	readonly topology: Topology;
};

export const groupKeys = ['web', 'api'] as const;
export const listenerPort: Readonly<Record<GroupKey, number>> = {web: 80, api: 443};
const groupPort: Readonly<Record<GroupKey, number>> = {web: 8080, api: 8443};

function hex(value: number, width: number): string {
	return value.toString(16).padStart(width, '0');
}

function groupArn(key: GroupKey): string {
	return `arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/${key}/${hex(key.length, 16)}`;
}

export function placeWorld(
	zoneCount: number,
	targetsPerZone: number,
	preserve: Readonly<Record<GroupKey, boolean>>,
): Placement {
	const zones: Zone[] = Array.from({length: zoneCount}, (_, index) => ({
		name: `us-east-1${'abc'[index] ?? 'x'}`,
		interfaceId: `eni-0${hex(index + 1, 3)}00000000000a`,
		ip: `10.0.${index + 1}.10`,
	}));
	const hosts: Record<GroupKey, Host[]> = {web: [], api: []};
	let index = 0;
	for (const key of groupKeys) {
		for (const [zoneIndex, zone] of zones.entries()) {
			for (let slot = 0; slot < targetsPerZone; slot++) {
				const ip = `10.0.${zoneIndex + 1}.${101 + index}`;
				const interfaceId = `eni-0${hex(index + 1, 3)}0000000000b`;
				const port = groupPort[key];
				const target: TargetInfo = {
					id: preserve[key] ? `i-0${hex(index + 1, 16)}` : ip,
					port,
					availabilityZone: zone.name,
					ip,
					interfaceId,
					securityGroups: ['sg-0target'],
					health: {state: 'healthy'},
				};
				hosts[key].push({target, ip, interfaceId, port, zone: zoneIndex, index});
				index++;
			}
		}
	}

	return {zones, hosts, topology: topologyOf(zones, hosts, preserve)};
}

function topologyOf(
	zones: readonly Zone[],
	hosts: Readonly<Record<GroupKey, readonly Host[]>>,
	preserve: Readonly<Record<GroupKey, boolean>>,
): Topology {
	const groups: TargetGroupInfo[] = groupKeys.map((key) => ({
		arn: groupArn(key),
		name: key,
		protocol: 'TCP',
		port: groupPort[key],
		targetType: preserve[key] ? 'instance' : 'ip',
		preserveClientIp: preserve[key],
		proxyProtocolV2: false,
		targets: hosts[key].map((host) => host.target),
	}));
	const listeners: ListenerInfo[] = [
		{arn: 'listener/80', port: 80, protocol: 'TCP', targetGroupArns: [groupArn('web')]},
		{arn: 'listener/443', port: 443, protocol: 'TLS', targetGroupArns: [groupArn('api')]},
	];
	return {
		arn: 'arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer/net/world/50dc6c495c0c9188',
		name: 'world',
		type: 'network',
		scheme: 'internet-facing',
		vpcId: 'vpc-0world',
		dnsName: 'world.elb.us-east-1.amazonaws.com',
		state: 'active',
		metricDimension: 'net/world/50dc6c495c0c9188',
		availabilityZones: zones.map((zone, index) => ({
			zone: zone.name,
			subnetId: `subnet-0${index}`,
			interfaceId: zone.interfaceId,
			privateIps: [zone.ip],
			publicIps: [],
		})),
		securityGroups: [],
		securityGroupDetails: [],
		networkAcls: [],
		listeners,
		targetGroups: groups,
		flowLogs: [],
		logGroups: ['/vpc/flow-logs'],
		gaps: [],
	};
}
