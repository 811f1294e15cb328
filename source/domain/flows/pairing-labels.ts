// The one word each kind of connection row is shown with, on the screen and in the text summary
// (`--once`, `y`); JSON carries the kind itself. Short enough for the pairing column at 80 columns.
import type {Connection, PairingKind} from '../types/flows.js';

export const pairingLabels: Readonly<Record<PairingKind, string>> = {
	exact: 'exact',
	likely: 'likely',
	ambiguous: 'ambiguous',
	unpaired: 'unpaired',
	arriving: 'arriving',
	'health-check': 'health chk',
};

/**
 * The label, read tolerantly: a snapshot read back from a file (replay) may come from a lbtop that
 * wrote other kinds.
 */
export function pairingLabel(connection: Connection): string {
	return Object.hasOwn(pairingLabels, connection.kind)
		? pairingLabels[connection.kind]
		: String(connection.kind);
}
