// Which connection rows the pane lists, and in what order: the filter matches every address,
// port, action, interface and AZ of the three legs; `s` cycles REJECT first/newest (the
// engine's own order), bytes, packets, client.

import {compareConnections} from '../../domain/flows/pairing.js';
import {pairingLabel} from '../../domain/flows/pairing-labels.js';
import type {Connection, FlowLeg, FlowsView, Topology} from '../../domain/snapshot.js';
import {allTargets, findTarget} from '../../domain/topology/topology-lookup.js';
import {filterRows, type RowFacts} from './filter/filter-match.js';
import {compareAddressText} from './filter/ip-address.js';
import {formatProtocol} from './format-cells.js';
import {chosenOrder, type PaneView, type SortOrder, sortRows} from './pane-view.js';

export function connectionLegs(connection: Connection): FlowLeg[] {
	return [connection.frontend, connection.backend, connection.targetView].filter(
		(leg): leg is FlowLeg => leg !== undefined,
	);
}

/** The target the connection was sent to, when discovery knows it. */
export function connectionTarget(connection: Connection, topology: Topology | undefined) {
	if (connection.targetAddr === undefined && connection.targetView === undefined) {
		return undefined;
	}

	return findTarget(topology, {
		addr: connection.targetAddr,
		port: connection.targetPort,
		interfaceId: connection.targetView?.interfaceId,
	});
}

/** Target ids by the address and interface the LB sends to, built once per listing. */
export type TargetIds = (connection: Connection) => string | undefined;

export function targetIds(topology: Topology | undefined): TargetIds {
	const byAddress = new Map<string, string>();
	const byInterface = new Map<string, string>();
	for (const {target} of allTargets(topology)) {
		if (target.ip !== undefined && !byAddress.has(target.ip)) {
			byAddress.set(target.ip, target.id);
		}

		if (target.interfaceId !== undefined && !byInterface.has(target.interfaceId)) {
			byInterface.set(target.interfaceId, target.id);
		}
	}

	return (connection) =>
		(connection.targetAddr === undefined ? undefined : byAddress.get(connection.targetAddr)) ??
		(connection.targetView === undefined
			? undefined
			: byInterface.get(connection.targetView.interfaceId));
}

export function connectionFacts(connection: Connection, targetOf: TargetIds): RowFacts {
	const legs = connectionLegs(connection);
	const addresses = [
		connection.clientAddr,
		...(connection.targetAddr === undefined ? [] : [connection.targetAddr]),
		...legs.flatMap((leg) => [leg.srcAddr, leg.dstAddr]),
	];
	const ports = [
		connection.clientPort,
		...(connection.listenerPort === undefined ? [] : [connection.listenerPort]),
		...(connection.targetPort === undefined ? [] : [connection.targetPort]),
		...legs.flatMap((leg) => [leg.srcPort, leg.dstPort]),
	];
	const actions = legs.flatMap((leg) => [
		leg.action,
		...(leg.forward === undefined ? [] : [leg.forward.action]),
		...(leg.reverse === undefined ? [] : [leg.reverse.action]),
	]);
	const zones = legs.flatMap((leg) =>
		leg.availabilityZone === undefined ? [] : [leg.availabilityZone],
	);
	const interfaces = legs.map((leg) => leg.interfaceId);
	const target = targetOf(connection);
	const targets = target === undefined ? [] : [target];
	return {
		addresses,
		ports,
		actions,
		zones,
		interfaces,
		targets,
		text: [
			...addresses,
			...interfaces,
			...zones,
			...targets,
			// The kind as JSON spells it and as the pairing column shows it (`health chk`).
			connection.kind,
			pairingLabel(connection),
			formatProtocol(connection.protocol),
		],
	};
}

const byVolume =
	(measure: 'bytes' | 'packets') =>
	(left: Connection, right: Connection): number =>
		right[measure] - left[measure] || compareConnections(left, right);

export const connectionOrders: ReadonlyArray<SortOrder<Connection>> = [
	// The engine delivers the rows REJECT first, then newest (compareConnections).
	{label: 'REJECT first, newest'},
	{label: 'bytes', compare: byVolume('bytes')},
	{label: 'packets', compare: byVolume('packets')},
	{
		label: 'client',
		compare: (left, right) =>
			compareAddressText(left.clientAddr, right.clientAddr) ||
			left.clientPort - right.clientPort ||
			compareConnections(left, right),
	},
];

export type ConnectionsSource = {
	readonly flows?: FlowsView | undefined;
	readonly topology?: Topology | undefined;
};

type InView = {
	readonly connections: readonly Connection[];
	readonly topology: Topology | undefined;
	readonly filter: string | undefined;
	readonly sortStep: number;
	readonly rows: readonly Connection[];
};

// The screen asks for the same rows many times a second (each frame, each key, the selection) and
// they change only with the snapshot's connections: the last answer is kept, and only it.
let lastInView: InView | undefined;

/** The rows as filtered and sorted; the same array while the connections and the view are. */
export function connectionsInView(
	snapshot: ConnectionsSource,
	view: PaneView,
): readonly Connection[] {
	const connections = snapshot.flows?.connections ?? [];
	const {topology} = snapshot;
	const filter = view.filter?.text;
	const last = lastInView;
	if (
		last !== undefined &&
		last.connections === connections &&
		last.topology === topology &&
		last.filter === filter &&
		last.sortStep === view.sortStep
	) {
		return last.rows;
	}
	const targetOf = targetIds(topology);
	const kept = filterRows(connections, view.filter, (connection) =>
		connectionFacts(connection, targetOf),
	);
	const rows = sortRows(kept, chosenOrder(connectionOrders, view.sortStep));
	lastInView = {connections, topology, filter, sortStep: view.sortStep, rows};
	return rows;
}
