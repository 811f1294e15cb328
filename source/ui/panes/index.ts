// The panes the shell lays out: each draws one part of the Snapshot into width x height cells,
// and counts the rows it lists under a filter so the shell's cursor stays on real rows.
import type {Snapshot} from '../../domain/snapshot.js';
import type {PaneRegistry} from '../app-types.js';
import type {PaneId} from '../pane-types.js';
import {ChangesPane} from './changes-pane.js';
import {changesRowCount} from './changes-view.js';
import {ConnectionsPane} from './connections-pane.js';
import {connectionsRowCount} from './connections-view.js';
import {FindingsPane} from './findings-pane.js';
import {findingsRowCount} from './findings-view.js';
import {MetricsPane} from './metrics-pane.js';
import {metricsRowCount} from './metrics-view.js';
import {AcceptedPane, RejectedPane} from './traffic-pane.js';
import {trafficRowCount} from './traffic-view.js';

export type {PaneEntry} from '../app-types.js';
export {type SelectedItem, selectedItem} from './selected-item.js';

export const panes: PaneRegistry = {
	findings: {title: 'Findings', component: FindingsPane, rowCount: findingsRowCount},
	metrics: {title: 'Metrics', component: MetricsPane, rowCount: metricsRowCount},
	connections: {title: 'Connections', component: ConnectionsPane, rowCount: connectionsRowCount},
	accepted: {title: 'Accepted', component: AcceptedPane, rowCount: trafficRowCount('accepted')},
	rejected: {title: 'Rejected', component: RejectedPane, rowCount: trafficRowCount('rejected')},
	changes: {title: 'Changes', component: ChangesPane, rowCount: changesRowCount},
};

/** How many rows `selected` can point at in a pane under `filter` (the shell bounds its cursor). */
export function selectableRowCount(pane: PaneId, snapshot: Snapshot, filter = ''): number {
	return panes[pane].rowCount?.(snapshot, filter) ?? 0;
}
