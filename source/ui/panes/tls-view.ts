// Which rows the TLS pane lists, and in what order: one per TLS listener of the NLB. The filter
// matches the listener, its SNI names, protocols, ciphers and alerts; `s` cycles failures first,
// connections a minute, handshake p99, listener.
import type {Snapshot, TlsListenerStats, TopCounts} from '../../domain/snapshot.js';
import {filterRows, type RowFacts} from './filter/filter-match.js';
import {chosenOrder, type PaneView, type SortOrder, sortRows} from './pane-view.js';

const names = (counts: TopCounts) => counts.top.map((entry) => entry.name);

export function tlsFacts(row: TlsListenerStats): RowFacts {
	return {
		text: [
			row.listener,
			...names(row.sniNames),
			...names(row.protocols),
			...names(row.ciphers),
			...names(row.alerts),
		],
	};
}

export const tlsOrders: ReadonlyArray<SortOrder<TlsListenerStats>> = [
	{
		label: 'failures first',
		compare: (left, right) =>
			right.failedHandshakes - left.failedHandshakes || right.connections - left.connections,
	},
	{label: 'conn/min', compare: (left, right) => right.perMinute - left.perMinute},
	{
		label: 'handshake p99',
		compare: (left, right) => (right.handshake.p99 ?? -1) - (left.handshake.p99 ?? -1),
	},
	{label: 'listener', compare: (left, right) => left.listener.localeCompare(right.listener)},
];

export function tlsInView(snapshot: Pick<Snapshot, 'tls'>, view: PaneView): TlsListenerStats[] {
	const kept = filterRows(snapshot.tls?.listeners ?? [], view.filter, tlsFacts);
	return sortRows(kept, chosenOrder(tlsOrders, view.sortStep));
}
