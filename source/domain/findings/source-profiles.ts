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

type MutableProfile = {
	addr: string;
	ports: Set<number>;
	acceptedPorts: Set<number>;
	addresses: Set<string>;
	acceptedFlows: number;
	rejectedFlows: number;
	lbRejectedPorts: Set<number>;
	rejectedAt: Set<'lb' | 'target'>;
	connections: Connection[];
};

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
			ports: new Set(),
			acceptedPorts: new Set(),
			addresses: new Set(),
			acceptedFlows: 0,
			rejectedFlows: 0,
			lbRejectedPorts: new Set(),
			rejectedAt: new Set(),
			connections: [],
		};
		profiles.set(addr, created);
		return created;
	};

	const aggregates = snapshot.flows?.aggregates;
	for (const source of aggregates?.acceptedSources ?? []) {
		const entry = profile(source.addr);
		entry.acceptedFlows += source.flows;
		addPorts(entry.ports, source.ports);
		addPorts(entry.acceptedPorts, source.ports);
	}

	for (const source of aggregates?.rejectedSources ?? []) {
		const entry = profile(source.addr);
		entry.rejectedFlows += source.flows;
		entry.rejectedAt.add(source.where ?? 'lb');
		addPorts(entry.ports, source.ports);
		if (source.where !== 'target') {
			addPorts(entry.lbRejectedPorts, source.ports);
		}
	}

	for (const connection of snapshot.flows?.connections ?? []) {
		addConnection(profile(connection.clientAddr), connection);
	}

	return [...profiles.values()]
		.filter((entry) => !own.has(entry.addr))
		.map((entry) => {
			const starts = entry.connections.map((connection) => connection.start);
			const ends = entry.connections.map((connection) => connection.end);
			return {
				...entry,
				...(starts.length > 0 ? {firstSeen: Math.min(...starts), lastSeen: Math.max(...ends)} : {}),
			};
		});
}

function addConnection(entry: MutableProfile, connection: Connection): void {
	entry.connections.push(connection);
	// Only what the client itself addressed: the LB's forwarding to targets says nothing about
	// the client, while a leg seen only at a target means the client went there directly.
	const leg = connection.frontend ?? connection.targetView ?? connection.backend;
	if (leg === undefined) {
		return;
	}

	entry.addresses.add(leg.dstAddr);
	entry.ports.add(leg.dstPort);
	if (leg.action === 'ACCEPT') {
		entry.acceptedPorts.add(leg.dstPort);
	} else if (leg.role === 'target') {
		entry.rejectedAt.add('target');
	} else {
		entry.rejectedAt.add('lb');
		entry.lbRejectedPorts.add(leg.dstPort);
	}
}

function addPorts(target: Set<number>, ports: readonly number[]): void {
	for (const port of ports) {
		target.add(port);
	}
}
