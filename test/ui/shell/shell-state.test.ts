import {describe, expect, it} from 'vitest';
import {keyEffect} from '../../../source/ui/shell/key-effects.js';
import {
	initialShellState,
	keyContext,
	nearestWindow,
	type ShellEvent,
	type ShellState,
	shellReducer,
} from '../../../source/ui/shell/shell-state.js';
import {fixtureNow, fixtureSnapshot} from '../../helpers/snapshot-fixture.js';

const snapshot = fixtureSnapshot();
const start = initialShellState(snapshot);

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
		const moved = run({type: 'focus-next'}, {type: 'jump', to: 'bottom', rowCount: 40});
		expect(moved.selection.metrics).toBe(39);
		expect(shellReducer(moved, {type: 'move', delta: -1, rowCount: 10}).selection.metrics).toBe(8);
		expect(shellReducer(moved, {type: 'move', delta: 5, rowCount: 0}).selection.metrics).toBe(0);
		expect(shellReducer(moved, {type: 'move', delta: -100, rowCount: 40}).selection.metrics).toBe(
			0,
		);
	});

	it('goes back one step at a time: detail, then zoom, then the filter', () => {
		let state = run(
			{type: 'open-filter'},
			{type: 'type-filter', text: '10.0.1.27'},
			{type: 'apply-filter'},
			{type: 'toggle-zoom'},
			{type: 'open-detail'},
		);
		expect(state).toMatchObject({filter: '10.0.1.27', zoomed: true, detailOpen: true});
		state = shellReducer(state, {type: 'back'});
		expect(state).toMatchObject({filter: '10.0.1.27', zoomed: true, detailOpen: false});
		state = shellReducer(state, {type: 'back'});
		expect(state).toMatchObject({filter: '10.0.1.27', zoomed: false});
		state = shellReducer(state, {type: 'back'});
		expect(state.filter).toBe('');
	});

	it('edits the filter draft without touching the applied filter until Enter', () => {
		const typing = run(
			{type: 'open-filter'},
			{type: 'type-filter', text: 'abc'},
			{type: 'delete-filter-character'},
		);
		expect(typing).toMatchObject({editingFilter: true, filterDraft: 'ab', filter: ''});
		expect(keyContext(typing)).toBe('filter');
		expect(shellReducer(typing, {type: 'cancel-filter'})).toMatchObject({
			editingFilter: false,
			filter: '',
		});
	});

	it('reads keys in the help context while the overlay is open', () => {
		expect(keyContext(run({type: 'toggle-help'}))).toBe('help');
		expect(keyContext(run({type: 'toggle-help'}, {type: 'close-help'}))).toBe('normal');
	});

	it('counts sort presses per pane and resets that pane to its first row', () => {
		const sorted = run(
			{type: 'focus-next'},
			{type: 'move', delta: 3, rowCount: 40},
			{type: 'cycle-sort'},
			{type: 'cycle-sort'},
		);
		expect(sorted.sortSteps).toMatchObject({metrics: 2, connections: 0});
		expect(sorted.selection.metrics).toBe(0);
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
	const info = {rowCount: 40, pageSize: 16, live: snapshot};

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

	it('drills down into the clamped selection of the focused pane', () => {
		const state = run({type: 'focus-next'}, {type: 'jump', to: 'bottom', rowCount: 40});
		expect(keyEffect('drill-down', state, {...info, rowCount: 3}).command).toEqual({
			type: 'drill-down',
			pane: 'metrics',
			selected: 2,
		});
	});

	it('pages by the pane height', () => {
		expect(keyEffect('page-down', start, info).event).toEqual({
			type: 'move',
			delta: 16,
			rowCount: 40,
		});
		expect(keyEffect('page-up', start, {...info, pageSize: 0}).event).toEqual({
			type: 'move',
			delta: -1,
			rowCount: 40,
		});
	});

	it('quits without touching the state', () => {
		expect(keyEffect('quit', start, info)).toEqual({quit: true});
	});
});
