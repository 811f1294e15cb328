// The legs a connection leaves for each way it can end: where the SYNs stop, which interface
// logs them as rejected, what comes back. Addresses follow aws-facts.md §3: the frontend leg is
// client -> LB private IP : listener; the backend leg, on the LB's interface and again on the
// target's, carries the client's address with client IP preservation on and the LB's otherwise.
import {
	type DirectionCounts,
	type FlowAction,
	handshake,
	type LegSpec,
	resetPacket,
	tcpFlags,
} from './connection.js';
import type {Endpoint} from './paths.js';

export type Hop = {
	readonly srcAddr: string;
	readonly srcPort: number;
	readonly dstAddr: string;
	readonly dstPort: number;
	readonly pktSrcAddr: string | undefined;
};

export type BackendLegs = {
	/** The LB's interface: the backend leg as the LB sends it (its record's source, see spec). */
	readonly lbInterfaceId: string;
	readonly lbHop: Hop;
	/** The target's interface, when the world has one for the target's address. */
	readonly targetInterfaceId: string | undefined;
	readonly targetHop: Hop;
};

/** The three SYNs an unanswered connect() sends over three seconds. */
export const synRetries = 3;

export function frontendLeg(
	interfaceId: string,
	client: Endpoint,
	node: {readonly ip: string},
	port: number,
	forward: DirectionCounts,
	reverse?: DirectionCounts,
): LegSpec {
	return {
		role: 'frontend',
		interfaceId,
		srcAddr: client.ip,
		srcPort: client.port,
		dstAddr: node.ip,
		dstPort: port,
		pktSrcAddr: undefined,
		forwardIngress: true,
		forward,
		reverse,
	};
}

function leg(
	role: 'backend' | 'target',
	interfaceId: string,
	hop: Hop,
	forward: DirectionCounts,
	reverse?: DirectionCounts,
): LegSpec {
	return {
		role,
		interfaceId,
		srcAddr: hop.srcAddr,
		srcPort: hop.srcPort,
		dstAddr: hop.dstAddr,
		dstPort: hop.dstPort,
		pktSrcAddr: hop.pktSrcAddr,
		forwardIngress: role === 'target',
		forward,
		reverse,
	};
}

/** Both backend legs with the same counts (the target leg only when the target has an interface). */
export function backendLegs(
	legs: BackendLegs,
	lb: {readonly forward: DirectionCounts; readonly reverse?: DirectionCounts},
	target?: {readonly forward: DirectionCounts; readonly reverse?: DirectionCounts},
): LegSpec[] {
	const result = [leg('backend', legs.lbInterfaceId, legs.lbHop, lb.forward, lb.reverse)];
	if (target !== undefined && legs.targetInterfaceId !== undefined) {
		result.push(
			leg('target', legs.targetInterfaceId, legs.targetHop, target.forward, target.reverse),
		);
	}
	return result;
}

/** The SYNs of a connect() (or the SYN-ACKs answering them) through its retransmissions. */
export const synRetransmissions = (action: FlowAction = 'ACCEPT') => handshake(synRetries, action);
export const synAckRetransmissions = (action: FlowAction = 'ACCEPT') =>
	handshake(synRetries, action, true);

/** The backend legs of a connection that never opens, by where it stops (paths.ts). */
export function failedBackend(
	legs: BackendLegs,
	fate:
		| 'lb-out'
		| 'target-in'
		| 'silent'
		| 'refused'
		| 'target-out'
		| 'lb-in'
		| 'unreachable-client',
): LegSpec[] {
	switch (fate) {
		case 'lb-out':
			return backendLegs(legs, {forward: synRetransmissions('REJECT')});
		case 'target-in':
			return backendLegs(
				legs,
				{forward: synRetransmissions()},
				{forward: synRetransmissions('REJECT')},
			);
		case 'silent':
			return backendLegs(legs, {forward: synRetransmissions()}, {forward: synRetransmissions()});
		case 'refused': {
			const once = handshake(1, 'ACCEPT');
			return backendLegs(
				legs,
				{forward: once, reverse: resetPacket('ACCEPT')},
				{forward: once, reverse: resetPacket('ACCEPT')},
			);
		}
		case 'target-out':
			return backendLegs(
				legs,
				{forward: synRetransmissions()},
				{forward: synRetransmissions(), reverse: synAckRetransmissions('REJECT')},
			);
		case 'lb-in':
			return backendLegs(
				legs,
				{forward: synRetransmissions(), reverse: synAckRetransmissions('REJECT')},
				{forward: synRetransmissions(), reverse: synAckRetransmissions()},
			);
		case 'unreachable-client':
			return backendLegs(
				legs,
				{forward: synRetransmissions(), reverse: synAckRetransmissions()},
				{forward: synRetransmissions(), reverse: synAckRetransmissions()},
			);
	}
}

/** An established connection's direction: SYN (or SYN-ACK) first, FIN or RST last. */
export function established(
	packets: number,
	bytes: number,
	answer: boolean,
	reset: boolean,
): DirectionCounts {
	return {
		packets,
		bytes,
		action: 'ACCEPT',
		open: answer ? tcpFlags.synAck : tcpFlags.syn,
		close: reset ? tcpFlags.rst : tcpFlags.fin,
	};
}
