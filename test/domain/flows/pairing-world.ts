// Random worlds of load-balanced traffic, written from the documented record semantics
// (aws-facts.md §1-3, DESIGN.md "Pairing"), with the truth kept beside the records: which connection
// every leg belongs to. The load balancer is pairing-world-topology.ts's; the records are
// pairing-world-records.ts's. What the world holds:
// - client connections: the frontend leg on the LB interface (client -> LB private IP:listener port
//   and back); the backend leg on the same interface (client IP preservation on: client:port ->
//   target; off: LB private IP:ephemeral port -> target); the target's own view when its interface
//   has flow logs. The TCP listener forwards the client's packets as they are; the TLS listener's
//   frontend also carries a handshake and record overhead its backend does not;
// - connections the target rejects (its interface logs REJECT, the LB's ACCEPT: seed 000);
// - the LB's health checks, from its private IP to each target, every 10 or 30 s, some rejected at
//   the target;
// - probes rejected at the LB, to listener ports (its security group) and to ports with no listener;
// - connections whose frontend records were not read (the window's edge, a sample, records still in
//   delivery): their backend leg and target view have no partner, and a probe at that time on that
//   interface can look like it (a small request, or any on the TLS listener);
// - packets that arrive after a connection closed, logged as REJECT;
// - several AZs, with or without cross-zone load balancing, and aggregation windows splitting long
//   connections into several records.
import fc from 'fast-check';
import type {FlowAction, FlowRecord} from '../../../source/domain/types/flows.js';
import type {Topology} from '../../../source/domain/types/topology.js';
import {type Direction, type LegSpec, legRecords} from './pairing-world-records.js';
import {
	type GroupKey,
	groupKeys,
	type Host,
	listenerPort,
	type Placement,
	placeWorld,
	type Zone,
} from './pairing-world-topology.js';

export {legKey} from './pairing-world-records.js';

const base = 1_700_000_040; // a minute boundary

type ConnectionSpec = {
	readonly kind: 'client' | 'target-reject' | 'probe' | 'frontend-unread';
	readonly client: number;
	readonly group: GroupKey;
	readonly zone: number;
	readonly target: number;
	readonly start: number;
	readonly duration: number;
	readonly requestBytes: number;
	readonly responseBytes: number;
	/** TLS handshake sizes (client->LB and back), used on the TLS listener only. */
	readonly handshake: readonly [number, number];
	readonly late: 'none' | 'frontend' | 'target';
	/** Probes: a listener port (rejected by the LB's security group) or a port with no listener. */
	readonly probePort: number;
	readonly probeAction: FlowAction;
};

export type WorldSpec = {
	readonly seed: number;
	readonly zones: number;
	readonly preserve: Readonly<Record<GroupKey, boolean>>;
	readonly targetsPerZone: number;
	readonly crossZone: boolean;
	/** Which targets' interfaces have flow logs (by target index, wrapped). */
	readonly targetLogs: readonly boolean[];
	readonly healthCheckSeconds: 0 | 10 | 30;
	/** Targets (by index, wrapped) whose security group rejects the health checks. */
	readonly healthChecksRejected: readonly boolean[];
	readonly connections: readonly ConnectionSpec[];
};

export type World = {
	readonly topology: Topology;
	readonly records: readonly FlowRecord[];
	/** `legKey` of every leg -> the connection (or health check, or probe) it belongs to. */
	readonly owner: ReadonlyMap<string, string>;
	/** Connections whose frontend the LB rejected or that reached a port with no listener. */
	readonly neverForwarded: ReadonlySet<string>;
};

const connectionSpec: fc.Arbitrary<ConnectionSpec> = fc.record({
	kind: fc.constantFrom('client', 'client', 'client', 'target-reject', 'probe', 'frontend-unread'),
	client: fc.nat(5),
	group: fc.constantFrom<GroupKey>('web', 'api'),
	zone: fc.nat(2),
	target: fc.nat(5),
	start: fc.integer({min: 0, max: 180}),
	duration: fc.oneof(fc.integer({min: 0, max: 8}), fc.integer({min: 0, max: 150})),
	// Small requests have a probe's shape through the TCP listener.
	requestBytes: fc.oneof(fc.integer({min: 60, max: 300}), fc.integer({min: 60, max: 20_000})),
	responseBytes: fc.oneof(fc.integer({min: 0, max: 4000}), fc.integer({min: 0, max: 2_000_000})),
	handshake: fc.tuple(fc.integer({min: 300, max: 2000}), fc.integer({min: 1500, max: 8000})),
	late: fc.constantFrom('none', 'none', 'frontend', 'target'),
	probePort: fc.constantFrom(22, 80, 443, 3389, 8080, 8443),
	probeAction: fc.constantFrom<FlowAction>('REJECT', 'REJECT', 'ACCEPT'),
});

export const worldSpec: fc.Arbitrary<WorldSpec> = fc.record({
	seed: fc.integer(),
	zones: fc.integer({min: 1, max: 3}),
	preserve: fc.record({web: fc.boolean(), api: fc.boolean()}),
	targetsPerZone: fc.integer({min: 1, max: 2}),
	crossZone: fc.boolean(),
	targetLogs: fc.array(fc.boolean(), {minLength: 1, maxLength: 6}),
	healthCheckSeconds: fc.constantFrom<0 | 10 | 30>(0, 10, 30),
	healthChecksRejected: fc.array(fc.boolean(), {minLength: 1, maxLength: 6}),
	connections: fc.array(connectionSpec, {maxLength: 24}),
});

type Builder = {
	readonly spec: WorldSpec;
	readonly placement: Placement;
	readonly legs: LegSpec[];
	readonly neverForwarded: Set<string>;
	/** The next ephemeral port of an LB address (unique, so every leg's 5-tuple is its own). */
	readonly ephemeral: (ip: string) => number;
};

export function buildWorld(spec: WorldSpec): World {
	const placement = placeWorld(spec.zones, spec.targetsPerZone, spec.preserve);
	const lbPorts = new Map<string, number>();
	const builder: Builder = {
		spec,
		placement,
		legs: [],
		neverForwarded: new Set(),
		ephemeral(ip) {
			const next = (lbPorts.get(ip) ?? 1024) + 1;
			lbPorts.set(ip, next);
			return next;
		},
	};
	for (const [index, connection] of spec.connections.entries()) {
		addConnection(builder, index, connection);
	}

	addHealthChecks(builder);
	const {records, owner} = legRecords(builder.legs, spec.seed);
	return {topology: placement.topology, records, owner, neverForwarded: builder.neverForwarded};
}

function logged(spec: WorldSpec, host: Host): boolean {
	return spec.targetLogs[host.index % spec.targetLogs.length] === true;
}

function addConnection(builder: Builder, index: number, connection: ConnectionSpec): void {
	const {spec, placement, legs} = builder;
	const zoneIndex = connection.zone % placement.zones.length;
	const zone = placement.zones[zoneIndex];
	if (zone === undefined) {
		return;
	}

	const owner = `c${index}`;
	const client = `198.51.100.${connection.client + 1}`;
	const clientPort = 40_000 + index;
	const first = base + connection.start;
	const frontend = {owner, interfaceId: zone.interfaceId, srcAddr: client, srcPort: clientPort};
	if (connection.kind === 'probe') {
		builder.neverForwarded.add(owner);
		const onListener = connection.probePort === 80 || connection.probePort === 443;
		legs.push({
			...frontend,
			dstAddr: zone.ip,
			dstPort: connection.probePort,
			first,
			last: first + 3,
			// A listener port is only probed when the LB's security group rejects the source.
			forward: {packets: 2, bytes: 88, action: onListener ? 'REJECT' : connection.probeAction},
		});
		return;
	}

	const {group} = connection;
	const pool = spec.crossZone
		? placement.hosts[group]
		: placement.hosts[group].filter((host) => host.zone === zoneIndex);
	const host = pool[connection.target % pool.length];
	if (host === undefined) {
		return;
	}

	const tls = group === 'api';
	const rejected = connection.kind === 'target-reject';
	// The backend connection opens a second later on the TLS listener: its client's lasts that long.
	const last = first + (rejected ? 3 : Math.max(connection.duration, tls ? 1 : 0));
	const shapes = trafficOf(connection, tls, rejected);
	const toListener = {...frontend, dstAddr: zone.ip, dstPort: listenerPort[group]};
	const frontendRead = connection.kind !== 'frontend-unread';
	if (frontendRead) {
		legs.push({
			...toListener,
			first,
			last,
			forward: shapes.frontendForward,
			...(shapes.frontendReverse === undefined ? {} : {reverse: shapes.frontendReverse}),
		});
	}

	const preserved = spec.preserve[group];
	const backend = {
		owner,
		srcAddr: preserved ? client : zone.ip,
		srcPort: preserved ? clientPort : builder.ephemeral(zone.ip),
		dstAddr: host.ip,
		dstPort: host.port,
		first: first + (tls ? 1 : 0),
		last,
		forward: shapes.backendForward,
		...(shapes.backendReverse === undefined ? {} : {reverse: shapes.backendReverse}),
	};
	legs.push({...backend, interfaceId: zone.interfaceId});
	const targetAction: FlowAction = rejected ? 'REJECT' : 'ACCEPT';
	const view = {...backend, interfaceId: host.interfaceId};
	if (logged(spec, host)) {
		legs.push({...view, forward: {...shapes.backendForward, action: targetAction}});
	}

	// A packet after the close, rejected: the client's (at the LB) or the LB's (at the target).
	const when = last + 5 + (index % 30);
	const late: Direction = {packets: 1, bytes: 40, action: 'REJECT'};
	if (connection.late === 'frontend' && !rejected && frontendRead) {
		legs.push({...toListener, first: when, last: when, forward: late});
	} else if (connection.late === 'target' && !rejected && logged(spec, host)) {
		const {reverse: _reply, ...oneWay} = view;
		legs.push({...oneWay, first: when, last: when, forward: late});
	}
}

type Shapes = {
	readonly frontendForward: Direction;
	readonly frontendReverse: Direction | undefined;
	readonly backendForward: Direction;
	readonly backendReverse: Direction | undefined;
};

function trafficOf(connection: ConnectionSpec, tls: boolean, rejected: boolean): Shapes {
	// A target that rejects never answers: the LB's SYN and two retransmissions.
	const backendForward: Direction = rejected
		? {packets: 3, bytes: 180, action: 'ACCEPT'}
		: {
				packets: 3 + Math.ceil(connection.requestBytes / 1400),
				bytes: connection.requestBytes,
				action: 'ACCEPT',
			};
	const backendReverse: Direction | undefined = rejected
		? undefined
		: {
				packets: 2 + Math.ceil(connection.responseBytes / 1448),
				bytes: 120 + connection.responseBytes,
				action: 'ACCEPT',
			};
	if (!tls) {
		return {
			frontendForward: backendForward,
			frontendReverse: backendReverse,
			backendForward,
			backendReverse,
		};
	}

	// TLS ends at the LB: the client side also carries the handshake and each record's overhead;
	// when the target rejects, the client has still completed its handshake with the LB.
	const [helloBytes, certificateBytes] = connection.handshake;
	const carried = (direction: Direction | undefined) =>
		rejected || direction === undefined
			? {packets: 0, bytes: 0}
			: {packets: direction.packets, bytes: direction.bytes + Math.floor(direction.bytes / 40)};
	const forward = carried(backendForward);
	const reverse = carried(backendReverse);
	return {
		frontendForward: {
			packets: forward.packets + 4,
			bytes: forward.bytes + helloBytes,
			action: 'ACCEPT',
		},
		frontendReverse: {
			packets: reverse.packets + 4,
			bytes: reverse.bytes + certificateBytes,
			action: 'ACCEPT',
		},
		backendForward,
		backendReverse,
	};
}

function addHealthChecks(builder: Builder): void {
	const {spec, placement} = builder;
	if (spec.healthCheckSeconds === 0) {
		return;
	}

	let check = 0;
	for (const [zoneIndex, zone] of placement.zones.entries()) {
		for (const key of groupKeys) {
			for (const host of placement.hosts[key]) {
				if (spec.crossZone || host.zone === zoneIndex) {
					check = addChecksOf(builder, zone, zoneIndex, host, check);
				}
			}
		}
	}
}

/** One LB node's checks of one target over the world's time; returns the next check number. */
function addChecksOf(builder: Builder, zone: Zone, zoneIndex: number, host: Host, from: number) {
	const {spec, legs} = builder;
	const interval = spec.healthCheckSeconds;
	const blocked = spec.healthChecksRejected[host.index % spec.healthChecksRejected.length] === true;
	const phase = (zoneIndex * 7 + host.index * 3) % Math.max(1, interval);
	let check = from;
	for (let time = base - 60 + phase; time < base + 360; time += interval) {
		const leg = {
			owner: `h${check++}`,
			srcAddr: zone.ip,
			srcPort: builder.ephemeral(zone.ip),
			dstAddr: host.ip,
			dstPort: host.port,
			first: time,
			last: time + (blocked ? 3 : 0),
			forward: blocked
				? ({packets: 3, bytes: 180, action: 'ACCEPT'} as const)
				: ({packets: 3, bytes: 164, action: 'ACCEPT'} as const),
			...(blocked ? {} : {reverse: {packets: 2, bytes: 112, action: 'ACCEPT'} as const}),
		};
		legs.push({...leg, interfaceId: zone.interfaceId});
		if (logged(spec, host)) {
			const action: FlowAction = blocked ? 'REJECT' : 'ACCEPT';
			legs.push({...leg, interfaceId: host.interfaceId, forward: {...leg.forward, action}});
		}
	}

	return check;
}
