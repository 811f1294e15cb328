// The shell's own state (focus, overlays, selection, filter, pause) as a pure reducer.
import type {Snapshot} from '../../domain/snapshot.js';
import {type WindowMinutes, windowChoices} from '../app-types.js';
import type {KeyContext} from '../keymap.js';
import {type ContentPaneId, focusOrder} from '../layout.js';
import type {PaneId, TimeZoneMode} from '../pane-types.js';

export type ShellState = {
	readonly focus: PaneId;
	readonly activeContent: ContentPaneId;
	readonly zoomed: boolean;
	readonly helpOpen: boolean;
	readonly detailOpen: boolean;
	readonly editingFilter: boolean;
	readonly filterDraft: string;
	/** The applied filter; empty when none. */
	readonly filter: string;
	readonly timeZone: TimeZoneMode;
	/** The window last asked for; the snapshot's own window says what the engine delivers. */
	readonly windowMinutes: WindowMinutes;
	/** While paused: the snapshot on screen. The live one keeps moving underneath. */
	readonly frozen: Snapshot | undefined;
	readonly selection: Readonly<Record<PaneId, number>>;
	readonly sortSteps: Readonly<Record<PaneId, number>>;
};

export type ShellEvent =
	| {readonly type: 'focus-next' | 'focus-previous'}
	| {readonly type: 'move'; readonly delta: number; readonly rowCount: number}
	| {readonly type: 'jump'; readonly to: 'top' | 'bottom'; readonly rowCount: number}
	| {readonly type: 'toggle-help' | 'close-help' | 'open-detail' | 'back'}
	| {readonly type: 'open-filter' | 'apply-filter' | 'cancel-filter' | 'delete-filter-character'}
	| {readonly type: 'type-filter'; readonly text: string}
	| {readonly type: 'cycle-sort' | 'cycle-window' | 'toggle-zoom' | 'toggle-time-zone'}
	| {readonly type: 'pause'; readonly snapshot: Snapshot}
	| {readonly type: 'resume'};

const zeroes: Readonly<Record<PaneId, number>> = {
	findings: 0,
	metrics: 0,
	connections: 0,
	accepted: 0,
	rejected: 0,
	changes: 0,
};

/** The choice nearest to the snapshot's window, so `t` steps on from what is shown. */
export function nearestWindow(snapshot: Snapshot): WindowMinutes {
	const minutes = (snapshot.window.end - snapshot.window.start) / 60_000;
	let best: WindowMinutes = 15;
	for (const choice of windowChoices) {
		if (Math.abs(choice - minutes) < Math.abs(best - minutes)) {
			best = choice;
		}
	}
	return best;
}

export function initialShellState(snapshot: Snapshot): ShellState {
	return {
		focus: 'findings',
		activeContent: 'metrics',
		zoomed: false,
		helpOpen: false,
		detailOpen: false,
		editingFilter: false,
		filterDraft: '',
		filter: '',
		timeZone: 'utc',
		windowMinutes: nearestWindow(snapshot),
		frozen: undefined,
		selection: zeroes,
		sortSteps: zeroes,
	};
}

export function keyContext(state: ShellState): KeyContext {
	if (state.editingFilter) {
		return 'filter';
	}
	return state.helpOpen ? 'help' : 'normal';
}

function focusStep(state: ShellState, step: 1 | -1): ShellState {
	const index = focusOrder.indexOf(state.focus);
	const next = focusOrder[(index + step + focusOrder.length) % focusOrder.length] ?? 'findings';
	return {
		...state,
		focus: next,
		activeContent: next === 'findings' ? state.activeContent : next,
		detailOpen: false,
	};
}

function select(state: ShellState, row: number, rowCount: number): ShellState {
	const clamped = Math.max(0, Math.min(row, rowCount - 1));
	return {...state, selection: {...state.selection, [state.focus]: clamped}};
}

function back(state: ShellState): ShellState {
	if (state.detailOpen) {
		return {...state, detailOpen: false};
	}
	if (state.zoomed) {
		return {...state, zoomed: false};
	}
	return state.filter === '' ? state : {...state, filter: '', selection: zeroes};
}

export function nextWindow(current: WindowMinutes): WindowMinutes {
	const index = windowChoices.indexOf(current);
	return windowChoices[(index + 1) % windowChoices.length] ?? current;
}

export function shellReducer(state: ShellState, event: ShellEvent): ShellState {
	switch (event.type) {
		case 'focus-next':
			return focusStep(state, 1);
		case 'focus-previous':
			return focusStep(state, -1);
		case 'move': {
			const current = Math.min(state.selection[state.focus], event.rowCount - 1);
			return select(state, current + event.delta, event.rowCount);
		}
		case 'jump':
			return select(state, event.to === 'top' ? 0 : event.rowCount - 1, event.rowCount);
		case 'toggle-help':
			return {...state, helpOpen: !state.helpOpen};
		case 'close-help':
			return {...state, helpOpen: false};
		case 'open-detail':
			return {...state, detailOpen: true};
		case 'back':
			return back(state);
		case 'open-filter':
			return {...state, editingFilter: true, filterDraft: state.filter};
		case 'type-filter':
			return {...state, filterDraft: state.filterDraft + event.text};
		case 'delete-filter-character':
			return {...state, filterDraft: [...state.filterDraft].slice(0, -1).join('')};
		case 'apply-filter':
			return {
				...state,
				editingFilter: false,
				filter: state.filterDraft.trim(),
				selection: zeroes,
			};
		case 'cancel-filter':
			return {...state, editingFilter: false, filterDraft: ''};
		case 'cycle-sort':
			return {
				...state,
				sortSteps: {...state.sortSteps, [state.focus]: state.sortSteps[state.focus] + 1},
				selection: {...state.selection, [state.focus]: 0},
			};
		case 'cycle-window':
			return {...state, windowMinutes: nextWindow(state.windowMinutes)};
		case 'toggle-zoom':
			return {...state, zoomed: !state.zoomed};
		case 'toggle-time-zone':
			return {...state, timeZone: state.timeZone === 'utc' ? 'local' : 'utc'};
		case 'pause':
			return {...state, frozen: event.snapshot};
		case 'resume':
			return {...state, frozen: undefined};
	}
}
