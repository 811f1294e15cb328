// The shell's own state (focus, overlays, selection, filter, pause) as a pure reducer.
import type {Snapshot} from '../../domain/snapshot.js';
import {type WindowMinutes, windowChoices} from '../app-types.js';
import type {KeyContext} from '../keymap.js';
import {type ContentPaneId, focusOrder} from '../layout.js';
import type {PaneId, TimeZoneMode} from '../pane-types.js';
import {clampSelection, firstRow, type Selection, selectionIndex} from '../panes/scroll.js';

export type ShellState = {
	readonly focus: PaneId;
	readonly activeContent: ContentPaneId;
	readonly zoomed: boolean;
	readonly helpOpen: boolean;
	readonly detailOpen: boolean;
	/**
	 * The open detail lists rows of its own (a target's requests): the movement keys choose one and
	 * Enter opens it; `inner` is that cursor, `innerOpen` that the chosen row's own detail is up.
	 */
	readonly detailList: boolean;
	readonly inner: Selection;
	readonly innerOpen: boolean;
	/** Lines scrolled past at the top of the open detail, and of the help. */
	readonly detailScroll: number;
	readonly helpScroll: number;
	readonly editingFilter: boolean;
	readonly filterDraft: string;
	/**
	 * The applied filter of each pane of the pane area; empty when none. A filter narrows the pane
	 * it was typed in only, and the findings line never: a finding must not hide behind a search.
	 */
	readonly filters: Readonly<Record<ContentPaneId, string>>;
	readonly timeZone: TimeZoneMode;
	/** The window last asked for; the snapshot's own window says what the engine delivers. */
	readonly windowMinutes: WindowMinutes;
	/** While paused: the snapshot on screen. The live one keeps moving underneath. */
	readonly frozen: Snapshot | undefined;
	/** Per pane: the chosen item (by its stable id) and where the cursor falls back to. */
	readonly selection: Readonly<Record<PaneId, Selection>>;
	readonly sortSteps: Readonly<Record<PaneId, number>>;
};

export type ShellEvent =
	/** `order`: the panes this LB has, in Tab order (every LB's when omitted). */
	| {readonly type: 'focus-next' | 'focus-previous'; readonly order?: readonly PaneId[]}
	/** `rows`: the ids of the focused pane's rows, in the order it draws them. */
	| {readonly type: 'move'; readonly delta: number; readonly rows: readonly string[]}
	| {readonly type: 'jump'; readonly to: 'top' | 'bottom'; readonly rows: readonly string[]}
	/**
	 * Opens the detail of the row under the cursor, which from then on is that item; `list`: the
	 * detail lists rows of its own. In such a list, opens the chosen row's own detail.
	 */
	| {readonly type: 'open-detail'; readonly rows: readonly string[]; readonly list?: boolean}
	| {readonly type: 'toggle-help' | 'close-help' | 'back'}
	/** Scrolls the help while it is open, else the open detail, to `offset` lines from the top. */
	| {readonly type: 'scroll'; readonly offset: number}
	| {readonly type: 'open-filter' | 'apply-filter' | 'cancel-filter' | 'delete-filter-character'}
	| {readonly type: 'type-filter'; readonly text: string}
	| {readonly type: 'cycle-sort' | 'cycle-window' | 'toggle-zoom' | 'toggle-time-zone'}
	| {readonly type: 'pause'; readonly snapshot: Snapshot}
	| {readonly type: 'resume'};

const noSelection: Readonly<Record<PaneId, Selection>> = {
	findings: firstRow,
	metrics: firstRow,
	connections: firstRow,
	accepted: firstRow,
	rejected: firstRow,
	changes: firstRow,
	requests: firstRow,
	tls: firstRow,
};

const noFilters: Readonly<Record<ContentPaneId, string>> = {
	metrics: '',
	connections: '',
	accepted: '',
	rejected: '',
	changes: '',
	requests: '',
	tls: '',
};

const zeroes: Readonly<Record<PaneId, number>> = {
	findings: 0,
	metrics: 0,
	connections: 0,
	accepted: 0,
	rejected: 0,
	changes: 0,
	requests: 0,
	tls: 0,
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
		...closedInner,
		detailScroll: 0,
		helpScroll: 0,
		editingFilter: false,
		filterDraft: '',
		filters: noFilters,
		timeZone: 'utc',
		windowMinutes: nearestWindow(snapshot),
		frozen: undefined,
		selection: noSelection,
		sortSteps: zeroes,
	};
}

/** The pane `/` filters: the focused one, or the one shown below the findings line. */
export function filteredPane(state: ShellState): ContentPaneId {
	return state.focus === 'findings' ? state.activeContent : state.focus;
}

/** The filter a pane is drawn with; the findings line has none. */
export function paneFilter(state: ShellState, pane: PaneId): string {
	return pane === 'findings' ? '' : state.filters[pane];
}

function withFilter(state: ShellState, pane: ContentPaneId, filter: string): ShellState {
	return {
		...state,
		filters: {...state.filters, [pane]: filter},
		selection: {...state.selection, [pane]: fromTop(state.selection[pane])},
	};
}

const closedInner = {detailList: false, inner: firstRow, innerOpen: false} as const;

export function keyContext(state: ShellState): KeyContext {
	if (state.editingFilter) {
		return 'filter';
	}
	if (state.helpOpen) {
		return 'help';
	}
	if (!state.detailOpen) {
		return 'normal';
	}
	return state.detailList && !state.innerOpen ? 'detail-list' : 'detail';
}

function focusStep(state: ShellState, step: 1 | -1, order: readonly PaneId[]): ShellState {
	const index = order.indexOf(state.focus);
	// A pane this LB turned out not to have is left for the first of the order.
	const from = index === -1 ? (step === 1 ? -1 : 0) : index;
	const next = order[(from + step + order.length) % order.length] ?? 'findings';
	return {
		...state,
		focus: next,
		activeContent: next === 'findings' ? state.activeContent : next,
		detailOpen: false,
		...closedInner,
		detailScroll: 0,
	};
}

/** In a detail that lists rows, the movement keys move over them instead. */
function moveInner(state: ShellState, row: number, rows: readonly string[]): ShellState {
	const index = clampSelection(row, rows.length);
	const id = rows[index];
	return {...state, inner: id === undefined ? {index} : {id, index}};
}

function openDetail(state: ShellState, rows: readonly string[], list: boolean): ShellState {
	if (keyContext(state) === 'detail-list') {
		const current = selectionIndex(state.inner, rows);
		return {...moveInner(state, current, rows), innerOpen: true, detailScroll: 0};
	}
	const current = selectionIndex(state.selection[state.focus], rows);
	return {
		...select(state, current, rows),
		detailOpen: true,
		...closedInner,
		detailList: list,
		detailScroll: 0,
	};
}

function withSelection(state: ShellState, pane: PaneId, selection: Selection): ShellState {
	return {...state, selection: {...state.selection, [pane]: selection}};
}

/** Puts the cursor on row `row` of `rows`, and from then on on the item that row shows. */
function select(state: ShellState, row: number, rows: readonly string[]): ShellState {
	const index = clampSelection(row, rows.length);
	const id = rows[index];
	return withSelection(state, state.focus, id === undefined ? {index} : {id, index});
}

/** The same items stay chosen; where the cursor falls back to starts over at the top. */
function fromTop(selection: Selection): Selection {
	return selection.id === undefined ? firstRow : {id: selection.id, index: 0};
}

function back(state: ShellState): ShellState {
	if (state.detailOpen && state.innerOpen) {
		return {...state, innerOpen: false, detailScroll: 0};
	}
	if (state.detailOpen) {
		return {...state, detailOpen: false, ...closedInner, detailScroll: 0};
	}
	if (state.zoomed) {
		return {...state, zoomed: false};
	}
	const pane = filteredPane(state);
	return state.filters[pane] === '' ? state : withFilter(state, pane, '');
}

export function nextWindow(current: WindowMinutes): WindowMinutes {
	const index = windowChoices.indexOf(current);
	return windowChoices[(index + 1) % windowChoices.length] ?? current;
}

export function shellReducer(state: ShellState, event: ShellEvent): ShellState {
	switch (event.type) {
		case 'focus-next':
			return focusStep(state, 1, event.order ?? focusOrder);
		case 'focus-previous':
			return focusStep(state, -1, event.order ?? focusOrder);
		case 'move': {
			if (keyContext(state) === 'detail-list') {
				const current = selectionIndex(state.inner, event.rows);
				return moveInner(state, current + event.delta, event.rows);
			}
			const current = selectionIndex(state.selection[state.focus], event.rows);
			return select(state, current + event.delta, event.rows);
		}
		case 'jump': {
			const row = event.to === 'top' ? 0 : event.rows.length - 1;
			return keyContext(state) === 'detail-list'
				? moveInner(state, row, event.rows)
				: select(state, row, event.rows);
		}
		case 'toggle-help':
			return {...state, helpOpen: !state.helpOpen, helpScroll: 0};
		case 'close-help':
			return {...state, helpOpen: false, helpScroll: 0};
		case 'scroll': {
			const offset = Math.max(0, Math.floor(event.offset));
			return state.helpOpen ? {...state, helpScroll: offset} : {...state, detailScroll: offset};
		}
		case 'open-detail':
			return openDetail(state, event.rows, event.list === true);
		case 'back':
			return back(state);
		case 'open-filter':
			return {...state, editingFilter: true, filterDraft: state.filters[filteredPane(state)]};
		case 'type-filter':
			return {...state, filterDraft: state.filterDraft + event.text};
		case 'delete-filter-character':
			return {...state, filterDraft: [...state.filterDraft].slice(0, -1).join('')};
		case 'apply-filter':
			return {
				...withFilter(state, filteredPane(state), state.filterDraft.trim()),
				editingFilter: false,
			};
		case 'cancel-filter':
			return {...state, editingFilter: false, filterDraft: ''};
		case 'cycle-sort':
			return {
				...state,
				sortSteps: {...state.sortSteps, [state.focus]: state.sortSteps[state.focus] + 1},
				selection: {...state.selection, [state.focus]: fromTop(state.selection[state.focus])},
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
