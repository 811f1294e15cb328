// What one connection through the demo NLB leaves behind: its legs, each seen on one interface
// (aws-facts.md §1-3), and what the generators need to build a minute of traffic.
import {buildClientPool, type ClientPool} from './demo-clients.js';
import type {DemoTimeline} from './demo-timeline.js';
import type {DemoTargetGroup, DemoTopology} from './demo-topology.js';
import {hashSeed} from './prng.js';

export const minuteMs = 60_000;
/** Connections never outlive two aggregation windows, so a window needs only the last three minutes. */
export const maxConnectionMs = 110_000;

export type FlowAction = 'ACCEPT' | 'REJECT';

export type DirectionCounts = {
	readonly packets: number;
	readonly bytes: number;
	readonly action: FlowAction;
};

export type LegSpec = {
	readonly role: 'frontend' | 'backend' | 'target';
	readonly interfaceId: string;
	readonly srcAddr: string;
	readonly srcPort: number;
	readonly dstAddr: string;
	readonly dstPort: number;
	readonly forward: DirectionCounts;
	/** Absent when nothing came back (a rejected or unanswered SYN). */
	readonly reverse?: DirectionCounts;
};

export type ConnectionKind = 'client' | 'health-check' | 'scan' | 'noise';
export type ResetSource = 'client' | 'elb' | 'target';

export type DemoConnection = {
	readonly kind: ConnectionKind;
	/** Unix ms. */
	readonly start: number;
	readonly end: number;
	readonly availabilityZone: string;
	readonly targetGroup?: DemoTargetGroup;
	readonly legs: readonly LegSpec[];
	/** Counted by the NLB's CloudWatch metrics: client flows the NLB accepted (not health checks, not SG rejects). */
	readonly counted: boolean;
	readonly reset?: ResetSource;
};

/**
 * With client IP preservation on, what the NLB interface's own record of the backend leg shows as
 * its source is UNVERIFIED: the client (as pairing assumes) or the interface's primary IP (the
 * intermediate-interface rule of the flow log docs). The demo writes the client by default.
 */
export type PreservedBackendSource = 'client' | 'load-balancer';

export type TrafficContext = {
	readonly seed: number;
	readonly topology: DemoTopology;
	readonly timeline: DemoTimeline;
	readonly clients: ClientPool;
	readonly connectionsPerMinute: number;
	readonly preservedBackendSource: PreservedBackendSource;
	/** Offset (ms) of each node's 10-second health-check cycle per target, keyed `<node eni> <target eni>`. */
	readonly healthCheckPhases: ReadonlyMap<string, number>;
};

export function createTrafficContext(
	options: Omit<TrafficContext, 'clients' | 'healthCheckPhases'>,
): TrafficContext {
	const healthCheckPhases = new Map<string, number>();
	for (const node of options.topology.nodes) {
		for (const target of [...options.topology.web.targets, ...options.topology.api.targets]) {
			const key = `${node.networkInterfaceId} ${target.networkInterfaceId}`;
			healthCheckPhases.set(key, hashSeed(options.seed, 'health-check', key) % 10_000);
		}
	}
	return {...options, clients: buildClientPool(options.seed), healthCheckPhases};
}

/** A SYN and two retransmissions (1 s and 3 s later): what an unanswered connection attempt logs. */
export const synPackets = 3;
export const synBytes = 180;
