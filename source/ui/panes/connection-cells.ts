// Cells of one connection row. The per-leg actions are the point of the table: `ACC ACC REJ`
// reads "the LB accepted both legs, the target's interface rejected".
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
	unpaired: 'bold',
};

// Flow records arrive minutes late and not together: a leg younger than one aggregation interval
// plus typical delivery (~5 min) may still be waiting for its partner. Calling it "unpaired" then
// would send the reader after a problem that is only latency.
export const partnerMayArriveMs = 6 * 60_000;

export function kindCell(connection: Connection, now: number, healthCheck = false): Line {
	const {kind} = connection;
	// No client behind it: neither "arriving" nor "unpaired" would be true.
	if (healthCheck) {
		return [seg('health chk', 'dim')];
	}
	if (kind === 'unpaired' && now - connection.end * 1000 < partnerMayArriveMs) {
		return [seg('arriving', 'dim')];
	}
	return [seg(kind, kindTone[kind])];
}

/** Connection `end` is Unix seconds, like the legs' times. */
export function connectionAgeMs(connection: Connection, now: number): number {
	return now - connection.end * 1000;
}
