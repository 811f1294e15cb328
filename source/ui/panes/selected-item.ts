// What the selected row of a pane is, in the order and under the filter the pane draws with, so
// Enter opens the row the user is looking at.
import type {
	ChangeEvent,
	Connection,
	Finding,
	MetricSeries,
	Snapshot,
	SourceAggregate,
	TlsListenerStats,
} from '../../domain/snapshot.js';
import type {PaneViewRequest} from '../app-types.js';
import type {PaneId} from '../pane-types.js';
import {changesInView} from './changes-view.js';
import {connectionsInView} from './connections-view.js';
import {findingsInView} from './findings-view.js';
import {seriesInView} from './metrics-view.js';
import {type PaneView, paneView} from './pane-view.js';
import {type RequestsRow, requestsInView, requestsRowById} from './requests-view.js';
import {clampSelection} from './scroll.js';
import {tlsInView} from './tls-view.js';
import {sourcesInView, type TrafficAction, trafficSources} from './traffic-view.js';

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
	| {readonly kind: 'change'; readonly changeId: string; readonly change: ChangeEvent}
	| {readonly kind: 'requests-row'; readonly row: RequestsRow}
	| {readonly kind: 'tls-listener'; readonly listener: TlsListenerStats};

function requestsItem(row: RequestsRow | undefined): SelectedItem | undefined {
	return row === undefined ? undefined : {kind: 'requests-row', row};
}

function tlsItem(listener: TlsListenerStats | undefined): SelectedItem | undefined {
	return listener === undefined ? undefined : {kind: 'tls-listener', listener};
}

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
			const finding = at(findingsInView(snapshot), selected);
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

		case 'requests':
			return requestsItem(at(requestsInView(snapshot, view), selected));
		case 'tls':
			return tlsItem(at(tlsInView(snapshot, view), selected));
	}
}

/** The selected row under the filter and sort step the shell passes the pane. */
export function selectedItem(
	pane: PaneId,
	snapshot: Snapshot,
	selected: number,
	view: PaneViewRequest = {},
): SelectedItem | undefined {
	return selectedItemInView(pane, snapshot, selected, paneView(view));
}

/** The stable id of each row: what the selection holds on to while rows move. */
export function itemId(item: SelectedItem): string {
	switch (item.kind) {
		case 'finding':
			return item.finding.id;
		case 'series':
			return item.seriesId;
		case 'connection':
			return item.connectionId;
		case 'source':
			return item.addr;
		case 'change':
			return item.changeId;
		case 'requests-row':
			return item.row.id;
		case 'tls-listener':
			return item.listener.listener;
	}
}

function idsInView(pane: PaneId, snapshot: Snapshot, view: PaneView): string[] {
	switch (pane) {
		case 'findings':
			return findingsInView(snapshot).map((finding) => finding.id);
		case 'metrics':
			return seriesInView(snapshot, view).map((series) => series.id);
		case 'connections':
			return connectionsInView(snapshot, view).map((connection) => connection.id);
		case 'accepted':
		case 'rejected':
			return sourcesInView(snapshot, pane, view).map((source) => source.addr);
		case 'changes':
			return changesInView(snapshot, view).map((change) => change.id);
		case 'requests':
			return requestsInView(snapshot, view).map((row) => row.id);
		case 'tls':
			return tlsInView(snapshot, view).map((listener) => listener.listener);
	}
}

// The shell asks for a pane's ids on every key and the pane on every frame; a snapshot's ids
// under one view never change, so they are listed once (and dropped with the snapshot).
const idCache = new WeakMap<Snapshot, Map<string, readonly string[]>>();

/** The ids of the rows a pane lists under `view`, in the order it draws them. */
export function rowIdsInView(pane: PaneId, snapshot: Snapshot, view: PaneView): readonly string[] {
	const key = `${pane}\n${view.sortStep}\n${view.filter?.text ?? ''}`;
	let cached = idCache.get(snapshot);
	if (cached === undefined) {
		cached = new Map();
		idCache.set(snapshot, cached);
	}

	const found = cached.get(key);
	if (found !== undefined) {
		return found;
	}

	const ids = idsInView(pane, snapshot, view);
	cached.set(key, ids);
	return ids;
}

export function paneRowIds(
	pane: PaneId,
	snapshot: Snapshot,
	view: PaneViewRequest = {},
): readonly string[] {
	return rowIdsInView(pane, snapshot, paneView(view));
}

/** The item with `id` among all of the pane's rows, whatever the filter hides. */
export function itemById(pane: PaneId, snapshot: Snapshot, id: string): SelectedItem | undefined {
	switch (pane) {
		case 'findings': {
			const finding = snapshot.findings.find((entry) => entry.id === id);
			return finding === undefined ? undefined : {kind: 'finding', finding};
		}

		case 'metrics': {
			const series = snapshot.metrics?.series.find((entry) => entry.id === id);
			return series === undefined ? undefined : {kind: 'series', seriesId: series.id, series};
		}

		case 'connections': {
			const connection = snapshot.flows?.connections.find((entry) => entry.id === id);
			return connection === undefined
				? undefined
				: {kind: 'connection', connectionId: connection.id, connection};
		}

		case 'accepted':
		case 'rejected': {
			const source = trafficSources(snapshot, pane).find((entry) => entry.addr === id);
			return source === undefined
				? undefined
				: {kind: 'source', addr: source.addr, action: pane, source};
		}

		case 'changes': {
			const change = snapshot.changes?.events.find((entry) => entry.id === id);
			return change === undefined ? undefined : {kind: 'change', changeId: change.id, change};
		}

		case 'requests':
			return requestsItem(requestsRowById(snapshot, id));
		case 'tls':
			return tlsItem(snapshot.tls?.listeners.find((entry) => entry.listener === id));
	}
}
