// The connections of one minute of demo traffic: client flows through both listeners, plus the
// health checks and rejected probes. A minute's content depends only on the seed, the minute and
// the timeline, never on when it is built.
import {clientEphemeralPort} from './demo-clients.js';
import {
	type DemoConnection,
	maxConnectionMs,
	minuteMs,
	type ResetSource,
	synBytes,
	synPackets,
	type TrafficContext,
} from './demo-connection.js';
import {healthChecks} from './demo-health-checks.js';
import {probes} from './demo-probes.js';
import type {DemoNode, DemoTarget, DemoTargetGroup} from './demo-topology.js';
import {createRandom, hashSeed, type Random} from './prng.js';

export type {DemoConnection, PreservedBackendSource, TrafficContext} from './demo-connection.js';
export {createTrafficContext} from './demo-connection.js';

function unhealthy(context: TrafficContext, group: DemoTargetGroup, time: number): boolean {
	return group.key === 'web' && context.timeline.webTargetsUnhealthy(time);
}

/** Cross-zone load balancing is off: the node picks a healthy target in its own AZ, or any of them when none is (fail open). */
function chooseTarget(
	context: TrafficContext,
	random: Random,
	group: DemoTargetGroup,
	node: DemoNode,
	time: number,
): DemoTarget {
	const inZone = group.targets.filter(
		(target) => target.availabilityZone === node.availabilityZone,
	);
	const healthy = unhealthy(context, group, time) ? [] : inZone;
	return random.pick(healthy.length > 0 ? healthy : inZone);
}

/** The web instance that resets most of its connections during the target-resets incident. */
export const burstTargetName = 'web-1b-2';

function resetFor(
	context: TrafficContext,
	random: Random,
	target: DemoTarget,
	time: number,
): ResetSource | undefined {
	const burst = context.timeline.incidentAt(time, 'target-resets');
	if (burst !== undefined && target.name === burstTargetName && random.chance(0.9)) {
		return 'target';
	}
	const roll = random.next();
	if (roll < 0.003) {
		return 'target';
	}
	if (roll < 0.013) {
		return 'client';
	}
	return roll < 0.015 ? 'elb' : undefined;
}

function clientConnection(context: TrafficContext, random: Random, start: number): DemoConnection {
	const {topology} = context;
	const group = random.chance(0.7) ? topology.web : topology.api;
	const node = random.pick(topology.nodes);
	const target = chooseTarget(context, random, group, node, start);
	const client = context.clients.pick(random);
	const clientPort = clientEphemeralPort(random);
	const preserved = group.preserveClientIp;
	const backendSource = preserved ? client : node.privateIp;
	const backendPort = preserved ? clientPort : random.int(1024, 65_535);
	const lbBackendSource =
		preserved && context.preservedBackendSource === 'load-balancer'
			? node.privateIp
			: backendSource;
	const legAddresses = {
		frontend: {
			srcAddr: client,
			srcPort: clientPort,
			dstAddr: node.privateIp,
			dstPort: group.listenerPort,
		},
		backend: {
			srcAddr: lbBackendSource,
			srcPort: backendPort,
			dstAddr: target.privateIp,
			dstPort: target.port,
		},
		target: {
			srcAddr: backendSource,
			srcPort: backendPort,
			dstAddr: target.privateIp,
			dstPort: target.port,
		},
	};
	const base = {
		kind: 'client' as const,
		availabilityZone: node.availabilityZone,
		targetGroup: group,
		counted: true,
	};

	if (group.key === 'web' && context.timeline.securityGroupRevoked(start)) {
		// The instance's security group drops the SYNs: the NLB interface saw them pass (ACCEPT),
		// the instance's interface rejected them, and nothing ever came back.
		const syn = (action: 'ACCEPT' | 'REJECT') => ({packets: synPackets, bytes: synBytes, action});
		return {
			...base,
			start,
			end: start + 3000,
			legs: [
				{
					role: 'frontend',
					interfaceId: node.networkInterfaceId,
					...legAddresses.frontend,
					forward: syn('ACCEPT'),
				},
				{
					role: 'backend',
					interfaceId: node.networkInterfaceId,
					...legAddresses.backend,
					forward: syn('ACCEPT'),
				},
				{
					role: 'target',
					interfaceId: target.networkInterfaceId,
					...legAddresses.target,
					forward: syn('REJECT'),
				},
			],
		};
	}

	const reset = resetFor(context, random, target, start);
	const longLived = reset === undefined && random.chance(0.08);
	const duration =
		reset === 'target'
			? random.int(80, 1500)
			: longLived
				? random.int(20_000, maxConnectionMs)
				: random.int(150, 6000);
	const requestBytes = random.int(250, 2400);
	const responseBytes =
		reset === 'target' ? random.int(200, 900) : Math.round(1500 + random.next() ** 3 * 180_000);
	const backendForward = {
		packets: 3 + Math.ceil(requestBytes / 1400) + random.int(0, 3),
		bytes: requestBytes,
		action: 'ACCEPT' as const,
	};
	const backendReverse = {
		packets: 2 + Math.ceil(responseBytes / 1448),
		bytes: responseBytes,
		action: 'ACCEPT' as const,
	};
	// A TLS listener terminates TLS: the client side also carries the handshake and record overhead.
	const tls = group.key === 'api';
	const frontendForward = tls
		? {...backendForward, packets: backendForward.packets + 3, bytes: backendForward.bytes + 690}
		: backendForward;
	const frontendReverse = tls
		? {...backendReverse, packets: backendReverse.packets + 4, bytes: backendReverse.bytes + 4350}
		: backendReverse;
	return {
		...base,
		start,
		end: start + duration,
		...(reset === undefined ? {} : {reset}),
		legs: [
			{
				role: 'frontend',
				interfaceId: node.networkInterfaceId,
				...legAddresses.frontend,
				forward: frontendForward,
				reverse: frontendReverse,
			},
			{
				role: 'backend',
				interfaceId: node.networkInterfaceId,
				...legAddresses.backend,
				forward: backendForward,
				reverse: backendReverse,
			},
			{
				role: 'target',
				interfaceId: target.networkInterfaceId,
				...legAddresses.target,
				forward: backendForward,
				reverse: backendReverse,
			},
		],
	};
}

/** Every connection that starts in the minute beginning at `minuteStart` (Unix ms, minute-aligned). */
export function connectionsForMinute(
	context: TrafficContext,
	minuteStart: number,
): DemoConnection[] {
	const random = createRandom(hashSeed(context.seed, 'traffic', minuteStart));
	// A gentle 4-hour swell so the sparklines are not flat.
	const swell = 1 + 0.2 * Math.sin((2 * Math.PI * minuteStart) / (4 * 60 * minuteMs));
	const count = Math.max(
		0,
		Math.round(context.connectionsPerMinute * swell * (0.85 + 0.3 * random.next())),
	);
	const connections: DemoConnection[] = [];
	for (let index = 0; index < count; index++) {
		connections.push(clientConnection(context, random, minuteStart + random.int(0, minuteMs - 1)));
	}
	connections.push(
		...healthChecks(context, random, minuteStart),
		...probes(context, random, minuteStart),
	);
	return connections;
}
