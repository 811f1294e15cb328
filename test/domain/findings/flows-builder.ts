// Flow rows and aggregates for the test world: connections through the LB, ACCEPT everywhere
// unless a scenario says otherwise, and exact aggregates that agree with them.
import type {
	Connection,
	FlowAction,
	FlowAggregates,
	FlowLeg,
	FlowsView,
	SourceAggregate,
} from '../../../source/domain/snapshot.js';
import {ids, minute, now, seconds, windowStart} from './topology-builder.js';

export function leg(overrides: Partial<FlowLeg> & Pick<FlowLeg, 'role'>): FlowLeg {
	return {
		interfaceId: ids.lbEniA,
		availabilityZone: 'us-east-1a',
		protocol: 6,
		srcAddr: '203.0.113.7',
		srcPort: 40_000,
		dstAddr: ids.lbIpA,
		dstPort: 80,
		action: 'ACCEPT',
		packets: 10,
		bytes: 2000,
		start: seconds(now - 5 * minute),
		end: seconds(now - 5 * minute) + 30,
		...overrides,
	};
}

export type ConnectionSpec = {
	readonly id?: string;
	readonly client?: string;
	readonly clientPort?: number;
	/** Unix ms. */
	readonly at?: number;
	readonly listenerPort?: number;
	readonly targetIp?: string;
	readonly targetEni?: string;
	readonly targetPort?: number;
	readonly frontend?: FlowAction | 'none';
	readonly backend?: FlowAction | 'none';
	readonly atTarget?: FlowAction | 'none';
	readonly kind?: Connection['kind'];
	/** The source the target sees: the client with client IP preservation on, else the LB. */
	readonly targetSees?: string;
};

/** A connection through the LB, ACCEPT everywhere unless the spec says otherwise. */
export function connection(spec: ConnectionSpec = {}): Connection {
	const client = spec.client ?? '203.0.113.7';
	const clientPort = spec.clientPort ?? 40_000;
	const start = seconds(spec.at ?? now - 5 * minute);
	const listenerPort = spec.listenerPort ?? 80;
	const targetIp = spec.targetIp ?? ids.target1Ip;
	const targetPort = spec.targetPort ?? 80;
	const seenFrom = spec.targetSees ?? client;
	const common = {start, end: start + 30, srcPort: clientPort};
	const frontend =
		spec.frontend === 'none'
			? undefined
			: leg({
					role: 'frontend',
					...common,
					srcAddr: client,
					dstPort: listenerPort,
					action: spec.frontend ?? 'ACCEPT',
				});
	const backend =
		spec.backend === 'none'
			? undefined
			: leg({
					role: 'backend',
					...common,
					srcAddr: seenFrom,
					dstAddr: targetIp,
					dstPort: targetPort,
					action: spec.backend ?? 'ACCEPT',
				});
	const targetView =
		spec.atTarget === 'none'
			? undefined
			: leg({
					role: 'target',
					...common,
					interfaceId: spec.targetEni ?? ids.target1Eni,
					srcAddr: seenFrom,
					dstAddr: targetIp,
					dstPort: targetPort,
					action: spec.atTarget ?? 'ACCEPT',
				});
	return {
		id: spec.id ?? `c-${client}-${clientPort}-${start}`,
		kind: spec.kind ?? 'exact',
		clientAddr: client,
		clientPort,
		listenerPort,
		targetAddr: targetIp,
		targetPort,
		protocol: 6,
		...(frontend === undefined ? {} : {frontend}),
		...(backend === undefined ? {} : {backend}),
		...(targetView === undefined ? {} : {targetView}),
		packets: 20,
		bytes: 4000,
		start,
		end: start + 30,
	};
}

export const steadyClients = [
	'198.51.100.10',
	'198.51.100.11',
	'198.51.100.12',
	'198.51.100.13',
	'198.51.100.14',
];

/** 45 accepted connections from five regular clients, one every 20 s across the window. */
export function steadyConnections(): Connection[] {
	return Array.from({length: 45}, (_, index) =>
		connection({
			client: steadyClients[index % steadyClients.length] ?? '198.51.100.10',
			clientPort: 41_000 + index,
			at: windowStart + index * 20_000,
			targetIp: index % 2 === 0 ? ids.target1Ip : ids.target2Ip,
			targetEni: index % 2 === 0 ? ids.target1Eni : ids.target2Eni,
		}),
	);
}

export function source(
	addr: string,
	ports: readonly number[],
	flows: number,
	where?: 'lb' | 'target',
): SourceAggregate {
	return {
		addr,
		ports,
		flows,
		packets: flows * 10,
		bytes: flows * 2000,
		...(where === undefined ? {} : {where}),
	};
}

export function aggregates(overrides: Partial<FlowAggregates> = {}): FlowAggregates {
	return {
		accepted: {flows: 45, packets: 900, bytes: 180_000},
		rejected: {flows: 0, packets: 0, bytes: 0},
		acceptedSources: steadyClients.map((addr) => source(addr, [80], 9)),
		rejectedSources: [],
		acceptedPorts: [{port: 80, flows: 45, packets: 900, bytes: 180_000, where: 'lb'}],
		rejectedPorts: [],
		interfaces: [],
		timeline: [],
		bucketSeconds: 60,
		precision: 'exact',
		...overrides,
	};
}

export function flows(
	connections: readonly Connection[],
	aggregateOverrides: Partial<FlowAggregates> = {},
): FlowsView {
	return {
		connections,
		sampled: false,
		recordsRead: connections.length * 4,
		recordsMatched: connections.length * 4,
		malformedRecords: 0,
		aggregates: aggregates(aggregateOverrides),
		dataThrough: now - minute,
		aggregationSeconds: 60,
	};
}
