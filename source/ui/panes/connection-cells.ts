// Cells of one connection row. The per-leg actions are the point of the table: `ACC ACC REJ`
// reads "the LB accepted both legs, the target's interface rejected".
import {pairingLabel} from '../../domain/flows/pairing-labels.js';
import type {Connection, FlowLeg, PairingKind} from '../../domain/snapshot.js';
import {formatAddressPort} from './format-cells.js';
import {type Line, line, type Segment, seg, type Tone} from './line.js';

export type LegStyle = 'long' | 'short';

const legOrder = ['frontend', 'backend', 'targetView'] as const;

export const legHeader: Readonly<Record<LegStyle, string>> = {long: 'FE  BE  TGT', short: 'F B T'};

function legAction(leg: FlowLeg | undefined, style: LegStyle): Segment {
	if (leg === undefined) {
		return seg(style === 'long' ? '---' : '-', 'dim');
	}

	const rejected = leg.action === 'REJECT';
	const text = style === 'long' ? (rejected ? 'REJ' : 'ACC') : rejected ? 'R' : 'A';
	return seg(text, rejected ? 'red' : 'green');
}

export function legActions(connection: Connection, style: LegStyle): Line {
	const cells: Segment[] = [];
	for (const role of legOrder) {
		if (cells.length > 0) {
			cells.push(seg(' '));
		}

		cells.push(legAction(connection[role], style));
	}

	return cells;
}

export function clientCell(connection: Connection): Line {
	return line(formatAddressPort(connection.clientAddr, connection.clientPort));
}

export function listenerCell(connection: Connection): Line {
	return line(`-> :${connection.listenerPort ?? '?'}`);
}

export function targetCell(connection: Connection, arrow: boolean): Line {
	const target =
		connection.targetAddr === undefined
			? '?'
			: formatAddressPort(connection.targetAddr, connection.targetPort);
	return line(arrow ? `=> ${target}` : target);
}

const kindTone: Readonly<Record<PairingKind, Tone | undefined>> = {
	exact: undefined,
	likely: 'yellow',
	ambiguous: 'yellow',
	unpaired: 'bold',
	arriving: 'dim',
	'health-check': 'dim',
};

/** The row's kind as pairing (and the snapshot's time, for `arriving`) decided it. */
export function kindCell(connection: Connection): Line {
	const tone = Object.hasOwn(kindTone, connection.kind) ? kindTone[connection.kind] : undefined;
	return [seg(pairingLabel(connection), tone)];
}

/** Connection `end` is Unix seconds, like the legs' times. */
export function connectionAgeMs(connection: Connection, now: number): number {
	return now - connection.end * 1000;
}
