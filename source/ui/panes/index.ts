// The panes the shell lays out: each draws one part of the Snapshot into width x height cells.
import type {FunctionComponent} from 'react';
import type {Snapshot} from '../../domain/snapshot.js';
import type {PaneId, PaneProperties} from '../pane-types.js';
import {ChangesPane} from './changes-pane.js';
import {changesNewestFirst} from './changes-rows.js';
import {ConnectionsPane} from './connections-pane.js';
import {FindingsPane} from './findings-pane.js';
import {findingsInOrder} from './findings-rows.js';
import {MetricsPane} from './metrics-pane.js';
import {clampSelection} from './scroll.js';
import {AcceptedPane, RejectedPane} from './traffic-pane.js';

export type PaneEntry = {
	readonly title: string;
	readonly component: FunctionComponent<PaneProperties>;
};

export const panes: Readonly<Record<PaneId, PaneEntry>> = {
	findings: {title: 'Findings', component: FindingsPane},
	metrics: {title: 'Metrics', component: MetricsPane},
	connections: {title: 'Connections', component: ConnectionsPane},
	accepted: {title: 'Accepted', component: AcceptedPane},
	rejected: {title: 'Rejected', component: RejectedPane},
	changes: {title: 'Changes', component: ChangesPane},
};

/** How many rows `selected` can point at in a pane (the shell bounds its cursor with it). */
export function selectableRowCount(pane: PaneId, snapshot: Snapshot): number {
	switch (pane) {
		case 'findings': {
			return snapshot.findings.length;
		}

		case 'metrics': {
			return snapshot.metrics?.series.length ?? 0;
		}

		case 'connections': {
			return snapshot.flows?.connections.length ?? 0;
		}

		case 'accepted': {
			return snapshot.flows?.aggregates.acceptedSources.length ?? 0;
		}

		case 'rejected': {
			return snapshot.flows?.aggregates.rejectedSources.length ?? 0;
		}

		case 'changes': {
			return snapshot.changes?.events.length ?? 0;
		}
	}
}

/** What the selected row of a pane is, for the shell's drill-down (the panes' own order). */
export type SelectedItem =
	| {readonly kind: 'finding'; readonly finding: Snapshot['findings'][number]}
	| {readonly kind: 'series'; readonly seriesId: string}
	| {readonly kind: 'connection'; readonly connectionId: string}
	| {readonly kind: 'source'; readonly addr: string}
	| {readonly kind: 'change'; readonly changeId: string};

export function selectedItem(
	pane: PaneId,
	snapshot: Snapshot,
	selected: number,
): SelectedItem | undefined {
	const at = <T>(items: readonly T[]): T | undefined =>
		items[clampSelection(selected, items.length)];
	switch (pane) {
		case 'findings': {
			const finding = at(findingsInOrder(snapshot.findings));
			return finding === undefined ? undefined : {kind: 'finding', finding};
		}

		case 'metrics': {
			const series = at(snapshot.metrics?.series ?? []);
			return series === undefined ? undefined : {kind: 'series', seriesId: series.id};
		}

		case 'connections': {
			const connection = at(snapshot.flows?.connections ?? []);
			return connection === undefined
				? undefined
				: {kind: 'connection', connectionId: connection.id};
		}

		case 'accepted':
		case 'rejected': {
			const aggregates = snapshot.flows?.aggregates;
			const sources =
				pane === 'accepted' ? aggregates?.acceptedSources : aggregates?.rejectedSources;
			const source = at(sources ?? []);
			return source === undefined ? undefined : {kind: 'source', addr: source.addr};
		}

		case 'changes': {
			const change = at(changesNewestFirst(snapshot.changes?.events ?? []));
			return change === undefined ? undefined : {kind: 'change', changeId: change.id};
		}
	}
}
