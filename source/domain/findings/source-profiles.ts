// Per-source view of the traffic for the source rules: which ports and addresses one client
// reached, how much was accepted, when it was first seen. Exact aggregates give the ports and
// counts; the connection rows add addresses and times.
import type {Snapshot} from '../snapshot.js';
import {loadBalancerAddresses, targetAddresses} from '../topology/topology-lookup.js';
import type {Connection} from '../types/flows.js';

export type SourceProfile = {
	readonly addr: string;
	readonly ports: ReadonlySet<number>;
	readonly acceptedPorts: ReadonlySet<number>;
	readonly addresses: ReadonlySet<string>;
	readonly acceptedFlows: number;
	readonly rejectedFlows: number;
	/** Ports rejected on the LB's own interfaces (what it tried to reach on the LB). */
	readonly lbRejectedPorts: ReadonlySet<number>;
	/** Which interfaces logged its REJECTs: the LB's, the targets' or both. */
	readonly rejectedAt: ReadonlySet<'lb' | 'target'>;
	readonly connections: readonly Connection[];
	/** Unix seconds of the earliest connection row, when there is one. */
	readonly firstSeen?: number;
	/** Unix seconds of the newest connection row's end. */
	readonly lastSeen?: number;
};

// Most sources reach one port of one address and are rejected nowhere: their sets are made only
// when something goes in (the profiles are rebuilt whenever the flows change, for every client).
type MutableProfile = {
	addr: string;
	ports: Set<number> | undefined;
	acceptedPorts: Set<number> | undefined;
	addresses: Set<string> | undefined;
	acceptedFlows: number;
	rejectedFlows: number;
	lbRejectedPorts: Set<number> | undefined;
	rejectedAt: Set<'lb' | 'target'> | undefined;
	connections: Connection[];
	firstSeen: number;
	lastSeen: number;
};

const none: ReadonlySet<never> = new Set();

// Three rules read the profiles on every store write: they are built once per flows and topology.
const built = new WeakMap<
	NonNullable<Snapshot['flows']>,
	{readonly topology: Snapshot['topology']; readonly profiles: SourceProfile[]}
>();

export function sourceProfiles(snapshot: Snapshot): SourceProfile[] {
	const flows = snapshot.flows;
	const known = flows === undefined ? undefined : built.get(flows);
	if (known !== undefined && known.topology === snapshot.topology) {
		return known.profiles;
	}

	const profiles = buildProfiles(snapshot);
	if (flows !== undefined) {
		built.set(flows, {topology: snapshot.topology, profiles});
	}

	return profiles;
}

function buildProfiles(snapshot: Snapshot): SourceProfile[] {
	// The LB's own and the targets' addresses show up as sources (health checks, replies); they
	// are not clients.
	const own = new Set([
		...loadBalancerAddresses(snapshot.topology),
		...targetAddresses(snapshot.topology),
	]);
	const profiles = new Map<string, MutableProfile>();
	const profile = (addr: string): MutableProfile => {
		const existing = profiles.get(addr);
		if (existing !== undefined) {
			return existing;
		}

		const created: MutableProfile = {
			addr,
			ports: undefined,
			acceptedPorts: undefined,
			addresses: undefined,
			acceptedFlows: 0,
			rejectedFlows: 0,
			lbRejectedPorts: undefined,
			rejectedAt: undefined,
			connections: [],
			firstSeen: Number.POSITIVE_INFINITY,
			lastSeen: Number.NEGATIVE_INFINITY,
		};
		profiles.set(addr, created);
		return created;
	};

	const aggregates = snapshot.flows?.aggregates;
	for (const source of aggregates?.acceptedSources ?? []) {
		const entry = profile(source.addr);
		entry.acceptedFlows += source.flows;
		entry.ports = withPorts(entry.ports, source.ports);
		entry.acceptedPorts = withPorts(entry.acceptedPorts, source.ports);
	}

	for (const source of aggregates?.rejectedSources ?? []) {
		const entry = profile(source.addr);
		entry.rejectedFlows += source.flows;
		entry.rejectedAt = withMember(entry.rejectedAt, source.where ?? 'lb');
		entry.ports = withPorts(entry.ports, source.ports);
		if (source.where !== 'target') {
			entry.lbRejectedPorts = withPorts(entry.lbRejectedPorts, source.ports);
		}
	}

	for (const connection of snapshot.flows?.connections ?? []) {
		addConnection(profile(connection.clientAddr), connection);
	}

	const clients: SourceProfile[] = [];
	for (const entry of profiles.values()) {
		if (own.has(entry.addr)) {
			continue;
		}

		const seen = entry.connections.length > 0;
		clients.push({
			addr: entry.addr,
			ports: entry.ports ?? none,
			acceptedPorts: entry.acceptedPorts ?? none,
			addresses: entry.addresses ?? none,
			acceptedFlows: entry.acceptedFlows,
			rejectedFlows: entry.rejectedFlows,
			lbRejectedPorts: entry.lbRejectedPorts ?? none,
			rejectedAt: entry.rejectedAt ?? none,
			connections: entry.connections,
			...(seen ? {firstSeen: entry.firstSeen, lastSeen: entry.lastSeen} : {}),
		});
	}

	return clients;
}

function addConnection(entry: MutableProfile, connection: Connection): void {
	entry.connections.push(connection);
	entry.firstSeen = Math.min(entry.firstSeen, connection.start);
	entry.lastSeen = Math.max(entry.lastSeen, connection.end);
	// Only what the client itself addressed: the LB's forwarding to targets says nothing about
	// the client, while a leg seen only at a target means the client went there directly.
	const leg = connection.frontend ?? connection.targetView ?? connection.backend;
	if (leg === undefined) {
		return;
	}

	entry.addresses = withMember(entry.addresses, leg.dstAddr);
	entry.ports = withMember(entry.ports, leg.dstPort);
	if (leg.action === 'ACCEPT') {
		entry.acceptedPorts = withMember(entry.acceptedPorts, leg.dstPort);
	} else if (leg.role === 'target') {
		entry.rejectedAt = withMember(entry.rejectedAt, 'target');
	} else {
		entry.rejectedAt = withMember(entry.rejectedAt, 'lb');
		entry.lbRejectedPorts = withMember(entry.lbRejectedPorts, leg.dstPort);
	}
}

/** The set with `value` in it: made on its first member. */
function withMember<Value>(set: Set<Value> | undefined, value: Value): Set<Value> {
	if (set === undefined) {
		return new Set([value]);
	}

	set.add(value);
	return set;
}

function withPorts(
	set: Set<number> | undefined,
	ports: readonly number[],
): Set<number> | undefined {
	let into = set;
	for (const port of ports) {
		into = withMember(into, port);
	}

	return into;
}
