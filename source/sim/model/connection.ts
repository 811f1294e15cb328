// What one connection through the load balancer leaves behind: its legs, each seen on one
// interface (aws-facts.md §1-3), each direction with its packets, bytes, action and TCP flags.

export const minuteMs = 60_000;
/** Connections never outlive two aggregation windows, so a window needs only the last three minutes. */
export const maxConnectionMs = 110_000;

export type FlowAction = 'ACCEPT' | 'REJECT';

/** tcp-flags bits (aws-facts.md §1): the records of a direction carry them OR-ed. */
export const tcpFlags = {fin: 1, syn: 2, rst: 4, synAck: 18} as const;

export type DirectionCounts = {
	readonly packets: number;
	readonly bytes: number;
	readonly action: FlowAction;
	/** Flags of the direction's first packets (SYN, SYN-ACK): in the record of its first window. */
	readonly open: number;
	/** Flags of its last packets (FIN, RST): in the record of its last window. */
	readonly close: number;
};

export type LegRole = 'frontend' | 'backend' | 'target';

export type LegSpec = {
	readonly role: LegRole;
	readonly interfaceId: string;
	readonly srcAddr: string;
	readonly srcPort: number;
	readonly dstAddr: string;
	readonly dstPort: number;
	/** The packet's own source when the record shows another one (pkt-srcaddr). */
	readonly pktSrcAddr: string | undefined;
	/** Whether the forward direction enters the interface (the reverse then leaves it). */
	readonly forwardIngress: boolean;
	readonly forward: DirectionCounts;
	/** Undefined when nothing came back (a rejected or unanswered SYN). */
	readonly reverse: DirectionCounts | undefined;
};

export type ConnectionKind = 'client' | 'health-check' | 'probe' | 'late';
export type ResetSource = 'client' | 'elb' | 'target';

export type Connection = {
	readonly kind: ConnectionKind;
	/** Unix ms. */
	readonly start: number;
	readonly end: number;
	/** The zone of the LB node it went through. */
	readonly zone: string;
	readonly targetGroupArn: string | undefined;
	readonly legs: readonly LegSpec[];
	/** Counted by the LB's CloudWatch metrics: client flows the LB accepted (not health checks, not what its security group or ACL rejected). */
	readonly counted: boolean;
	readonly reset: ResetSource | undefined;
};

/**
 * Every field set, in one order: generation makes hundreds of thousands of these a minute, and
 * objects of one shape keep the code that reads them fast.
 */
export function connection(
	kind: ConnectionKind,
	start: number,
	end: number,
	zone: string,
	targetGroupArn: string | undefined,
	counted: boolean,
	reset: ResetSource | undefined,
	legs: readonly LegSpec[],
): Connection {
	return {kind, start, end, zone, targetGroupArn, legs, counted, reset};
}

/** A SYN and its retransmissions (about 60 bytes each), or the SYN-ACKs answering them. */
export function handshake(packets: number, action: FlowAction, answer = false): DirectionCounts {
	const flags = answer ? tcpFlags.synAck : tcpFlags.syn;
	return {packets, bytes: 60 * packets, action, open: flags, close: flags};
}

/** A lone RST (an unserved port's answer, or a reset of a half-open connection). */
export function resetPacket(action: FlowAction): DirectionCounts {
	return {packets: 1, bytes: 40, action, open: tcpFlags.rst, close: tcpFlags.rst};
}
