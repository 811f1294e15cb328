// Discovery's facts become the Topology every pane and rule reads, with each monitoring gap
// stated plainly rather than guessed around.
import type {
	AvailabilityZoneInfo,
	MonitoringGap,
	TargetGroupInfo,
	TargetInfo,
	Topology,
} from '../types/topology.js';
import {flowLogsCovering, readableFlowLogs} from './coverage.js';
import type {DiscoveryFacts, InterfaceFacts, TargetGroupFacts} from './facts.js';
import {topologyGaps} from './gaps.js';

const dimensionPrefix = {network: 'net', application: 'app', gateway: 'gwy'} as const;

/** `net/<name>/<id>`, taken from the ARN so it is right even for types whose prefix is unverified. */
export function metricDimensionOf(
	arn: string,
	fallbackType: keyof typeof dimensionPrefix,
	name: string,
): string {
	const tail = /:loadbalancer\/(.+)$/.exec(arn)?.[1];
	return tail ?? `${dimensionPrefix[fallbackType]}/${name}`;
}

function preserveClientIp(group: TargetGroupFacts): boolean {
	const value = group.attributes['preserve_client_ip.enabled'];
	if (value !== undefined) {
		return value === 'true';
	}
	// An ALB (HTTP/HTTPS groups) always opens its own connections to the targets: the attribute does
	// not exist for its groups, and the backend leg never carries the client's address.
	if (group.protocol === 'HTTP' || group.protocol === 'HTTPS') {
		return false;
	}
	// Documented defaults when the attribute is absent: on for instance targets and for UDP IP targets.
	return (
		group.targetType === 'instance' || group.protocol === 'UDP' || group.protocol === 'TCP_UDP'
	);
}

function targetInterface(
	target: TargetGroupFacts['targets'][number],
	group: TargetGroupFacts,
	interfaces: readonly InterfaceFacts[],
): InterfaceFacts | undefined {
	return group.targetType === 'instance'
		? interfaces.find((candidate) => candidate.instanceId === target.id)
		: interfaces.find((candidate) => candidate.privateIps.includes(target.id));
}

function targetGroupInfo(
	group: TargetGroupFacts,
	interfaces: readonly InterfaceFacts[],
): TargetGroupInfo {
	const targets = group.targets.map((target): TargetInfo => {
		const found = targetInterface(target, group, interfaces);
		const ip = group.targetType === 'ip' ? target.id : found?.privateIps[0];
		const availabilityZone = target.availabilityZone ?? found?.availabilityZone;
		return {
			id: target.id,
			port: target.port,
			...(availabilityZone === undefined ? {} : {availabilityZone}),
			...(ip === undefined ? {} : {ip}),
			...(found === undefined ? {} : {interfaceId: found.interfaceId, subnetId: found.subnetId}),
			securityGroups: found?.securityGroups ?? [],
			health: target.health,
		};
	});
	return {
		arn: group.arn,
		name: group.name,
		protocol: group.protocol,
		port: group.port,
		targetType: group.targetType,
		preserveClientIp: preserveClientIp(group),
		proxyProtocolV2: group.attributes['proxy_protocol_v2.enabled'] === 'true',
		targets,
	};
}

function zones(facts: DiscoveryFacts): AvailabilityZoneInfo[] {
	return facts.loadBalancer.availabilityZones.map((zone) => {
		const found = facts.lbInterfaces.find((candidate) => candidate.subnetId === zone.subnetId);
		return {
			zone: zone.zone,
			subnetId: zone.subnetId,
			...(found === undefined ? {} : {interfaceId: found.interfaceId}),
			privateIps: found?.privateIps ?? [],
			publicIps: found?.publicIps ?? [],
		};
	});
}

function logGroupsToRead(facts: DiscoveryFacts): string[] {
	if (facts.logGroupOverride.length > 0) {
		return [...facts.logGroupOverride];
	}
	const vpcId = facts.loadBalancer.vpcId;
	const covering = [...facts.lbInterfaces, ...facts.targetInterfaces].flatMap((found) =>
		readableFlowLogs(flowLogsCovering({...found, vpcId}, facts.flowLogs)),
	);
	return [
		...new Set(covering.flatMap((flowLog) => (flowLog.logGroupName ? [flowLog.logGroupName] : []))),
	];
}

export function assembleTopology(facts: DiscoveryFacts): Topology {
	const {loadBalancer} = facts;
	const logGroups = logGroupsToRead(facts);
	const gaps: MonitoringGap[] = topologyGaps(facts, logGroups);
	return {
		arn: loadBalancer.arn,
		name: loadBalancer.name,
		type: loadBalancer.type,
		scheme: loadBalancer.scheme,
		vpcId: loadBalancer.vpcId,
		dnsName: loadBalancer.dnsName,
		state: loadBalancer.state,
		metricDimension: metricDimensionOf(loadBalancer.arn, loadBalancer.type, loadBalancer.name),
		availabilityZones: zones(facts),
		securityGroups: loadBalancer.securityGroups,
		securityGroupDetails: facts.securityGroups,
		networkAcls: facts.networkAcls,
		listeners: facts.listeners,
		targetGroups: facts.targetGroups.map((group) => targetGroupInfo(group, facts.targetInterfaces)),
		flowLogs: facts.flowLogs,
		logGroups,
		gaps,
	};
}
