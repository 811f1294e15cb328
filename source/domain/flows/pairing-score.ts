// How alike two legs look in time and traffic, for joins that have no shared key to go on.
import type {LegDraft} from './legs.js';

export type Span = {readonly start: number; readonly end: number};

/** Windows overlap, allowing for records that start up to `slackSeconds` late (documented lag). */
export function overlaps(left: Span, right: Span, slackSeconds: number): boolean {
	return left.start <= right.end + slackSeconds && right.start <= left.end + slackSeconds;
}

/** 1 for identical windows, falling towards 0 as the starts and ends drift apart. */
export function timeScore(left: Span, right: Span, scaleSeconds: number): number {
	const drift = Math.abs(left.start - right.start) + Math.abs(left.end - right.end);
	return 1 / (1 + drift / Math.max(1, scaleSeconds));
}

/**
 * How far a frontend leg and its own backend leg can differ in one direction: a fixed allowance
 * plus a share of the larger side, for packets and for bytes (whose allowance also grows with the
 * packets, each of which may carry different headers on either side).
 */
export type ShapeTolerance = {
	readonly packets: number;
	readonly packetShare: number;
	readonly bytes: number;
	readonly bytesPerPacket: number;
	readonly byteShare: number;
};

// An NLB TCP/UDP listener forwards the client's packets as they came: the two legs differ by what
// the LB itself sends (a reset to each side on idle timeout) and, for IPv6 clients of a dualstack
// NLB reaching IPv4 targets, 20 header bytes a packet.
const passThrough: ShapeTolerance = {
	packets: 2,
	packetShare: 0.02,
	bytes: 120,
	bytesPerPacket: 20,
	byteShare: 0.02,
};
// A TLS listener ends the client's TLS at the LB: the client side also carries the handshake (the
// certificate chain: a few KB, rarely more than 16 KiB) and each record's overhead, and the LB
// segments and acknowledges each side on its own.
const tlsTermination: ShapeTolerance = {
	packets: 16,
	packetShare: 0.25,
	bytes: 16_384,
	bytesPerPacket: 64,
	byteShare: 0.1,
};
// An ALB ends the client's HTTP connection and writes each request again for the target, with its
// own headers (X-Forwarded-For, X-Amzn-Trace-Id…).
const httpProxy: ShapeTolerance = {
	packets: 8,
	packetShare: 0.25,
	bytes: 2048,
	bytesPerPacket: 64,
	byteShare: 0.1,
};
const httpsProxy: ShapeTolerance = {
	...tlsTermination,
	bytes: tlsTermination.bytes + httpProxy.bytes,
};

const tolerances: Readonly<Record<string, ShapeTolerance>> = {
	TCP: passThrough,
	UDP: passThrough,
	TCP_UDP: passThrough,
	TLS: tlsTermination,
	HTTP: httpProxy,
	HTTPS: httpsProxy,
};

/** By listener protocol; undefined for a protocol whose effect on the traffic lbtop does not know. */
export function shapeTolerance(protocol: string | undefined): ShapeTolerance | undefined {
	return protocol !== undefined && Object.hasOwn(tolerances, protocol)
		? tolerances[protocol]
		: undefined;
}

/**
 * Whether the backend leg could carry the frontend leg's traffic, each way. With no tolerance known
 * every shape fits: the shape then tells nothing, and only the other evidence decides. Nor does a
 * direction one of the legs has no packets for: its records may not have been read (a sample, the
 * window's edge). Fitting too easily only leaves more candidates, so fewer joins, never a wrong one.
 */
export function shapesFit(
	frontend: LegDraft,
	backend: LegDraft,
	tolerance: ShapeTolerance | undefined,
): boolean {
	if (tolerance === undefined) {
		return true;
	}

	return (
		directionFits(
			frontend.forwardPackets,
			frontend.forwardBytes,
			backend.forwardPackets,
			backend.forwardBytes,
			tolerance,
		) &&
		directionFits(
			frontend.reversePackets,
			frontend.reverseBytes,
			backend.reversePackets,
			backend.reverseBytes,
			tolerance,
		)
	);
}

function directionFits(
	leftPackets: number,
	leftBytes: number,
	rightPackets: number,
	rightBytes: number,
	tolerance: ShapeTolerance,
): boolean {
	if (leftPackets === 0 || rightPackets === 0) {
		return true;
	}

	const packets = Math.max(leftPackets, rightPackets);
	return (
		Math.abs(leftPackets - rightPackets) <= tolerance.packets + tolerance.packetShare * packets &&
		Math.abs(leftBytes - rightBytes) <=
			tolerance.bytes +
				tolerance.bytesPerPacket * packets +
				tolerance.byteShare * Math.max(leftBytes, rightBytes)
	);
}
