// Flow records into the connection rows of the flows pane: frontend, backend and target view of one
// load-balanced connection side by side, how sure the join is, and every leg nobody claimed.
import type {Connection, FlowLeg, FlowRecord, PairingKind} from '../types/flows.js';
import type {Topology} from '../types/topology.js';
import {type BackendUnit, joinBackendUnits} from './backend-units.js';
import {connectionId} from './connection-id.js';
import {matchFrontends} from './frontend-matching.js';
import {buildLegDrafts, defaultAggregationSeconds, type LegOptions} from './legs.js';
import {indexTopology} from './topology-index.js';

export type PairingOptions = LegOptions;

export function pairConnections(
	records: readonly FlowRecord[],
	topology: Topology,
	options: PairingOptions = {},
): Connection[] {
	const index = indexTopology(topology);
	// Records can start up to a minute after their packets; windows this close count as overlapping.
	const slackSeconds = options.aggregationSeconds ?? defaultAggregationSeconds;
	const drafts = buildLegDrafts(records, index, options);
	const frontends = drafts.filter((draft) => draft.leg.role === 'frontend');
	const backends = drafts.filter((draft) => draft.leg.role === 'backend');
	const views = drafts.filter((draft) => draft.leg.role === 'target');
	const units = joinBackendUnits(backends, views, index, slackSeconds);
	const {matches, loneFrontends, loneUnits} = matchFrontends(frontends, units, index, slackSeconds);

	const connections = [
		...matches.map((match) => connectionOf(match.kind, match.frontend.leg, match.unit)),
		...loneFrontends.map((draft) => connectionOf('unpaired', draft.leg, undefined)),
		...loneUnits.map((unit) => connectionOf('unpaired', undefined, unit)),
	];
	return connections.sort(compareConnections);
}

function connectionOf(
	kind: PairingKind,
	frontend: FlowLeg | undefined,
	unit: BackendUnit | undefined,
): Connection {
	const backend = unit?.backend?.leg;
	const targetView = unit?.view?.leg;
	const legs = [frontend, backend, targetView].filter((leg) => leg !== undefined);
	// The client's own traffic is what the frontend carried; the backend repeats it, so legs are not
	// summed. Without a frontend, the LB's backend leg is the nearest view of it.
	const volume = frontend ?? backend ?? targetView;
	const anchor = legs[0];
	return {
		id: anchor === undefined ? 'c-empty' : connectionId(anchor),
		kind,
		clientAddr: frontend?.srcAddr ?? unit?.originAddr ?? '',
		clientPort: frontend?.srcPort ?? unit?.srcPort ?? 0,
		...(frontend === undefined ? {} : {listenerPort: frontend.dstPort}),
		...(unit === undefined ? {} : {targetAddr: unit.dstAddr, targetPort: unit.dstPort}),
		protocol: frontend?.protocol ?? unit?.protocol ?? 0,
		...(frontend === undefined ? {} : {frontend}),
		...(backend === undefined ? {} : {backend}),
		...(targetView === undefined ? {} : {targetView}),
		packets: volume?.packets ?? 0,
		bytes: volume?.bytes ?? 0,
		start: legs.reduce((earliest, leg) => Math.min(earliest, leg.start), Infinity),
		end: legs.reduce((latest, leg) => Math.max(latest, leg.end), 0),
	};
}

export function isRejected(connection: Connection): boolean {
	return [connection.frontend, connection.backend, connection.targetView].some(
		(leg) => leg?.action === 'REJECT',
	);
}

/** REJECT rows first (they are usually the incident), then the newest. */
export function compareConnections(left: Connection, right: Connection): number {
	const rejected = Number(isRejected(right)) - Number(isRejected(left));
	return (
		rejected || right.end - left.end || right.start - left.start || left.id.localeCompare(right.id)
	);
}
