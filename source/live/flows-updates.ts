// How the flows source writes its slice: the view, the session's Insights cost, or why there is
// nothing to read.
import {totalUsd} from '../domain/data-lake-cost.js';
import type {FeedPlan} from '../domain/flows-window/index.js';
import type {FlowsView, QueryCost, Snapshot} from '../domain/snapshot.js';
import type {Topology} from '../domain/types/topology.js';
import {succeededState, withSource, writtenAt} from './snapshot-updates.js';

/** Adds started queries and scanned bytes to what this session has cost so far. */
export function withCost(snapshot: Snapshot, queries: number, bytes: number): Snapshot {
	if (queries === 0 && bytes === 0) {
		return snapshot;
	}

	const bytesScanned = snapshot.cost.bytesScanned + bytes;
	const counted: QueryCost = {
		...snapshot.cost,
		queries: snapshot.cost.queries + queries,
		bytesScanned,
	};
	return {...snapshot, cost: {...counted, usd: totalUsd(counted)}};
}

export function withFlowsView(
	snapshot: Snapshot,
	view: FlowsView,
	feeds: FeedPlan,
	now: number,
): Snapshot {
	const note = feeds.problems.join('; ');
	return withSource({...snapshot, flows: view, generatedAt: writtenAt(snapshot, now)}, 'flows', {
		...succeededState(snapshot.sources.flows, now, view.dataThrough),
		...(note === '' ? {} : {note}),
	});
}

/** No readable flow log covers the path: say which gap it is, and hold no flows. */
export function withFlowsUnavailable(
	snapshot: Snapshot,
	topology: Topology,
	feeds: FeedPlan,
): Snapshot {
	const gap = topology.gaps.find(
		(candidate) =>
			candidate.kind === 'no-flow-logs' ||
			candidate.kind === 's3-only' ||
			candidate.kind === 'interfaces-not-found',
	);
	const note =
		gap?.message ??
		feeds.problems[0] ??
		'no flow log of this load balancer’s interfaces delivers to CloudWatch Logs, so there are no flows to show';
	const {flows: _dropped, ...rest} = snapshot;
	return withSource(rest, 'flows', {status: 'unavailable', note});
}
