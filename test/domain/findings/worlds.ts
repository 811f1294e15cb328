// Hand-built worlds for the findings, none of them the demo: each a load balancer, the rules of
// the controls in its path, and the flow rows its traffic leaves, leg by leg and direction by
// direction (with tcp-flags when the world's flow log format has them).
import type {
	Connection,
	DirectionStats,
	FlowAction,
	FlowLeg,
	NetworkAclEntry,
	NetworkAclInfo,
	SecurityGroupInfo,
	SecurityGroupPermission,
	Snapshot,
	SourceAggregate,
} from '../../../source/domain/snapshot.js';
import {
	aggregates,
	buildSnapshot,
	flows,
	ids,
	minute,
	now,
	seconds,
	topology,
} from './snapshot-builder.js';

export const syn = 2;
export const synAck = 18;
export const fin = 1;
export const rst = 4;

export const aclIds = {lb: 'acl-0lb000000000000001', targets: 'acl-0tg000000000000002'};

export function permission(
	port: number | undefined,
	cidrs: string[],
	groups: string[] = [],
): SecurityGroupPermission {
	return {
		protocol: port === undefined ? '-1' : 'tcp',
		...(port === undefined ? {} : {fromPort: port, toPort: port}),
		cidrs,
		groups,
		prefixLists: [],
	};
}

const everything = permission(undefined, ['0.0.0.0/0']);

export type Rules = {
	readonly lbIngress?: readonly SecurityGroupPermission[];
	readonly webIngress?: readonly SecurityGroupPermission[];
	readonly lbAcl?: readonly NetworkAclEntry[];
	readonly targetsAcl?: readonly NetworkAclEntry[];
};

export function aclEntry(
	ruleNumber: number,
	egress: boolean,
	action: 'allow' | 'deny',
	cidr: string,
	ports?: readonly [number, number],
): NetworkAclEntry {
	return {
		ruleNumber,
		egress,
		protocol: ports === undefined ? '-1' : '6',
		action,
		cidr,
		...(ports === undefined ? {} : {fromPort: ports[0], toPort: ports[1]}),
	};
}

export const openAcl: readonly NetworkAclEntry[] = [
	aclEntry(100, false, 'allow', '0.0.0.0/0'),
	aclEntry(100, true, 'allow', '0.0.0.0/0'),
	aclEntry(32_767, false, 'deny', '0.0.0.0/0'),
	aclEntry(32_767, true, 'deny', '0.0.0.0/0'),
];

/**
 * The LB's subnets (subnet A and B in the topology builder) and the targets' subnets are told
 * apart here: target 1 sits in subnet A, so each world gives the LB its own subnets C and D.
 */
export const lbSubnets = ['subnet-0ccc1111dddd2222c', 'subnet-0ddd1111eeee2222d'];

export function ruledTopology(rules: Rules = {}) {
	const base = topology();
	const groups: SecurityGroupInfo[] = [
		{
			groupId: ids.lbSg,
			groupName: 'lb-sg',
			ingress: rules.lbIngress ?? [permission(80, ['0.0.0.0/0'])],
			egress: [everything],
		},
		{
			groupId: ids.webSg,
			groupName: 'web-sg',
			ingress: rules.webIngress ?? [permission(80, ['0.0.0.0/0'])],
			egress: [everything],
		},
	];
	const acls: NetworkAclInfo[] = [
		{networkAclId: aclIds.lb, subnetIds: lbSubnets, entries: rules.lbAcl ?? openAcl},
		{
			networkAclId: aclIds.targets,
			subnetIds: [ids.subnetA, ids.subnetB],
			entries: rules.targetsAcl ?? openAcl,
		},
	];
	return {
		...base,
		availabilityZones: base.availabilityZones.map((zone, index) => ({
			...zone,
			subnetId: lbSubnets[index] ?? zone.subnetId,
		})),
		securityGroupDetails: groups,
		networkAcls: acls,
	};
}

export type Side = {
	readonly action: FlowAction;
	/** tcp-flags of the direction; absent when the flow log format has no tcp-flags. */
	readonly flags?: number;
	/** Records of the direction and how many of them were rejected (default: all or none). */
	readonly records?: number;
	readonly rejected?: number;
};

export function direction(side: Side | undefined): DirectionStats | undefined {
	if (side === undefined) {
		return undefined;
	}

	const records = side.records ?? 1;
	const rejected = side.rejected ?? (side.action === 'REJECT' ? records : 0);
	return {
		packets: records * 2,
		bytes: records * 120,
		action: rejected > 0 ? 'REJECT' : 'ACCEPT',
		records,
		...(rejected > 0 ? {rejectedRecords: rejected} : {}),
		...(side.flags === undefined ? {} : {tcpFlags: side.flags}),
	};
}

export type LegSpec = {readonly forward?: Side; readonly reverse?: Side} | 'none';

export type Flow = {
	readonly client: string;
	readonly clientPort: number;
	/** Unix ms. */
	readonly at?: number;
	readonly listenerPort?: number;
	readonly frontend?: LegSpec;
	readonly backend?: LegSpec;
	readonly target?: LegSpec;
};

function legOf(
	role: FlowLeg['role'],
	spec: LegSpec | undefined,
	base: Omit<FlowLeg, 'role' | 'action'>,
): FlowLeg | undefined {
	if (spec === 'none') {
		return undefined;
	}

	const forward = direction(spec?.forward ?? {action: 'ACCEPT'});
	const reverse = direction(spec === undefined ? {action: 'ACCEPT'} : spec.reverse);
	const action: FlowAction =
		forward?.action === 'REJECT' || reverse?.action === 'REJECT' ? 'REJECT' : 'ACCEPT';
	return {
		role,
		...base,
		action,
		...(forward === undefined ? {} : {forward}),
		...(reverse === undefined ? {} : {reverse}),
	};
}

/** One connection through the LB to target 1, client IP preserved; every leg ACCEPT both ways unless told. */
export function flow(spec: Flow): Connection {
	const start = seconds(spec.at ?? now - 5 * minute);
	const listenerPort = spec.listenerPort ?? 80;
	const common = {
		availabilityZone: 'us-east-1a',
		protocol: 6,
		srcAddr: spec.client,
		srcPort: spec.clientPort,
		packets: 4,
		bytes: 240,
		start,
		end: start + 30,
	};
	const frontend = legOf('frontend', spec.frontend, {
		...common,
		interfaceId: ids.lbEniA,
		dstAddr: ids.lbIpA,
		dstPort: listenerPort,
	});
	const reachesTargets = frontend === undefined || frontend.action === 'ACCEPT';
	const backend = legOf('backend', reachesTargets ? spec.backend : 'none', {
		...common,
		interfaceId: ids.lbEniA,
		dstAddr: ids.target1Ip,
		dstPort: 80,
	});
	const targetView = legOf('target', reachesTargets ? spec.target : 'none', {
		...common,
		interfaceId: ids.target1Eni,
		dstAddr: ids.target1Ip,
		dstPort: 80,
	});
	return {
		id: `w-${spec.client}-${spec.clientPort}-${start}`,
		kind: backend === undefined && targetView === undefined ? 'unpaired' : 'exact',
		clientAddr: spec.client,
		clientPort: spec.clientPort,
		listenerPort,
		...(backend === undefined && targetView === undefined
			? {}
			: {targetAddr: ids.target1Ip, targetPort: 80}),
		protocol: 6,
		...(frontend === undefined ? {} : {frontend}),
		...(backend === undefined ? {} : {backend}),
		...(targetView === undefined ? {} : {targetView}),
		packets: 12,
		bytes: 720,
		start,
		end: start + 30,
	};
}

/** A probe of a port with no listener, rejected on the LB's interface. */
export function probe(client: string, port: number, at: number, flags?: number): Connection {
	return flow({
		client,
		clientPort: 50_000 + port,
		at,
		listenerPort: port,
		frontend: {forward: {action: 'REJECT', ...(flags === undefined ? {} : {flags})}},
	});
}

/** Healthy traffic: `count` clients in 198.51.100.0/22 each making one connection, spread over 10 minutes. */
export function healthyFlows(count: number, flags: boolean): Connection[] {
	return Array.from({length: count}, (_, index) =>
		flow({
			client: `198.51.${100 + Math.floor(index / 250)}.${(index % 250) + 1}`,
			clientPort: 40_000 + index,
			at: now - 12 * minute + Math.floor((index * 10 * minute) / Math.max(1, count)),
			frontend: {
				forward: {action: 'ACCEPT', ...(flags ? {flags: syn | fin} : {})},
				reverse: {action: 'ACCEPT', ...(flags ? {flags: synAck | fin} : {})},
			},
			target: {
				forward: {action: 'ACCEPT', ...(flags ? {flags: syn | fin} : {})},
				reverse: {action: 'ACCEPT', ...(flags ? {flags: synAck | fin} : {})},
			},
		}),
	);
}

export function sourceRow(
	addr: string,
	ports: number[],
	count: number,
	where?: 'lb' | 'target',
): SourceAggregate {
	return {
		addr,
		ports,
		flows: count,
		packets: count * 2,
		bytes: count * 120,
		...(where === undefined ? {} : {where}),
	};
}

export function world(options: {
	rules?: Rules;
	connections: Connection[];
	rejectedSources?: SourceAggregate[];
	acceptedFlows?: number;
}): Snapshot {
	const connections = options.connections;
	const accepted = options.acceptedFlows ?? connections.length * 4;
	return buildSnapshot({
		topology: ruledTopology(options.rules),
		flows: {
			...flows(connections),
			aggregates: aggregates({
				accepted: {flows: accepted, packets: accepted * 2, bytes: accepted * 120},
				acceptedSources: [],
				acceptedPorts: [
					{port: 80, flows: accepted, packets: accepted * 2, bytes: accepted * 120, where: 'lb'},
				],
				rejectedSources: options.rejectedSources ?? [],
				rejectedPorts: [],
			}),
		},
		changes: {events: []},
	});
}
