import {describe, expect, it} from 'vitest';
import type {PaneId} from '../../../source/ui/pane-types.js';
import {
	type PaneViewRequest,
	paneRowIds,
	panes,
	type SelectedItem,
	selectedItem,
} from '../../../source/ui/panes/index.js';
import {itemById, itemId} from '../../../source/ui/panes/selected-item.js';
import {snapshot} from './fixture.js';

const allPanes: readonly PaneId[] = [
	'findings',
	'metrics',
	'connections',
	'accepted',
	'rejected',
	'changes',
];

/** The item's kind and the id it names, without the row it carries. */
function summary(item: SelectedItem | undefined) {
	switch (item?.kind) {
		case undefined:
			return undefined;
		case 'finding':
			return {kind: item.kind, id: item.finding.id};
		case 'series':
			return {kind: item.kind, seriesId: item.seriesId};
		case 'connection':
			return {kind: item.kind, connectionId: item.connectionId};
		case 'source':
			return {kind: item.kind, addr: item.addr};
		case 'change':
			return {kind: item.kind, changeId: item.changeId};
	}
}

function selectableRowCount(pane: PaneId, view: PaneViewRequest = {}): number {
	return paneRowIds(pane, snapshot, view).length;
}

describe('paneRowIds', () => {
	it.each<[PaneId, number]>([
		['findings', 3],
		['metrics', 6],
		['connections', 4],
		['accepted', 2],
		['rejected', 3],
		['changes', 3],
	])('%s has %i rows', (pane, count) => {
		expect(selectableRowCount(pane)).toBe(count);
	});

	it.each<[PaneId, string, number]>([
		['connections', '203.0.113.0/24', 2],
		['connections', 'reject', 2],
		['connections', 'accept port:443', 2],
		['rejected', '203.0.113.0/24', 2],
		['rejected', 'port:22', 1],
		['accepted', 'reject', 0],
		['changes', 'sg-0target', 1],
		['metrics', 'resets', 1],
		['findings', 'scan', 3],
		['findings', '10.0.0.0/33', 3],
	])('%s under %j has %i rows', (pane, filter, count) => {
		expect(selectableRowCount(pane, {filter})).toBe(count);
	});

	it('is the registry entry the shell moves its cursor with', () => {
		for (const pane of allPanes) {
			expect(panes[pane].rowIds?.(snapshot, {filter: 'reject'})).toEqual(
				paneRowIds(pane, snapshot, {filter: 'reject'}),
			);
		}
	});

	it.each<[PaneId, PaneViewRequest]>([
		['findings', {}],
		['metrics', {sortStep: 1}],
		['connections', {sortStep: 3}],
		['connections', {filter: 'reject'}],
		['accepted', {}],
		['rejected', {sortStep: 3}],
		['changes', {sortStep: 1}],
	])('lists %s ids in the order the pane draws its rows under %j', (pane, view) => {
		const ids = paneRowIds(pane, snapshot, view);
		ids.forEach((id, row) => {
			const item = selectedItem(pane, snapshot, row, view);
			expect(item === undefined ? undefined : itemId(item)).toBe(id);
			expect(summary(itemById(pane, snapshot, id))).toEqual(summary(item));
		});
	});

	it('is empty before any data', () => {
		const {flows: _flows, metrics: _metrics, changes: _changes, ...empty} = snapshot;
		const bare = {...empty, findings: []};
		for (const pane of allPanes) {
			expect(paneRowIds(pane, bare)).toEqual([]);
		}
	});
});

describe('selectedItem', () => {
	it.each<[PaneId, number, unknown]>([
		['findings', 1, {kind: 'finding', id: 'f-health'}],
		['metrics', 2, {kind: 'series', seriesId: 'bytes'}],
		['connections', 0, {kind: 'connection', connectionId: 'c-203.0.113.7-51234'}],
		['rejected', 2, {kind: 'source', addr: '45.33.32.156'}],
		['accepted', 9, {kind: 'source', addr: '203.0.113.7'}],
		['changes', 1, {kind: 'change', changeId: 'ev-revoke'}],
	])('%s row %i is %j, in the order the pane draws', (pane, selected, expected) => {
		expect(summary(selectedItem(pane, snapshot, selected))).toEqual(expected);
	});

	it.each<[PaneId, number, {filter?: string; sortStep?: number}, unknown]>([
		['connections', 0, {sortStep: 1}, {kind: 'connection', connectionId: 'c-likely-1'}],
		[
			'connections',
			0,
			{filter: '2001:db8::/32'},
			{kind: 'connection', connectionId: 'c-unpaired-1'},
		],
		['rejected', 0, {sortStep: 3}, {kind: 'source', addr: '45.33.32.156'}],
		['rejected', 0, {filter: 'port:8443', sortStep: 3}, {kind: 'source', addr: '203.0.113.7'}],
		['changes', 0, {sortStep: 1}, {kind: 'change', changeId: 'ev-old'}],
		['metrics', 0, {sortStep: 1}, {kind: 'series', seriesId: 'healthy'}],
		['findings', 0, {filter: 'unhealthy'}, {kind: 'finding', id: 'f-sg'}],
	])('%s row %i under %j is %j', (pane, selected, view, expected) => {
		expect(summary(selectedItem(pane, snapshot, selected, view))).toEqual(expected);
	});

	it('is undefined without rows', () => {
		expect(selectedItem('findings', {...snapshot, findings: []}, 0)).toBeUndefined();
		expect(selectedItem('connections', snapshot, 0, {filter: 'port:9999'})).toBeUndefined();
	});
});
