// What a world's traffic model says: who connects, what probes it, how the targets' hosts behave
// and what changes when. Nothing here says what a connection's records look like: that is derived
// from the world's configuration at the moment of the connection (see paths.ts).
import type {ConfigState} from './config-state.js';
import type {TrailCall} from './trail.js';

/** Inclusive bounds. */
export type Span = {readonly min: number; readonly max: number};

/** When something is active, in timeline time (see Cycle): [from, until). */
export type Active = {readonly from: number; readonly until: number};

export type ClientPopulation = {
	readonly name: string;
	readonly cidrs: readonly string[];
	/** Distinct source addresses drawn from the CIDRs. */
	readonly addresses: number;
	/** How unevenly connections spread over the addresses (Zipf exponent; 0 = evenly). */
	readonly skew: number;
	readonly connectionsPerMinute: number;
	/** Listener ports with weights; undefined: every listener, evenly. A port may be no listener. */
	readonly listeners?: readonly {readonly port: number; readonly weight: number}[];
	/** The LB node addresses (by zone) the clients use; undefined: all, evenly. */
	readonly zones?: readonly string[];
	readonly durationMs: Span;
	readonly longLived: {readonly share: number; readonly durationMs: Span};
	readonly requestBytes: Span;
	readonly responseBytes: Span;
	readonly active?: Active;
};

export type ProbeSource = {
	readonly name: string;
	readonly cidrs: readonly string[];
	readonly addresses: number;
	/** Ports tried; each probe picks one of these, or (with `randomPorts`) a random port. */
	readonly ports: readonly number[];
	readonly randomPorts?: {readonly share: number; readonly range: Span};
	/** Probes a minute sent to each LB node address. */
	readonly perMinute: number;
	/** Packets per probe (a SYN and its retransmissions). */
	readonly packets: Span;
	readonly active?: Active;
};

/** How a target's host answers, beyond what AWS controls: its own sockets and firewall. */
export type HostBehaviour = {
	/** Ports the host serves ('any' protocol answers TCP and HTTP checks alike); 'all': every port. */
	readonly listens:
		| 'all'
		| readonly {readonly port: number; readonly protocol: 'any' | 'TCP' | 'HTTP' | 'HTTPS'}[];
	/** Sources whose SYNs the host drops without an answer (a host firewall, a full backlog). */
	readonly drops: readonly string[];
	/** Sources never dropped, whatever `drops` says (the firewall's exceptions). */
	readonly accepts: readonly string[];
	/** Share of established connections the application resets. */
	readonly resets: number;
};

export type Change = {
	/** Timeline time. */
	readonly at: number;
	readonly apply: (state: ConfigState) => ConfigState;
	/** The CloudTrail record of the call that made the change (none for host changes). */
	readonly trail?: TrailCall;
};

/**
 * A repeating timeline: every change's `at` (and every `active`) is an offset into a cycle of
 * `every` ms starting at `origin`, and each cycle starts again from the world's own configuration.
 */
export type Cycle = {readonly origin: number; readonly every: number};

export type TrafficSpec = {
	readonly seed: number;
	readonly loadBalancerArn: string;
	/** The oldest traffic (Unix ms): there is none before it. */
	readonly historyStart: number;
	/** Records, metrics and events older than this (before the clock) are gone; none: kept. */
	readonly retentionMs?: number;
	readonly clients: readonly ClientPopulation[];
	readonly probes: readonly ProbeSource[];
	/** Shares of established connections reset by each side. */
	readonly resets: {readonly client: number; readonly elb: number; readonly target: number};
	/** Share of closed connections whose late packet the LB rejects after the close. */
	readonly lateRejects: number;
	/** When a window's flow records arrive, after the window closes (ms). */
	readonly flowLogDelay: Span;
	/** When a CloudTrail event shows in LookupEvents, after the call (ms). */
	readonly trailDelay: Span;
	/** Host behaviour by target id (instance id or IP); others get `defaultHost`. */
	readonly hosts: ReadonlyMap<string, HostBehaviour>;
	readonly defaultHost: HostBehaviour;
	readonly changes: readonly Change[];
	readonly cycle?: Cycle;
	/**
	 * With client IP preservation on, the source the LB interface's own record of the backend leg
	 * shows is UNVERIFIED: the client (what pairing assumes, the default) or the LB's address.
	 */
	readonly preservedBackendSource: 'client' | 'load-balancer';
	/** Write `unknown` as the account of the LB's interfaces (aws-facts.md §1 says AWS may). */
	readonly unknownServiceAccount: boolean;
};

export const everyPort: HostBehaviour = {listens: 'all', drops: [], accepts: [], resets: 0};
