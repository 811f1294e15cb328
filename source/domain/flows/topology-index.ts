// The parts of a Topology that flow pairing looks things up by: which interfaces are the LB's, which
// address:port pairs are targets, which ports are listeners.
import type {ListenerInfo, TargetGroupInfo, TargetInfo, Topology} from '../types/topology.js';
import {parseAddress} from './flow-values.js';

export type LbInterface = {
	readonly interfaceId: string;
	readonly zone: string;
	readonly privateIps: readonly string[];
};

export type TargetEndpoint = {
	readonly addr: string;
	readonly port: number;
	readonly target: TargetInfo;
	readonly group: TargetGroupInfo;
};

export type TargetInterface = {
	readonly interfaceId: string;
	readonly zone?: string;
	readonly endpoints: readonly TargetEndpoint[];
};

export type TopologyIndex = {
	readonly lbInterfaces: ReadonlyMap<string, LbInterface>;
	/** LB private address -> the LB interface that owns it. */
	readonly lbAddrs: ReadonlyMap<string, string>;
	readonly listenersByPort: ReadonlyMap<number, readonly ListenerInfo[]>;
	/** Listener port -> the target groups it forwards to, for ports whose listeners name any. */
	readonly routedGroups: ReadonlyMap<number, ReadonlySet<string>>;
	/** Target address -> port -> the registered targets there (nested, so lookups build no key). */
	readonly targetsByEndpoint: ReadonlyMap<string, ReadonlyMap<number, readonly TargetEndpoint[]>>;
	readonly targetAddrs: ReadonlySet<string>;
	readonly targetInterfaces: ReadonlyMap<string, TargetInterface>;
};

export function indexTopology(topology: Topology): TopologyIndex {
	const lbInterfaces = new Map<string, LbInterface>();
	const lbAddrs = new Map<string, string>();
	for (const zone of topology.availabilityZones) {
		if (zone.interfaceId === undefined) {
			continue;
		}

		const privateIps = zone.privateIps.map((ip) => parseAddress(ip) ?? ip);
		lbInterfaces.set(zone.interfaceId, {
			interfaceId: zone.interfaceId,
			zone: zone.zone,
			privateIps,
		});
		for (const ip of privateIps) {
			lbAddrs.set(ip, zone.interfaceId);
		}
	}

	const listenersByPort = new Map<number, ListenerInfo[]>();
	for (const listener of topology.listeners) {
		listenersByPort.set(listener.port, [...(listenersByPort.get(listener.port) ?? []), listener]);
	}

	const routedGroups = new Map<number, Set<string>>();
	for (const listener of topology.listeners) {
		for (const arn of listener.targetGroupArns) {
			routedGroups.set(listener.port, (routedGroups.get(listener.port) ?? new Set()).add(arn));
		}
	}

	const targetsByEndpoint = new Map<string, Map<number, TargetEndpoint[]>>();
	const targetAddrs = new Set<string>();
	const targetInterfaces = new Map<string, TargetInterface>();
	for (const group of topology.targetGroups) {
		for (const target of group.targets) {
			const addr = target.ip === undefined ? undefined : (parseAddress(target.ip) ?? target.ip);
			if (addr === undefined) {
				continue;
			}

			const endpoint: TargetEndpoint = {addr, port: target.port, target, group};
			const ports = targetsByEndpoint.get(addr) ?? new Map<number, TargetEndpoint[]>();
			ports.set(target.port, [...(ports.get(target.port) ?? []), endpoint]);
			targetsByEndpoint.set(addr, ports);
			targetAddrs.add(addr);
			if (target.interfaceId !== undefined) {
				const known = targetInterfaces.get(target.interfaceId);
				targetInterfaces.set(target.interfaceId, {
					interfaceId: target.interfaceId,
					...(target.availabilityZone === undefined ? {} : {zone: target.availabilityZone}),
					endpoints: [...(known?.endpoints ?? []), endpoint],
				});
			}
		}
	}

	return {
		lbInterfaces,
		lbAddrs,
		listenersByPort,
		routedGroups,
		targetsByEndpoint,
		targetAddrs,
		targetInterfaces,
	};
}

/**
 * Whether a listener port can send to the target group. Listeners without target groups (ALB rules,
 * or a discovery that did not read them) are not evidence against a route.
 */
export function listenerRoutesTo(index: TopologyIndex, port: number, groupArn: string): boolean {
	const routed = index.routedGroups.get(port);
	return routed === undefined || routed.has(groupArn);
}
