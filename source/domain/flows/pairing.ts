// Flow records into the connection rows of the flows pane: frontend, backend and target view of one
// load-balanced connection side by side, how sure the join is, and every leg nobody claimed.
import type {Connection, FlowRecord} from '../types/flows.js';
import type {Topology} from '../types/topology.js';
import {joinBackendUnits} from './backend-units.js';
import {connectionOf, idOf, sortConnections} from './connection-rows.js';
import {matchFrontends} from './frontend-matching.js';
import {buildLegDrafts, defaultAggregationSeconds, type LegDraft, type LegOptions} from './legs.js';
import {indexTopology} from './topology-index.js';

export {compareConnections, isRejected} from './connection-rows.js';

export type PairingOptions = LegOptions;

export function pairConnections(
	records: readonly FlowRecord[],
	topology: Topology,
	options: PairingOptions = {},
): Connection[] {
	const index = indexTopology(topology);
	// Records can start up to a minute after their packets; windows this close count as overlapping.
	const slackSeconds = options.aggregationSeconds ?? defaultAggregationSeconds;
	const frontends: LegDraft[] = [];
	const backends: LegDraft[] = [];
	const views: LegDraft[] = [];
	for (const draft of buildLegDrafts(records, index, options)) {
		const {role} = draft.leg;
		(role === 'frontend' ? frontends : role === 'backend' ? backends : views).push(draft);
	}

	const units = joinBackendUnits(backends, views, index, slackSeconds);
	const {matches, loneFrontends, loneUnits} = matchFrontends(frontends, units, index, slackSeconds);

	const connections: Connection[] = [];
	for (const {frontend, unit, kind} of matches) {
		connections.push(connectionOf(idOf(frontend.key), kind, frontend.item.leg, unit));
	}

	for (const frontend of loneFrontends) {
		connections.push(connectionOf(idOf(frontend.key), 'unpaired', frontend.item.leg, undefined));
	}

	for (const unit of loneUnits) {
		connections.push(connectionOf(idOf(unit.key), 'unpaired', undefined, unit.item));
	}

	return sortConnections(connections);
}
