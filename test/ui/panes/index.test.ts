import {describe, expect, it} from 'vitest';
import type {PaneId} from '../../../source/ui/pane-types.js';
import {selectableRowCount, selectedItem} from '../../../source/ui/panes/index.js';
import {snapshot} from './fixture.js';

describe('selectableRowCount', () => {
	it.each<[PaneId, number]>([
		['findings', 3],
		['metrics', 6],
		['connections', 4],
		['accepted', 2],
		['rejected', 3],
		['changes', 3],
	])('%s has %i rows', (pane, count) => {
		expect(selectableRowCount(pane, snapshot)).toBe(count);
	});

	it('is 0 before any data', () => {
		const {flows: _flows, metrics: _metrics, changes: _changes, ...empty} = snapshot;
		const bare = {...empty, findings: []};
		for (const pane of [
			'findings',
			'metrics',
			'connections',
			'accepted',
			'rejected',
			'changes',
		] as const) {
			expect(selectableRowCount(pane, bare)).toBe(0);
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
		const item = selectedItem(pane, snapshot, selected);
		const summary = item?.kind === 'finding' ? {kind: 'finding', id: item.finding.id} : item;
		expect(summary).toEqual(expected);
	});

	it('is undefined without rows', () => {
		expect(selectedItem('findings', {...snapshot, findings: []}, 0)).toBeUndefined();
	});
});
