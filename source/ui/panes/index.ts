// The panes the shell lays out: each draws one part of the Snapshot into width x height cells,
// and lists the ids of the rows it shows under a filter and sort, so the shell's cursor stays on
// real rows and on the item the user chose.
import type {PaneEntry, PaneRegistry} from '../app-types.js';
import type {PaneId} from '../pane-types.js';
import {ChangesPane} from './changes-pane.js';
import {ConnectionsPane} from './connections-pane.js';
import {FindingsPane} from './findings-pane.js';
import {MetricsPane} from './metrics-pane.js';
import {RequestsPane} from './requests-pane.js';
import {innerRequestIds} from './requests-view.js';
import {paneRowIds} from './selected-item.js';
import {TlsPane} from './tls-pane.js';
import {AcceptedPane, RejectedPane} from './traffic-pane.js';

export type {PaneEntry, PaneViewRequest} from '../app-types.js';
export {paneRowIds, type SelectedItem, selectedItem} from './selected-item.js';

function entry(pane: PaneId, title: string, component: PaneEntry['component']): PaneEntry {
	return {
		title,
		component,
		rowIds: (snapshot, view) => paneRowIds(pane, snapshot, view),
	};
}

export const panes: PaneRegistry = {
	findings: entry('findings', 'Findings', FindingsPane),
	metrics: entry('metrics', 'Metrics', MetricsPane),
	connections: entry('connections', 'Connections', ConnectionsPane),
	accepted: entry('accepted', 'Accepted', AcceptedPane),
	rejected: entry('rejected', 'Rejected', RejectedPane),
	changes: entry('changes', 'Changes', ChangesPane),
	requests: {...entry('requests', 'Requests', RequestsPane), innerRowIds: innerRequestIds},
	tls: entry('tls', 'TLS', TlsPane),
};
