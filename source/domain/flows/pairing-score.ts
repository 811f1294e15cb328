// How alike two legs look in time and traffic, for joins that have no shared key to go on.
import type {FlowLeg} from '../types/flows.js';

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

function ratio(left: number, right: number): number {
	if (left === right) {
		return 1;
	}

	return Math.min(left, right) / Math.max(left, right);
}

/**
 * 1 when both legs carried the same packets and bytes each way. The LB forwards the client's
 * payload, so a frontend leg and its backend leg move similar volumes; TLS termination and TCP
 * handshakes make them similar, not equal, hence a ratio rather than equality.
 */
export function shapeScore(left: FlowLeg, right: FlowLeg): number {
	const parts = [
		ratio(left.packets, right.packets),
		ratio(left.bytes, right.bytes),
		ratio(left.forward?.packets ?? 0, right.forward?.packets ?? 0),
		ratio(left.reverse?.packets ?? 0, right.reverse?.packets ?? 0),
	];
	return parts.reduce((sum, part) => sum + part, 0) / parts.length;
}
