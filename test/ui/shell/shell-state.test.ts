import {describe, expect, it} from 'vitest';
import {selectionIndex} from '../../../source/ui/panes/scroll.js';
import {keyEffect} from '../../../source/ui/shell/key-effects.js';
import {
	filteredPane,
	initialShellState,
	keyContext,
	nearestWindow,
	paneFilter,
	type ShellEvent,
	type ShellState,
	shellReducer,
} from '../../../source/ui/shell/shell-state.js';
import {fixtureNow, fixtureSnapshot} from '../../helpers/snapshot-fixture.js';

const snapshot = fixtureSnapshot();
const start = initialShellState(snapshot);

/** Row ids as a pane lists them: `row-0` … `row-<count - 1>`. */
function rowsOf(count: number): string[] {
	return Array.from({length: count}, (_, row) => `row-${row}`);
}

const forty = rowsOf(40);

function run(...events: ShellEvent[]): ShellState {
	return events.reduce(shellReducer, start);
}

describe('shellReducer', () => {
	it('starts on the findings line, metrics tab, UTC, the snapshot window', () => {
		expect(start).toMatchObject({
			focus: 'findings',
			activeContent: 'metrics',
			timeZone: 'utc',
			windowMinutes: 15,
			frozen: undefined,
		});
	});

	it('cycles focus through every pane and back, remembering the last content pane', () => {
		const order: string[] = [];
		let state = start;
		for (let step = 0; step < 6; step += 1) {
			state = shellReducer(state, {type: 'focus-next'});
			order.push(state.focus);
		}
		expect(order).toEqual([
			'metrics',
			'connections',
			'accepted',
			'rejected',
			'changes',
			'findings',
		]);
		expect(state.activeContent).toBe('changes');
		expect(shellReducer(start, {type: 'focus-previous'}).focus).toBe('changes');
	});

	it('clamps the selection to the rows the pane holds, even after it shrank', () => {
		const moved = run({type: 'focus-next'}, {type: 'jump', to: 'bottom', rows: forty});
		expect(moved.selection.metrics).toEqual({id: 'row-39', index: 39});
		const shrunk = rowsOf(10);
		expect(shellReducer(moved, {type: 'move', delta: -1, rows: shrunk}).selection.metrics).toEqual({
			id: 'row-8',
			index: 8,
		});
		expect(shellReducer(moved, {type: 'move', delta: 5, rows: []}).selection.metrics).toEqual({
			index: 0,
		});
		expect(shellReducer(moved, {type: 'move', delta: -100, rows: forty}).selection.metrics).toEqual(
			{id: 'row-0', index: 0},
		);
	});

	it('moves from where the chosen item is now, not from the row number it had', () => {
		const chosen = run({type: 'focus-next'}, {type: 'move', delta: 2, rows: ['a', 'b', 'c', 'd']});
		expect(chosen.selection.metrics).toEqual({id: 'c', index: 2});
		// Two rows arrived above it: c is now the fifth row, so one down is d, not c.
		const refreshed = ['x', 'y', 'a', 'b', 'c', 'd'];
		expect(selectionIndex(chosen.selection.metrics, refreshed)).toBe(4);
		expect(
			shellReducer(chosen, {type: 'move', delta: 1, rows: refreshed}).selection.metrics,
		).toEqual({id: 'd', index: 5});
		// c left: the cursor stays at the row number it had.
		expect(selectionIndex(chosen.selection.metrics, ['a', 'b', 'd', 'e'])).toBe(2);
		expect(selectionIndex(chosen.selection.metrics, ['a'])).toBe(0);
	});

	it('opens the detail on the item under the cursor and keeps that item chosen', () => {
		const opened = run(
			{type: 'focus-next'},
			{type: 'focus-next'},
			{type: 'open-detail', rows: forty},
		);
		expect(opened.detailOpen).toBe(true);
		expect(opened.selection.connections).toEqual({id: 'row-0', index: 0});
		expect(run({type: 'open-detail', rows: []}).selection.findings).toEqual({index: 0});
	});

	it('goes back one step at a time: detail, then zoom, then the filter', () => {
		let state = run(
			{type: 'open-filter'},
			{type: 'type-filter', text: '10.0.1.27'},
			{type: 'apply-filter'},
			{type: 'toggle-zoom'},
			{type: 'open-detail', rows: forty},
		);
		const filtered = {metrics: '10.0.1.27', connections: ''};
		expect(state).toMatchObject({filters: filtered, zoomed: true, detailOpen: true});
		state = shellReducer(state, {type: 'back'});
		expect(state).toMatchObject({filters: filtered, zoomed: true, detailOpen: false});
		state = shellReducer(state, {type: 'back'});
		expect(state).toMatchObject({filters: filtered, zoomed: false});
		state = shellReducer(state, {type: 'back'});
		expect(state.filters.metrics).toBe('');
	});

	it('edits the filter draft without touching the applied filter until Enter', () => {
		const typing = run(
			{type: 'open-filter'},
			{type: 'type-filter', text: 'abc'},
			{type: 'delete-filter-character'},
		);
		expect(typing).toMatchObject({editingFilter: true, filterDraft: 'ab'});
		expect(typing.filters.metrics).toBe('');
		expect(keyContext(typing)).toBe('filter');
		expect(shellReducer(typing, {type: 'cancel-filter'})).toMatchObject({
			editingFilter: false,
			filters: {metrics: ''},
		});
	});

	it('keeps a filter per pane: the one typed in, never the findings line', () => {
		const typed = (text: string): ShellEvent[] => [
			{type: 'open-filter'},
			{type: 'type-filter', text},
			{type: 'apply-filter'},
		];
		// From the findings line, `/` filters the pane shown below it.
		let state = run(...typed('reject'));
		expect(filteredPane(state)).toBe('metrics');
		expect(state.filters.metrics).toBe('reject');
		expect(paneFilter(state, 'findings')).toBe('');
		const toConnections: ShellEvent[] = [{type: 'focus-next'}, {type: 'focus-next'}];
		state = [...toConnections, ...typed('port:22')].reduce(shellReducer, state);
		expect(state.filters).toMatchObject({metrics: 'reject', connections: 'port:22', accepted: ''});
		expect(shellReducer(state, {type: 'open-filter'}).filterDraft).toBe('port:22');
		state = shellReducer(state, {type: 'back'});
		expect(state.filters).toMatchObject({metrics: 'reject', connections: ''});
	});

	it('reads keys in the help context while the overlay is open', () => {
		expect(keyContext(run({type: 'toggle-help'}))).toBe('help');
		expect(keyContext(run({type: 'toggle-help'}, {type: 'close-help'}))).toBe('normal');
	});

	it('counts sort presses per pane; the chosen item stays chosen wherever the order puts it', () => {
		const sorted = run(
			{type: 'focus-next'},
			{type: 'move', delta: 3, rows: forty},
			{type: 'cycle-sort'},
			{type: 'cycle-sort'},
		);
		expect(sorted.sortSteps).toMatchObject({metrics: 2, connections: 0});
		expect(sorted.selection.metrics).toEqual({id: 'row-3', index: 0});
		expect(selectionIndex(sorted.selection.metrics, [...forty].reverse())).toBe(36);
		// Nothing chosen yet: the new order starts at its first row.
		expect(run({type: 'focus-next'}, {type: 'cycle-sort'}).selection.metrics).toEqual({index: 0});
	});
});

describe('nearestWindow', () => {
	it.each([
		{minutes: 5, choice: 5},
		{minutes: 9, choice: 5},
		{minutes: 15, choice: 15},
		{minutes: 45, choice: 60},
		{minutes: 180, choice: 60},
	])('maps a $minutes minute window to $choice', ({minutes, choice}) => {
		const window = {start: fixtureNow - minutes * 60_000, end: fixtureNow};
		expect(nearestWindow(fixtureSnapshot({window}))).toBe(choice);
	});
});

describe('keyEffect', () => {
	const info = {rows: forty, pageSize: 16, scrollLimit: 0, live: snapshot};

	it('pauses on the live snapshot and resumes', () => {
		const pausing = keyEffect('toggle-pause', start, info);
		expect(pausing).toEqual({event: {type: 'pause', snapshot}, command: 'pause'});
		const paused = shellReducer(start, {type: 'pause', snapshot});
		expect(keyEffect('toggle-pause', paused, info)).toEqual({
			event: {type: 'resume'},
			command: 'resume',
		});
	});

	it('asks for the next window: 15m, 1h, 5m, 15m', () => {
		const asked: number[] = [];
		let state = start;
		for (let step = 0; step < 3; step += 1) {
			const effect = keyEffect('cycle-window', state, info);
			if (typeof effect.command === 'object' && effect.command.type === 'window') {
				asked.push(effect.command.minutes);
			}
			state = effect.event === undefined ? state : shellReducer(state, effect.event);
		}
		expect(asked).toEqual([60, 5, 15]);
	});

	it('drills down into the chosen item, or the clamped row when it is gone', () => {
		const state = run({type: 'focus-next'}, {type: 'jump', to: 'bottom', rows: forty});
		expect(keyEffect('drill-down', state, info).command).toEqual({
			type: 'drill-down',
			pane: 'metrics',
			id: 'row-39',
		});
		expect(keyEffect('drill-down', state, {...info, rows: rowsOf(3)}).command).toEqual({
			type: 'drill-down',
			pane: 'metrics',
			id: 'row-2',
		});
		expect(keyEffect('drill-down', state, {...info, rows: []})).toEqual({});
	});

	it('pages by the pane height', () => {
		expect(keyEffect('page-down', start, info).event).toEqual({
			type: 'move',
			delta: 16,
			rows: forty,
		});
		expect(keyEffect('page-up', start, {...info, pageSize: 0}).event).toEqual({
			type: 'move',
			delta: -1,
			rows: forty,
		});
	});

	it('scrolls an open detail (not the selection) and stops at its end', () => {
		const open = run({type: 'focus-next'}, {type: 'open-detail', rows: forty});
		expect(keyContext(open)).toBe('detail');
		const detail = {...info, pageSize: 10, scrollLimit: 25};
		const scrolled = (state: ShellState, action: Parameters<typeof keyEffect>[0]) => {
			const effect = keyEffect(action, state, detail);
			return effect.event === undefined ? state : shellReducer(state, effect.event);
		};
		let state = scrolled(open, 'scroll-down');
		expect(state.detailScroll).toBe(1);
		state = scrolled(state, 'scroll-page-down');
		expect(state.detailScroll).toBe(11);
		state = scrolled(scrolled(state, 'scroll-page-down'), 'scroll-page-down');
		expect(state.detailScroll).toBe(25);
		state = scrolled(state, 'scroll-up');
		expect(state.detailScroll).toBe(24);
		expect(scrolled(state, 'scroll-top').detailScroll).toBe(0);
		expect(scrolled(state, 'scroll-bottom').detailScroll).toBe(25);
		// The selection did not move, and closing the detail starts the next one at its top.
		expect(state.selection.metrics).toEqual({id: 'row-0', index: 0});
		expect(shellReducer(state, {type: 'back'}).detailScroll).toBe(0);
	});

	it('scrolls the help while it is open', () => {
		const help = run({type: 'toggle-help'});
		expect(keyContext(help)).toBe('help');
		const effect = keyEffect('scroll-page-down', help, {...info, pageSize: 8, scrollLimit: 30});
		const state = effect.event === undefined ? help : shellReducer(help, effect.event);
		expect(state).toMatchObject({helpScroll: 8, detailScroll: 0});
		expect(shellReducer(state, {type: 'close-help'}).helpScroll).toBe(0);
	});

	it('quits without touching the state', () => {
		expect(keyEffect('quit', start, info)).toEqual({quit: true});
	});
});
