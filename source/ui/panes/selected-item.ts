// What the selected row of a pane is, in the order and under the filter the pane draws with, so
// Enter opens the row the user is looking at.
import type {
	ChangeEvent,
	Connection,
	Finding,
	MetricSeries,
	Snapshot,
	SourceAggregate,
} from '../../domain/snapshot.js';
import type {ShellPaneProperties} from '../app-types.js';
import type {PaneId} from '../pane-types.js';
import {changesInView} from './changes-view.js';
import {connectionsInView} from './connections-view.js';
import {findingsInView} from './findings-view.js';
import {seriesInView} from './metrics-view.js';
import {type PaneView, paneView} from './pane-view.js';
import {clampSelection} from './scroll.js';
import {sourcesInView, type TrafficAction} from './traffic-view.js';

export type SelectedItem =
	| {readonly kind: 'finding'; readonly finding: Finding}
	| {readonly kind: 'series'; readonly seriesId: string; readonly series: MetricSeries}
	| {
			readonly kind: 'connection';
			readonly connectionId: string;
			readonly connection: Connection;
	  }
	| {
			readonly kind: 'source';
			readonly addr: string;
			readonly action: TrafficAction;
			readonly source: SourceAggregate;
	  }
	| {readonly kind: 'change'; readonly changeId: string; readonly change: ChangeEvent};

function at<T>(items: readonly T[], selected: number): T | undefined {
	return items[clampSelection(selected, items.length)];
}

function sourceItem(
	snapshot: Snapshot,
	action: TrafficAction,
	selected: number,
	view: PaneView,
): SelectedItem | undefined {
	const source = at(sourcesInView(snapshot, action, view), selected);
	return source === undefined ? undefined : {kind: 'source', addr: source.addr, action, source};
}

export function selectedItemInView(
	pane: PaneId,
	snapshot: Snapshot,
	selected: number,
	view: PaneView,
): SelectedItem | undefined {
	switch (pane) {
		case 'findings': {
			const finding = at(findingsInView(snapshot, view), selected);
			return finding === undefined ? undefined : {kind: 'finding', finding};
		}

		case 'metrics': {
			const series = at(seriesInView(snapshot, view), selected);
			return series === undefined ? undefined : {kind: 'series', seriesId: series.id, series};
		}

		case 'connections': {
			const connection = at(connectionsInView(snapshot, view), selected);
			return connection === undefined
				? undefined
				: {kind: 'connection', connectionId: connection.id, connection};
		}

		case 'accepted':
		case 'rejected': {
			return sourceItem(snapshot, pane, selected, view);
		}

		case 'changes': {
			const change = at(changesInView(snapshot, view), selected);
			return change === undefined ? undefined : {kind: 'change', changeId: change.id, change};
		}
	}
}

/** The selected row under the filter and sort step the shell passes the pane. */
export function selectedItem(
	pane: PaneId,
	snapshot: Snapshot,
	selected: number,
	view: Pick<ShellPaneProperties, 'filter' | 'sortStep'> = {},
): SelectedItem | undefined {
	return selectedItemInView(pane, snapshot, selected, paneView(view));
}
