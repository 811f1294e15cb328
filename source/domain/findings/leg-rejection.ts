// How strong a rejected leg is as evidence. A REJECT record is logged both for traffic a security
// group or network ACL blocked and for packets that arrive after their connection closed (aws-facts
// §1), so a rejected leg counts only when the rejected direction never got through. With the
// flow log's tcp-flags (OR-ed over the interval: FIN 1, SYN 2, RST 4, SYN-ACK 18) a rejected lone
// SYN is a connection attempt, and a rejected SYN-ACK an answer to one: late packets of closed
// connections carry FIN, RST or ACK. Without tcp-flags only the count can tell.
import type {DirectionStats, FlowLeg} from '../types/flows.js';

const fin = 1;
const syn = 2;
const rst = 4;
/** The ACK bit, which AWS records only with SYN (SYN-ACK = 18). */
const ack = 16;

/** `request`: the initiator's packets were rejected; `reply`: the answers to them were. */
export type RejectedDirection = 'request' | 'reply';

/** `certain`: tcp-flags show a connection attempt (or its answer); `count`: no flags to tell. */
export type Strength = 'certain' | 'count';

export type LegRejection = {
	readonly direction: RejectedDirection;
	readonly strength: Strength;
};

/** Every record of the direction was rejected (older snapshots did not count: assume so). */
function neverThrough(stats: DirectionStats): boolean {
	return stats.rejectedRecords === undefined || stats.rejectedRecords >= stats.records;
}

function gotThrough(stats: DirectionStats | undefined): boolean {
	if (stats === undefined) {
		return false;
	}

	return stats.action === 'ACCEPT' || (stats.rejectedRecords ?? 0) < stats.records;
}

function attemptStrength(flags: number | undefined): Strength | undefined {
	if (flags === undefined) {
		return 'count';
	}

	return (flags & syn) !== 0 && (flags & (fin | rst | ack)) === 0 ? 'certain' : undefined;
}

function answerStrength(flags: number | undefined): Strength | undefined {
	if (flags === undefined) {
		return 'count';
	}

	return (flags & (syn | ack)) === syn + ack && (flags & (fin | rst)) === 0 ? 'certain' : undefined;
}

/** What a leg's REJECT says, or undefined when it is only a late packet (or no REJECT at all). */
export function legRejection(leg: FlowLeg): LegRejection | undefined {
	const {forward, reverse} = leg;
	if (forward === undefined && reverse === undefined) {
		return leg.action === 'REJECT' ? {direction: 'request', strength: 'count'} : undefined;
	}

	if (forward?.action === 'REJECT') {
		if (!neverThrough(forward) || gotThrough(reverse)) {
			return undefined;
		}

		// Only TCP has flags; other protocols have no late-packet signature to rule out.
		const strength = leg.protocol === 6 ? attemptStrength(forward.tcpFlags) : 'count';
		return strength === undefined ? undefined : {direction: 'request', strength};
	}

	if (reverse?.action === 'REJECT' && forward !== undefined && neverThrough(reverse)) {
		const strength = leg.protocol === 6 ? answerStrength(reverse.tcpFlags) : 'count';
		return strength === undefined ? undefined : {direction: 'reply', strength};
	}

	return undefined;
}
