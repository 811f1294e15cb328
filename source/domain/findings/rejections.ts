// Every rejected leg in the connection rows that counts as evidence, with where it was logged, the
// packet that was rejected and the control that rejected it. Late packets of connections that ran
// are left out here (leg-rejection.ts), so the rules only weigh what can be a block.
import type {Snapshot} from '../snapshot.js';
import {
	findTarget,
	loadBalancerAddresses,
	loadBalancerPrivateIps,
	type TargetRef,
} from '../topology/topology-lookup.js';
import type {Connection, FlowLeg} from '../types/flows.js';
import type {Topology} from '../types/topology.js';
import {type Blame, blameRejection, type RejectedPacket, type Site} from './blame.js';

type Lookups = {
	/** Verdicts by packet and interface. */
	readonly blames: Map<string, Blame>;
	/** Targets by where a leg was logged (findTarget's answer). */
	readonly targets: Map<string, TargetRef | undefined>;
};

// The rows are paired anew whenever records arrive, but the topology changes every few minutes at
// most: what depends on the topology alone is worked out once per topology, not per row and write.
const lookupsByTopology = new WeakMap<Topology, Lookups>();
const noTopology = (): Lookups => ({blames: new Map(), targets: new Map()});
/**
 * Verdicts are keyed by peer address, and a busy LB has many peers: a map this full starts over, so
 * memory stays bounded whatever the traffic (the window's rows are far fewer at the demo's rates).
 */
const maxRemembered = 20_000;

function remember<V>(map: Map<string, V>, key: string, value: V): void {
	if (map.size >= maxRemembered) {
		map.clear();
	}

	map.set(key, value);
}

function lookupsOf(topology: Topology | undefined): Lookups {
	if (topology === undefined) {
		return noTopology();
	}

	let lookups = lookupsByTopology.get(topology);
	if (lookups === undefined) {
		lookups = noTopology();
		lookupsByTopology.set(topology, lookups);
	}

	return lookups;
}

function cachedTarget(
	lookups: Lookups,
	topology: Topology | undefined,
	where: {readonly addr: string; readonly port: number; readonly interfaceId?: string},
): TargetRef | undefined {
	const key = `${where.addr}|${where.port}|${where.interfaceId ?? ''}`;
	if (lookups.targets.has(key)) {
		return lookups.targets.get(key);
	}

	const target = findTarget(topology, where);
	remember(lookups.targets, key, target);
	return target;
}

/** Rejections of the same packet at the same interface share one verdict. */
function cachedBlame(
	cache: Map<string, Blame>,
	topology: Topology | undefined,
	site: Site,
	rejected: RejectedPacket,
): Blame {
	const {packet} = rejected;
	const key = `${site.side}|${site.subnetId ?? ''}|${site.groupIds.join('+')}|${rejected.rejected}|${rejected.direction}|${packet.protocol}|${packet.peer}|${packet.port}|${(packet.peerGroups ?? []).join('+')}`;
	const known = cache.get(key);
	if (known !== undefined) {
		return known;
	}

	const blame = blameRejection(topology, site, rejected);
	remember(cache, key, blame);
	return blame;
}

import {type LegRejection, legRejection} from './leg-rejection.js';

/** The frontend and backend legs are logged on the LB's interface, the target view on the target's. */
export type Where = 'frontend' | 'backend' | 'target';

/**
 * `certain`: tcp-flags show a connection attempt; `confirmed`: the rules read deny exactly this
 * traffic, so it is no late packet of an allowed connection; `count`: only numbers can tell.
 */
export type EvidenceKind = 'certain' | 'confirmed' | 'count';

export type Rejection = {
	readonly connection: Connection;
	readonly where: Where;
	readonly leg: FlowLeg;
	readonly rejection: LegRejection;
	readonly rejected: RejectedPacket;
	readonly blame: Blame;
	readonly evidence: EvidenceKind;
	/** The target the leg reached, when the topology knows it. */
	readonly target?: TargetRef;
};

function lbSite(topology: Topology | undefined, leg: FlowLeg): Site {
	const zone = topology?.availabilityZones.find((entry) => entry.interfaceId === leg.interfaceId);
	return {side: 'lb', subnetId: zone?.subnetId, groupIds: topology?.securityGroups ?? []};
}

function rejectedPacket(
	where: Where,
	leg: FlowLeg,
	rejection: LegRejection,
	peerGroups: readonly string[],
): RejectedPacket {
	// The request goes to the leg's server side; its reply goes back to the initiator's port.
	const toServer = rejection.direction === 'request';
	const outboundFromInterface = where === 'backend' ? toServer : !toServer;
	const peer = where === 'backend' ? leg.dstAddr : leg.srcAddr;
	return {
		rejected: rejection.direction,
		direction: outboundFromInterface ? 'outbound' : 'inbound',
		packet: {
			protocol: leg.protocol,
			peer,
			port: toServer ? leg.dstPort : leg.srcPort,
			...(toServer ? {peerGroups} : {}),
		},
	};
}

function evidenceKind(rejection: LegRejection, blame: Blame): EvidenceKind {
	if (rejection.strength === 'certain') {
		return 'certain';
	}

	return blame.basis === 'rules' ? 'confirmed' : 'count';
}

/** The LB forwarded it: its own legs were accepted, or the target saw the LB's own address. */
function forwardedByLb(
	connection: Connection,
	leg: FlowLeg,
	lbPrivate: ReadonlySet<string>,
): boolean {
	const lbLegs = [connection.frontend, connection.backend].filter((entry) => entry !== undefined);
	if (lbLegs.length === 0) {
		return lbPrivate.has(leg.srcAddr);
	}

	return lbLegs.every((entry) => entry.action === 'ACCEPT');
}

function targetRejection(
	snapshot: Snapshot,
	connection: Connection,
	lbPrivate: ReadonlySet<string>,
	lookups: Lookups,
): Rejection | undefined {
	const leg = connection.targetView;
	const rejection = leg === undefined ? undefined : legRejection(leg);
	if (leg === undefined || rejection === undefined || !forwardedByLb(connection, leg, lbPrivate)) {
		return undefined;
	}

	const topology = snapshot.topology;
	const target = cachedTarget(lookups, topology, {
		addr: leg.dstAddr,
		port: leg.dstPort,
		interfaceId: leg.interfaceId,
	});
	// With client IP preservation a target may allow the clients by referencing the LB's group.
	const rejected = rejectedPacket('target', leg, rejection, topology?.securityGroups ?? []);
	const blame: Blame =
		target === undefined
			? {controls: [{kind: 'security-group', side: 'target', groupIds: []}], basis: 'unknown'}
			: cachedBlame(
					lookups.blames,
					topology,
					{
						side: 'target',
						subnetId: target.target.subnetId,
						groupIds: target.target.securityGroups,
					},
					rejected,
				);
	return {
		connection,
		where: 'target',
		leg,
		rejection,
		rejected,
		blame,
		evidence: evidenceKind(rejection, blame),
		...(target === undefined ? {} : {target}),
	};
}

function lbRejection(
	snapshot: Snapshot,
	connection: Connection,
	where: 'frontend' | 'backend',
	lookups: Lookups,
): Rejection | undefined {
	const leg = connection[where];
	const rejection = leg === undefined ? undefined : legRejection(leg);
	if (leg === undefined || rejection === undefined) {
		return undefined;
	}

	const topology = snapshot.topology;
	const target =
		where === 'backend'
			? cachedTarget(lookups, topology, {addr: leg.dstAddr, port: leg.dstPort})
			: undefined;
	const rejected = rejectedPacket(where, leg, rejection, target?.target.securityGroups ?? []);
	const blame = cachedBlame(lookups.blames, topology, lbSite(topology, leg), rejected);
	return {
		connection,
		where,
		leg,
		rejection,
		rejected,
		blame,
		evidence: evidenceKind(rejection, blame),
		...(target === undefined ? {} : {target}),
	};
}

type Memo = {
	readonly topology: Topology | undefined;
	readonly rejections: Rejection[];
	readonly carried: Connection[];
};

/** One row's share of the memo: its rejected legs, and whether the LB carried it. */
type RowMemo = {
	readonly topology: Topology | undefined;
	readonly rejections: readonly Rejection[];
	readonly carried: boolean;
};

// Several rules read the same rejections and scale, and each store write evaluates every rule:
// they are worked out once per rows-and-topology pair. A flows read changes a few rows of the
// window and keeps the others (the same objects), whose share is worked out once.
const memo = new WeakMap<readonly Connection[], Memo>();
const rowMemo = new WeakMap<Connection, RowMemo>();

function memoOf(snapshot: Snapshot): Memo {
	const connections = snapshot.flows?.connections ?? [];
	const known = memo.get(connections);
	if (known !== undefined && known.topology === snapshot.topology) {
		return known;
	}

	const rejections: Rejection[] = [];
	const carried: Connection[] = [];
	let rowOf: ((connection: Connection) => RowMemo) | undefined;
	for (const connection of connections) {
		let row = rowMemo.get(connection);
		if (row === undefined || row.topology !== snapshot.topology) {
			rowOf ??= rowMemoOf(snapshot);
			row = rowOf(connection);
			rowMemo.set(connection, row);
		}

		rejections.push(...row.rejections);
		if (row.carried) {
			carried.push(connection);
		}
	}

	const made = {topology: snapshot.topology, rejections, carried};
	memo.set(connections, made);
	return made;
}

function rowMemoOf(snapshot: Snapshot): (connection: Connection) => RowMemo {
	const lbPrivate = new Set(loadBalancerPrivateIps(snapshot.topology));
	const own = loadBalancerAddresses(snapshot.topology);
	const lookups = lookupsOf(snapshot.topology);
	// Most rows reject nothing: they share one of two entries.
	const {topology} = snapshot;
	const carriedOnly: RowMemo = {topology, rejections: [], carried: true};
	const nothing: RowMemo = {topology, rejections: [], carried: false};
	return (connection) => {
		const rejections = [
			lbRejection(snapshot, connection, 'frontend', lookups),
			lbRejection(snapshot, connection, 'backend', lookups),
			targetRejection(snapshot, connection, lbPrivate, lookups),
		].filter((found) => found !== undefined);
		const carried =
			connection.frontend !== undefined ||
			connection.backend !== undefined ||
			own.has(connection.targetView?.srcAddr ?? '');
		return rejections.length === 0
			? carried
				? carriedOnly
				: nothing
			: {topology, rejections, carried};
	};
}

export function rejectionsOf(snapshot: Snapshot): readonly Rejection[] {
	return memoOf(snapshot).rejections;
}

/** Connections the LB carried in the rows: the scale late-packet REJECTs are measured against. */
export function loadBalancerConnections(snapshot: Snapshot): readonly Connection[] {
	return memoOf(snapshot).carried;
}
