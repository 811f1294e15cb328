// Which side of a 5-tuple started the conversation, and what part of the load-balanced path the
// interface's records show. Flow records are one direction each and carry no "initiator" bit, so this
// is decided from the topology: listeners and targets are the servers.
import type {FlowRecord, LegRole} from '../types/flows.js';
import {endpointKey, type TargetEndpoint, type TopologyIndex} from './topology-index.js';

export type Endpoint = {readonly addr: string; readonly port: number};

export type Orientation = {
	readonly role: LegRole;
	readonly client: Endpoint;
	readonly server: Endpoint;
	/** The registered target the server side is, for backend and target legs. */
	readonly targets: readonly TargetEndpoint[];
	readonly zone?: string;
};

export function orientLeg(
	index: TopologyIndex,
	interfaceId: string,
	a: Endpoint,
	b: Endpoint,
	records: readonly FlowRecord[],
): Orientation | undefined {
	const lbInterface = index.lbInterfaces.get(interfaceId);
	if (lbInterface !== undefined) {
		return orientOnLoadBalancer(index, a, b, records, lbInterface.zone);
	}

	return orientOnTarget(index, interfaceId, a, b, records);
}

function orientOnLoadBalancer(
	index: TopologyIndex,
	a: Endpoint,
	b: Endpoint,
	records: readonly FlowRecord[],
	zone: string,
): Orientation {
	const isListener = (side: Endpoint) =>
		index.lbAddrs.has(side.addr) && index.listenersByPort.has(side.port);
	const listenerSide = onlyOne(a, b, isListener);
	if (listenerSide !== undefined) {
		return build('frontend', listenerSide, a, b, [], zone);
	}

	const targetSide = onlyOne(a, b, (side) => targetsAt(index, side).length > 0);
	if (targetSide !== undefined) {
		return build('backend', targetSide, a, b, targetsAt(index, targetSide), zone);
	}

	// Traffic to the LB's own address on a port that is no listener (a scan, a stale client): the LB
	// side is still what was being reached.
	const lbSide = onlyOne(a, b, (side) => index.lbAddrs.has(side.addr));
	const targetHost = onlyOne(a, b, (side) => index.targetAddrs.has(side.addr));
	if (targetHost !== undefined) {
		return build('backend', targetHost, a, b, [], zone);
	}

	if (lbSide !== undefined) {
		return build('frontend', lbSide, a, b, [], zone);
	}

	// Neither side is the LB: forwarded traffic to a target discovery has not seen (yet).
	return build('backend', serverByHeuristic(a, b, records), a, b, [], zone);
}

function orientOnTarget(
	index: TopologyIndex,
	interfaceId: string,
	a: Endpoint,
	b: Endpoint,
	records: readonly FlowRecord[],
): Orientation | undefined {
	const known = index.targetInterfaces.get(interfaceId);
	const targetSide = onlyOne(a, b, (side) => targetsAt(index, side).length > 0);
	if (targetSide !== undefined) {
		const targets = targetsAt(index, targetSide);
		const zone = known?.zone ?? targets[0]?.target.availabilityZone;
		return build('target', targetSide, a, b, targets, zone);
	}

	// An interface nobody registered as a target, talking to no target endpoint: not this LB's path.
	if (known === undefined) {
		return undefined;
	}

	const ownSide = onlyOne(a, b, (side) =>
		known.endpoints.some((entry) => entry.addr === side.addr),
	);
	return build('target', ownSide ?? serverByHeuristic(a, b, records), a, b, [], known.zone);
}

function targetsAt(index: TopologyIndex, side: Endpoint): readonly TargetEndpoint[] {
	return index.targetsByEndpoint.get(endpointKey(side.addr, side.port)) ?? [];
}

function onlyOne(
	a: Endpoint,
	b: Endpoint,
	predicate: (side: Endpoint) => boolean,
): Endpoint | undefined {
	const first = predicate(a);
	const second = predicate(b);
	if (first === second) {
		return undefined;
	}

	return first ? a : b;
}

// tcp-flags: SYN (2) without the SYN-ACK combination (18) is only ever sent by the initiator.
const syn = 2;
const synAck = 18;

function serverByHeuristic(a: Endpoint, b: Endpoint, records: readonly FlowRecord[]): Endpoint {
	const opener = records.find(
		(record) => record.tcpFlags !== undefined && (record.tcpFlags & synAck) === syn,
	);
	if (opener !== undefined) {
		return sameEndpoint(a, opener.dstAddr, opener.dstPort) ? a : b;
	}

	// Servers listen on low, well-known ports; clients take ephemeral ones.
	if (a.port !== b.port) {
		return a.port < b.port ? a : b;
	}

	const first = records[0];
	return first !== undefined && sameEndpoint(b, first.dstAddr, first.dstPort) ? b : a;
}

function sameEndpoint(side: Endpoint, addr: string | undefined, port: number | undefined): boolean {
	return side.addr === addr && side.port === (port ?? 0);
}

function build(
	role: LegRole,
	server: Endpoint,
	a: Endpoint,
	b: Endpoint,
	targets: readonly TargetEndpoint[],
	zone: string | undefined,
): Orientation {
	const client = server === a ? b : a;
	return {role, client, server, targets, ...(zone === undefined ? {} : {zone})};
}
