// How many rows a pane holds, so g/G and PgDn stop on a real row. A pane that knows better
// (grouping, filtering) says so through its registry entry's rowCount.
import type {Snapshot} from '../../domain/snapshot.js';
import type {PaneRegistry} from '../app-types.js';
import type {PaneId} from '../pane-types.js';

function snapshotRows(pane: PaneId, snapshot: Snapshot): number {
	switch (pane) {
		case 'findings':
			return snapshot.findings.length;
		case 'metrics':
			return snapshot.metrics?.series.length ?? 0;
		case 'connections':
			return snapshot.flows?.connections.length ?? 0;
		case 'accepted':
			return snapshot.flows?.aggregates.acceptedSources.length ?? 0;
		case 'rejected':
			return snapshot.flows?.aggregates.rejectedSources.length ?? 0;
		case 'changes':
			return snapshot.changes?.events.length ?? 0;
	}
}

export function paneRowCount(
	panes: PaneRegistry,
	pane: PaneId,
	snapshot: Snapshot,
	filter: string,
): number {
	const counted = panes[pane].rowCount?.(snapshot, filter) ?? snapshotRows(pane, snapshot);
	return Number.isFinite(counted) ? Math.max(0, Math.floor(counted)) : 0;
}
