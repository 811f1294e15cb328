// Questions the findings rules and the panes ask of the topology: which target owns this address,
// what guards it, which addresses are the LB's own. Every answer tolerates a missing topology
// (discovery not done yet).
import type {ListenerInfo, TargetGroupInfo, TargetInfo, Topology} from '../types/topology.js';

export type TargetRef = {readonly target: TargetInfo; readonly group: TargetGroupInfo};

export function allTargets(topology: Topology | undefined): TargetRef[] {
	return (topology?.targetGroups ?? []).flatMap((group) =>
		group.targets.map((target) => ({target, group})),
	);
}

/** Finds a target by the address (and port, when given) its interface logs, or by interface id. */
export function findTarget(
	topology: Topology | undefined,
	where: {
		readonly addr?: string | undefined;
		readonly port?: number | undefined;
		readonly interfaceId?: string | undefined;
	},
): TargetRef | undefined {
	const candidates = allTargets(topology);
	const byAddress = candidates.filter(
		({target}) =>
			where.addr !== undefined && (target.ip === where.addr || target.id === where.addr),
	);
	const exact = byAddress.find(
		({target}) => where.port === undefined || target.port === where.port,
	);
	return (
		exact ??
		byAddress[0] ??
		candidates.find(
			({target}) => where.interfaceId !== undefined && target.interfaceId === where.interfaceId,
		)
	);
}

/** "i-0abc (10.0.1.10:80)", or the address alone for IP targets. */
export function targetLabel({target}: TargetRef): string {
	if (target.ip === undefined || target.ip === target.id) {
		return `${target.id}:${target.port}`;
	}

	return `${target.id} (${target.ip}:${target.port})`;
}

export function loadBalancerAddresses(topology: Topology | undefined): Set<string> {
	return new Set(
		(topology?.availabilityZones ?? []).flatMap((zone) => [...zone.privateIps, ...zone.publicIps]),
	);
}

export function loadBalancerPrivateIps(topology: Topology | undefined): string[] {
	return (topology?.availabilityZones ?? []).flatMap((zone) => zone.privateIps);
}

export function loadBalancerSubnets(topology: Topology | undefined): string[] {
	return (topology?.availabilityZones ?? []).map((zone) => zone.subnetId);
}

export function targetAddresses(topology: Topology | undefined): Set<string> {
	return new Set(
		allTargets(topology).flatMap(({target}) => (target.ip === undefined ? [] : [target.ip])),
	);
}

export function listenersByPort(topology: Topology | undefined): Map<number, ListenerInfo> {
	return new Map((topology?.listeners ?? []).map((listener) => [listener.port, listener]));
}

/** The CloudWatch `TargetGroup` dimension (`targetgroup/<name>/<id>`) names the ARN's tail. */
export function targetGroupByDimension(
	topology: Topology | undefined,
	dimension: string,
): TargetGroupInfo | undefined {
	return topology?.targetGroups.find((group) => group.arn.endsWith(`:${dimension}`));
}

/** "tcp/80" for a listener protocol: TLS and HTTP(S) ride on TCP. */
export function listenerPortLabel(listener: ListenerInfo | undefined, port: number): string {
	const protocol = listener?.protocol.toUpperCase() ?? 'TCP';
	if (protocol === 'UDP') {
		return `udp/${port}`;
	}

	return protocol === 'TCP_UDP' ? `tcp+udp/${port}` : `tcp/${port}`;
}

/** `web-sg (sg-0abc…)` when discovery read the group's name, else the id alone. */
export function securityGroupLabel(topology: Topology | undefined, groupId: string): string {
	const name = topology?.securityGroupDetails.find((group) => group.groupId === groupId)?.groupName;
	return name === undefined || name === groupId ? groupId : `${name} (${groupId})`;
}
