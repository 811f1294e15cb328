// Flow records into the connection rows of the flows pane: frontend, backend and target view of one
// load-balanced connection side by side, how sure the join is, and every leg nobody claimed.

import {healthCheckTest} from '../topology/health-checks.js';
import type {Connection, FlowRecord, PairingKind} from '../types/flows.js';
import type {Topology} from '../types/topology.js';
import {joinBackendUnits} from './backend-units.js';
import {connectionOf, idOf, sortConnections} from './connection-rows.js';
import {type FlowTable, flowTableOf} from './flow-table.js';
import {type Lone, matchFrontends} from './frontend-matching.js';
import {addLegDrafts, defaultAggregationSeconds, type LegDraft, type LegOptions} from './legs.js';
import {indexTopology} from './topology-index.js';

export {compareConnections, isRejected} from './connection-rows.js';

export type PairingOptions = LegOptions;

/** The rows, and the `unpaired` ones whose partner may still be on its way (see arrivals.ts). */
export type PairedRows = {
	readonly connections: readonly Connection[];
	readonly mayStillPair: ReadonlySet<Connection>;
};

export function pairConnections(
	records: readonly FlowRecord[],
	topology: Topology,
	options: PairingOptions = {},
): Connection[] {
	return pairedRows(flowTableOf(records), topology, options).connections;
}

export function pairRows(
	records: readonly FlowRecord[],
	topology: Topology,
	options: PairingOptions = {},
): PairedRows {
	return pairTableRows(flowTableOf(records), topology, options);
}

/** The rows of records parsed straight into a table (parseFlowTable): the same as of the records. */
export function pairTable(
	table: FlowTable,
	topology: Topology,
	options: PairingOptions = {},
): Connection[] {
	return pairedRows(table, topology, options).connections;
}

export function pairTableRows(
	table: FlowTable,
	topology: Topology,
	options: PairingOptions = {},
): PairedRows {
	return pairedRows(table, topology, options);
}

/** The rows in a new array of their own, which the callers above hand on without a copy. */
function pairedRows(
	table: FlowTable,
	topology: Topology,
	options: PairingOptions,
): {readonly connections: Connection[]; readonly mayStillPair: ReadonlySet<Connection>} {
	const index = indexTopology(topology);
	// Records can start up to a minute after their packets; windows this close count as overlapping.
	const slackSeconds = options.aggregationSeconds ?? defaultAggregationSeconds;
	const frontends: LegDraft[] = [];
	const backends: LegDraft[] = [];
	const views: LegDraft[] = [];
	addLegDrafts(table, index, options, {frontend: frontends, backend: backends, target: views});

	const units = joinBackendUnits(backends, views, index, slackSeconds);
	const {matches, loneFrontends, loneUnits} = matchFrontends(frontends, units, index, slackSeconds);

	const connections: Connection[] = [];
	const mayStillPair = new Set<Connection>();
	for (const {frontend, unit, kind} of matches) {
		connections.push(connectionOf(idOf(frontend.key), kind, frontend.item.leg, unit));
	}

	for (const lone of loneFrontends) {
		const row = connectionOf(
			idOf(lone.key),
			loneKind(lone),
			lone.item.leg,
			undefined,
			lone.candidates,
		);
		connections.push(row);
		if (row.kind === 'unpaired' && lone.partnerPossible) {
			mayStillPair.add(row);
		}
	}

	const isHealthCheck = healthCheckTest(topology);
	for (const lone of loneUnits) {
		const row = connectionOf(idOf(lone.key), loneKind(lone), undefined, lone.item, lone.candidates);
		if (row.kind === 'unpaired' && isHealthCheck(row)) {
			connections.push({...row, kind: 'health-check'});
		} else {
			connections.push(row);
			if (row.kind === 'unpaired') {
				mayStillPair.add(row);
			}
		}
	}

	return {connections: sortConnections(connections), mayStillPair};
}

function loneKind(lone: Lone<unknown>): PairingKind {
	return lone.candidates > 0 ? 'ambiguous' : 'unpaired';
}
