// Which sources the accepted and rejected panes list, and in what order: the filter matches the
// source address (in a CIDR too), its ports and the pane's action; `s` cycles records (the engine's
// order), bytes, packets, address. The ports table beside it follows the port and action terms
// only: a port row sums every source, so an address cannot narrow it.
import type {
	FlowAction,
	FlowsView,
	PortAggregate,
	Snapshot,
	SourceAggregate,
} from '../../domain/snapshot.js';
import {filterRows, type RowFacts} from './filter/filter-match.js';
import type {ParsedFilter} from './filter/filter-terms.js';
import {compareAddressText} from './filter/ip-address.js';
import {chosenOrder, type PaneView, type SortOrder, sortRows, viewOfFilter} from './pane-view.js';
import {whereText} from './traffic-columns.js';

export type TrafficAction = 'accepted' | 'rejected';

const flowAction: Readonly<Record<TrafficAction, FlowAction>> = {
	accepted: 'ACCEPT',
	rejected: 'REJECT',
};

type Totals = {readonly flows: number; readonly packets: number; readonly bytes: number};

export function sourceFacts(source: SourceAggregate, action: TrafficAction): RowFacts {
	return {
		addresses: [source.addr],
		ports: source.ports,
		actions: [flowAction[action]],
		text: [source.addr, whereText(source.where)],
	};
}

export function portFacts(port: PortAggregate, action: TrafficAction): RowFacts {
	return {ports: [port.port], actions: [flowAction[action]], text: [whereText(port.where)]};
}

const busiest =
	(first: keyof Totals) =>
	(left: Totals, right: Totals): number =>
		right[first] - left[first] ||
		right.flows - left.flows ||
		right.bytes - left.bytes ||
		right.packets - left.packets;

export const sourceOrders: ReadonlyArray<SortOrder<SourceAggregate>> = [
	{label: 'records', compare: busiest('flows')},
	{label: 'bytes', compare: busiest('bytes')},
	{label: 'packets', compare: busiest('packets')},
	{label: 'address', compare: (left, right) => compareAddressText(left.addr, right.addr)},
];

export function trafficSources(
	snapshot: {readonly flows?: FlowsView | undefined},
	action: TrafficAction,
) {
	const aggregates = snapshot.flows?.aggregates;
	return (action === 'accepted' ? aggregates?.acceptedSources : aggregates?.rejectedSources) ?? [];
}

export function sourcesInView(
	snapshot: {readonly flows?: FlowsView | undefined},
	action: TrafficAction,
	view: PaneView,
): SourceAggregate[] {
	const kept = filterRows(trafficSources(snapshot, action), view.filter, (source) =>
		sourceFacts(source, action),
	);
	return sortRows(kept, chosenOrder(sourceOrders, view.sortStep));
}

function portTermsOnly(filter: ParsedFilter | undefined): ParsedFilter | undefined {
	if (filter === undefined) {
		return undefined;
	}

	return {
		...filter,
		terms: filter.terms.filter((term) => term.kind === 'port' || term.kind === 'action'),
	};
}

export function portsInView(
	ports: readonly PortAggregate[],
	action: TrafficAction,
	view: PaneView,
): PortAggregate[] {
	return filterRows(ports, portTermsOnly(view.filter), (port) => portFacts(port, action));
}

export function trafficRowCount(action: TrafficAction) {
	return (snapshot: Snapshot, filter: string): number =>
		sourcesInView(snapshot, action, viewOfFilter(filter)).length;
}
