// The panes the shell lays out: each draws one part of the Snapshot into width x height cells,
// and lists the ids of the rows it shows under a filter and sort, so the shell's cursor stays on
// real rows and on the item the user chose.
import type {PaneEntry, PaneReads, PaneRegistry} from '../app-types.js';
import type {PaneId} from '../pane-types.js';
import {ChangesPane, changesReads} from './changes-pane.js';
import {ConnectionsPane, connectionsReads} from './connections-pane.js';
import {FindingsPane, findingsReads} from './findings-pane.js';
import {MetricsPane, metricsReads} from './metrics-pane.js';
import {RequestsPane} from './requests-pane.js';
import {innerRequestIds} from './requests-view.js';
import {paneRowIds} from './selected-item.js';
import {TlsPane, tlsReads} from './tls-pane.js';
import {AcceptedPane, RejectedPane, trafficReads} from './traffic-pane.js';

export type {PaneEntry, PaneViewRequest} from '../app-types.js';
export {paneRowIds, type SelectedItem, selectedItem} from './selected-item.js';

function entry(
	pane: PaneId,
	title: string,
	component: PaneEntry['component'],
	reads?: PaneReads,
): PaneEntry {
	return {
		title,
		component,
		rowIds: (snapshot, view) => paneRowIds(pane, snapshot, view),
		...(reads === undefined ? {} : {reads}),
	};
}

export const panes: PaneRegistry = {
	findings: entry('findings', 'Findings', FindingsPane, findingsReads),
	metrics: entry('metrics', 'Metrics', MetricsPane, metricsReads),
	connections: entry('connections', 'Connections', ConnectionsPane, connectionsReads),
	accepted: entry('accepted', 'Accepted', AcceptedPane, trafficReads),
	rejected: entry('rejected', 'Rejected', RejectedPane, trafficReads),
	changes: entry('changes', 'Changes', ChangesPane, changesReads),
	requests: {...entry('requests', 'Requests', RequestsPane), innerRowIds: innerRequestIds},
	tls: entry('tls', 'TLS', TlsPane, tlsReads),
};
