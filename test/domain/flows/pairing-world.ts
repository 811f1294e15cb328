// Random worlds of load-balanced traffic, written from the documented record semantics
// (aws-facts.md §1-3, DESIGN.md "Pairing"), with the truth kept beside the records: which connection
// every leg belongs to. An NLB in one to three AZs (one interface each) with a TCP listener on 80
// (pass-through to `web` on 8080) and a TLS listener on 443 (terminated, then `api` on 8443), each
// group preserving client IPs or not. What the world holds:
// - client connections: the frontend leg on the LB interface (client -> LB private IP:listener port
//   and back); the backend leg on the same interface (client IP preservation on: client:port ->
//   target; off: LB private IP:ephemeral port -> target); the target's own view when its interface
//   has flow logs;
// - connections the target rejects (its interface logs REJECT, the LB's ACCEPT: seed 000);
// - the LB's health checks, from its private IP to each target, every 10 or 30 s, some rejected at
//   the target;
// - probes rejected at the LB, to listener ports (its security group) and to ports with no listener;
// - packets that arrive after a connection closed, logged as REJECT;
// - 60-second aggregation windows splitting long connections into several records, with each
//   record's start and end up to a minute late (aws-facts.md §1: `start` "might be up to 60 seconds
//   after the packet").
// The TLS listener's frontend carries a handshake and record overhead its backend does not; the TCP
// listener forwards the client's packets as they are.
import fc from 'fast-check';
import type {FlowAction, FlowRecord} from '../../../source/domain/types/flows.js';
import type {
	ListenerInfo,
	TargetGroupInfo,
	TargetInfo,
	Topology,
} from '../../../source/domain/types/topology.js';

const base = 1_700_000_040; // a minute boundary
const aggregationSeconds = 60;
const maxLagSeconds = 60;

type GroupKey = 'web' | 'api';

type ConnectionSpec = {
	readonly kind: 'client' | 'target-reject' | 'probe';
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
	/** Connection ids of frontends the LB rejected or that reached a port with no listener. */
	readonly neverForwarded: ReadonlySet<string>;
};

const connectionSpec: fc.Arbitrary<ConnectionSpec> = fc.record({
	kind: fc.constantFrom('client', 'client', 'client', 'target-reject', 'probe'),
	client: fc.nat(5),
	group: fc.constantFrom<GroupKey>('web', 'api'),
	zone: fc.nat(2),
	target: fc.nat(5),
	start: fc.integer({min: 0, max: 180}),
	duration: fc.oneof(fc.integer({min: 0, max: 8}), fc.integer({min: 0, max: 150})),
	requestBytes: fc.integer({min: 60, max: 20_000}),
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

type Zone = {readonly name: string; readonly interfaceId: string; readonly ip: string};
type Host = TargetInfo & {readonly ip: string; readonly interfaceId: string; readonly zone: number};

const groupPort: Readonly<Record<GroupKey, number>> = {web: 8080, api: 8443};
const listenerPort: Readonly<Record<GroupKey, number>> = {web: 80, api: 443};

function hex(value: number, width: number): string {
	return value.toString(16).padStart(width, '0');
}

function groupArn(key: GroupKey): string {
	return `arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/${key}/${hex(key.length, 16)}`;
}

/** The leg's identity in the world: interface and 5-tuple, initiator first. */
export function legKey(leg: {
	readonly interfaceId: string;
	readonly srcAddr: string;
	readonly srcPort: number;
	readonly dstAddr: string;
	readonly dstPort: number;
	readonly protocol: number;
}): string {
	return `${leg.interfaceId} ${leg.protocol} ${leg.srcAddr}:${leg.srcPort}>${leg.dstAddr}:${leg.dstPort}`;
}

/** A small deterministic generator for the record lags, so a world is a pure function of its spec. */
function lagSource(seed: number): () => number {
	let state = seed >>> 0;
	return () => {
		state = (state + 0x6d_2b_79_f5) >>> 0;
		let value = state;
		value = Math.imul(value ^ (value >>> 15), value | 1);
		value ^= value + Math.imul(value ^ (value >>> 7), value | 61);
		return ((value ^ (value >>> 14)) >>> 0) % (maxLagSeconds + 1);
	};
}

type Direction = {readonly packets: number; readonly bytes: number; readonly action: FlowAction};

type LegSpec = {
	readonly owner: string;
	readonly interfaceId: string;
	readonly srcAddr: string;
	readonly srcPort: number;
	readonly dstAddr: string;
	readonly dstPort: number;
	/** Unix seconds: the leg's first and last packet. */
	readonly first: number;
	readonly last: number;
	readonly forward: Direction;
	readonly reverse?: Direction;
};

export function buildWorld(spec: WorldSpec): World {
	const zones: Zone[] = Array.from({length: spec.zones}, (_, index) => ({
		name: `us-east-1${'abc'[index] ?? 'x'}`,
		interfaceId: `eni-0${hex(index + 1, 3)}00000000000a`,
		ip: `10.0.${index + 1}.10`,
	}));
	const hosts: Record<GroupKey, Host[]> = {web: [], api: []};
	let hostIndex = 0;
	for (const key of ['web', 'api'] as const) {
		for (const [zoneIndex] of zones.entries()) {
			for (let slot = 0; slot < spec.targetsPerZone; slot++) {
				hostIndex++;
				const ip = `10.0.${zoneIndex + 1}.${100 + hostIndex}`;
				hosts[key].push({
					id: spec.preserve[key] ? `i-0${hex(hostIndex, 16)}` : ip,
					port: groupPort[key],
					availabilityZone: zones[zoneIndex]?.name ?? 'us-east-1a',
					ip,
					interfaceId: `eni-0${hex(hostIndex, 3)}0000000000b`,
					securityGroups: ['sg-0target'],
					health: {state: 'healthy'},
					zone: zoneIndex,
				});
			}
		}
	}

	const topology = topologyOf(spec, zones, hosts);
	const legs: LegSpec[] = [];
	const neverForwarded = new Set<string>();
	const logged = (host: Host) => spec.targetLogs[hostIndexOf(hosts, host) % spec.targetLogs.length];
	const lbPorts = new Map<string, number>();
	const ephemeral = (ip: string) => {
		const next = (lbPorts.get(ip) ?? 1024) + 1;
		lbPorts.set(ip, next);
		return next;
	};

	for (const [index, connection] of spec.connections.entries()) {
		const owner = `c${index}`;
		const zone = zones[connection.zone % zones.length];
		if (zone === undefined) {
			continue;
		}

		const client = `198.51.100.${connection.client + 1}`;
		const clientPort = 40_000 + index;
		const first = base + connection.start;
		if (connection.kind === 'probe') {
			neverForwarded.add(owner);
			const onListener = connection.probePort === 80 || connection.probePort === 443;
			legs.push({
				owner,
				interfaceId: zone.interfaceId,
				srcAddr: client,
				srcPort: clientPort,
				dstAddr: zone.ip,
				dstPort: connection.probePort,
				first,
				last: first + 3,
				// A listener port is only probed when the LB's security group rejects the source.
				forward: {packets: 2, bytes: 88, action: onListener ? 'REJECT' : connection.probeAction},
			});
			continue;
		}

		const group = connection.group;
		const zoneIndex = connection.zone % zones.length;
		const pool = spec.crossZone
			? hosts[group]
			: hosts[group].filter((host) => host.zone === zoneIndex);
		const host = pool[connection.target % pool.length];
		if (host === undefined) {
			continue;
		}

		const preserved = spec.preserve[group];
		const backendSrc = preserved ? client : zone.ip;
		const backendPort = preserved ? clientPort : ephemeral(zone.ip);
		const tls = group === 'api';
		const rejected = connection.kind === 'target-reject';
		// The backend connection opens a second later on the TLS listener, so its client's lasts that long.
		const last = first + (rejected ? 3 : Math.max(connection.duration, tls ? 1 : 0));
		const syn: Direction = {packets: 3, bytes: 180, action: 'ACCEPT'};
		const backendForward: Direction = rejected
			? syn
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
		const [helloBytes, certificateBytes] = connection.handshake;
		// TLS is terminated at the LB: the client side also carries the handshake and per-record
		// overhead; when the target rejects, the client still completed its handshake with the LB.
		const frontendForward: Direction = tls
			? {
					packets: (rejected ? 0 : backendForward.packets) + 4,
					bytes:
						(rejected ? 0 : backendForward.bytes + Math.floor(backendForward.bytes / 40)) +
						helloBytes,
					action: 'ACCEPT',
				}
			: backendForward;
		const frontendReverse: Direction | undefined = tls
			? {
					packets: (backendReverse?.packets ?? 0) + 4,
					bytes:
						(backendReverse === undefined
							? 0
							: backendReverse.bytes + Math.floor(backendReverse.bytes / 40)) + certificateBytes,
					action: 'ACCEPT',
				}
			: backendReverse;
		legs.push({
			owner,
			interfaceId: zone.interfaceId,
			srcAddr: client,
			srcPort: clientPort,
			dstAddr: zone.ip,
			dstPort: listenerPort[group],
			first,
			last,
			forward: frontendForward,
			...(frontendReverse === undefined ? {} : {reverse: frontendReverse}),
		});
		// The backend connection opens once the client's has (TLS: after the handshake).
		const backend = {
			owner,
			srcAddr: backendSrc,
			srcPort: backendPort,
			dstAddr: host.ip,
			dstPort: host.port,
			first: first + (tls ? 1 : 0),
			last,
			forward: backendForward,
			...(backendReverse === undefined ? {} : {reverse: backendReverse}),
		};
		legs.push({...backend, interfaceId: zone.interfaceId});
		if (logged(host)) {
			legs.push({
				...backend,
				interfaceId: host.interfaceId,
				forward: {...backendForward, action: rejected ? 'REJECT' : 'ACCEPT'},
			});
		}

		if (connection.late !== 'none' && !rejected) {
			const late: Direction = {packets: 1, bytes: 40, action: 'REJECT'};
			const when = last + 5 + (index % 30);
			if (connection.late === 'frontend') {
				legs.push({
					owner,
					interfaceId: zone.interfaceId,
					srcAddr: client,
					srcPort: clientPort,
					dstAddr: zone.ip,
					dstPort: listenerPort[group],
					first: when,
					last: when,
					forward: late,
				});
			} else if (logged(host)) {
				legs.push({
					...backend,
					interfaceId: host.interfaceId,
					first: when,
					last: when,
					forward: late,
				});
			}
		}
	}

	if (spec.healthCheckSeconds > 0) {
		let check = 0;
		for (const [zoneIndex, zone] of zones.entries()) {
			for (const key of ['web', 'api'] as const) {
				for (const host of hosts[key]) {
					if (!spec.crossZone && host.zone !== zoneIndex) {
						continue;
					}

					const blocked =
						spec.healthChecksRejected[
							hostIndexOf(hosts, host) % spec.healthChecksRejected.length
						] === true;
					const phase = (zoneIndex * 7 + hostIndexOf(hosts, host) * 3) % spec.healthCheckSeconds;
					for (let time = base - 60 + phase; time < base + 360; time += spec.healthCheckSeconds) {
						const owner = `h${check++}`;
						const leg = {
							owner,
							srcAddr: zone.ip,
							srcPort: ephemeral(zone.ip),
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
						if (logged(host)) {
							legs.push({
								...leg,
								interfaceId: host.interfaceId,
								forward: {...leg.forward, action: blocked ? 'REJECT' : 'ACCEPT'},
							});
						}
					}
				}
			}
		}
	}

	const lag = lagSource(spec.seed);
	const records: FlowRecord[] = [];
	const owner = new Map<string, string>();
	for (const leg of legs) {
		owner.set(legKey({...leg, protocol: 6}), leg.owner);
		records.push(...directionRecords(leg, leg.forward, false, lag));
		if (leg.reverse !== undefined) {
			records.push(...directionRecords(leg, leg.reverse, true, lag));
		}
	}

	return {topology, records, owner, neverForwarded};
}

function hostIndexOf(hosts: Record<GroupKey, Host[]>, host: Host): number {
	return [...hosts.web, ...hosts.api].indexOf(host);
}

/** One direction of a leg as the interface logs it: one record per aggregation window it spans. */
function directionRecords(
	leg: LegSpec,
	direction: Direction,
	reverse: boolean,
	lag: () => number,
): FlowRecord[] {
	const windows: number[] = [];
	for (
		let window = Math.floor(leg.first / aggregationSeconds) * aggregationSeconds;
		window <= leg.last;
		window += aggregationSeconds
	) {
		windows.push(window);
	}

	const used = windows.slice(0, Math.max(1, Math.min(windows.length, direction.packets)));
	const records: FlowRecord[] = [];
	let packetsLeft = direction.packets;
	let bytesLeft = direction.bytes;
	for (const [index, window] of used.entries()) {
		const remaining = used.length - index;
		const packets = index === used.length - 1 ? packetsLeft : Math.floor(packetsLeft / remaining);
		const bytes = index === used.length - 1 ? bytesLeft : Math.floor(bytesLeft / remaining);
		packetsLeft -= packets;
		bytesLeft -= bytes;
		const first = Math.max(leg.first, window);
		const last = Math.min(leg.last, window + aggregationSeconds - 1);
		const start = first + lag();
		const end = Math.max(start, last + lag());
		records.push({
			interfaceId: leg.interfaceId,
			logStatus: 'OK',
			srcAddr: reverse ? leg.dstAddr : leg.srcAddr,
			dstAddr: reverse ? leg.srcAddr : leg.dstAddr,
			srcPort: reverse ? leg.dstPort : leg.srcPort,
			dstPort: reverse ? leg.srcPort : leg.dstPort,
			protocol: 6,
			packets,
			bytes,
			start,
			end,
			action: direction.action,
			extra: {},
		});
	}

	return records;
}

function topologyOf(
	spec: WorldSpec,
	zones: readonly Zone[],
	hosts: Record<GroupKey, Host[]>,
): Topology {
	const groups: TargetGroupInfo[] = (['web', 'api'] as const).map((key) => ({
		arn: groupArn(key),
		name: key,
		protocol: 'TCP',
		port: groupPort[key],
		targetType: spec.preserve[key] ? 'instance' : 'ip',
		preserveClientIp: spec.preserve[key],
		proxyProtocolV2: false,
		targets: hosts[key].map(({zone: _zone, ...target}) => target),
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
