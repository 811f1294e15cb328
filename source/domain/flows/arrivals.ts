// `arriving`: an unpaired leg so recent that its partner may still be on its way. Flow records reach
// CloudWatch Logs minutes after their interval closes, and each interface's arrive on their own
// schedule, so for that long a missing partner is only latency. It depends on when the rows are
// looked at, so it is worked out once per snapshot (flows-window/view.ts) and every output reads the
// same kind; a frontend the LB rejected, or sent to a port with no listener, never gets a partner
// and is never arriving.
import type {Connection} from '../types/flows.js';
import type {PairedRows} from './pairing.js';

export function withArrivals(
	paired: PairedRows,
	nowMs: number,
	delaySeconds: number,
): readonly Connection[] {
	if (paired.mayStillPair.size === 0) {
		return paired.connections;
	}

	const youngerThan = nowMs - delaySeconds * 1000;
	return paired.connections.map((connection) =>
		paired.mayStillPair.has(connection) && connection.end * 1000 > youngerThan
			? {...connection, kind: 'arriving'}
			: connection,
	);
}
