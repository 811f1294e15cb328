// What a key does: a change to the shell's state, a command for the engine, or quitting.

import {sanitizeText} from '../../domain/sanitize.js';
import type {Snapshot} from '../../domain/snapshot.js';
import type {AppCommand} from '../app-types.js';
import type {KeyAction} from '../keymap.js';
import type {PaneId} from '../pane-types.js';
import {selectionIndex} from '../panes/scroll.js';
import {keyContext, nextWindow, type ShellEvent, type ShellState} from './shell-state.js';

export type KeyEffect = {
	readonly event?: ShellEvent;
	readonly command?: AppCommand;
	readonly quit?: boolean;
};

export type FocusedPaneInfo = {
	/** The ids of the focused pane's rows, in the order it draws them. */
	readonly rows: readonly string[];
	/** Rows it shows at once, for PgUp/PgDn (of the help or the open detail while they are up). */
	readonly pageSize: number;
	/** How far the help, or the open detail, can scroll: its lines beyond one screenful. */
	readonly scrollLimit: number;
	/** The newest snapshot, frozen on screen when pausing. */
	readonly live: Snapshot;
	/** The panes this LB has, in Tab order; every LB's when omitted. */
	readonly order?: readonly PaneId[];
	/** The focused pane's detail lists rows of its own (a target's requests). */
	readonly detailList?: boolean;
};

function scrollTo(offset: number, info: FocusedPaneInfo): KeyEffect {
	const clamped = Math.max(0, Math.min(offset, info.scrollLimit));
	return {event: {type: 'scroll', offset: clamped}};
}

function scrollEffect(
	action: 'scroll-up' | 'scroll-down' | 'scroll-page-up' | 'scroll-page-down',
	state: ShellState,
	info: FocusedPaneInfo,
): KeyEffect {
	const page = Math.max(1, info.pageSize);
	const steps = {
		'scroll-up': -1,
		'scroll-down': 1,
		'scroll-page-up': -page,
		'scroll-page-down': page,
	};
	const current = Math.min(
		state.helpOpen ? state.helpScroll : state.detailScroll,
		info.scrollLimit,
	);
	return scrollTo(current + steps[action], info);
}

function order(info: FocusedPaneInfo): {readonly order?: readonly PaneId[]} {
	return info.order === undefined ? {} : {order: info.order};
}

export function keyEffect(action: KeyAction, state: ShellState, info: FocusedPaneInfo): KeyEffect {
	const page = Math.max(1, info.pageSize);
	const {rows} = info;
	switch (action) {
		case 'quit':
			return {quit: true};
		case 'next-pane':
			return {event: {type: 'focus-next', ...order(info)}};
		case 'previous-pane':
			return {event: {type: 'focus-previous', ...order(info)}};
		case 'select-up':
			return {event: {type: 'move', delta: -1, rows}};
		case 'select-down':
			return {event: {type: 'move', delta: 1, rows}};
		case 'page-up':
			return {event: {type: 'move', delta: -page, rows}};
		case 'page-down':
			return {event: {type: 'move', delta: page, rows}};
		case 'top':
			return {event: {type: 'jump', to: 'top', rows}};
		case 'bottom':
			return {event: {type: 'jump', to: 'bottom', rows}};
		case 'drill-down': {
			const inList = keyContext(state) === 'detail-list';
			const cursor = inList ? state.inner : state.selection[state.focus];
			const id = rows[selectionIndex(cursor, rows)];
			// No row to open (none yet, or none the filter keeps): the list stays, saying why.
			if (id === undefined) {
				return {};
			}
			return {
				event: {type: 'open-detail', rows, ...(info.detailList === true ? {list: true} : {})},
				command: {type: 'drill-down', pane: state.focus, id},
			};
		}
		case 'toggle-pause':
			return state.frozen === undefined
				? {event: {type: 'pause', snapshot: info.live}, command: 'pause'}
				: {event: {type: 'resume'}, command: 'resume'};
		case 'cycle-window':
			return {
				event: {type: 'cycle-window'},
				command: {type: 'window', minutes: nextWindow(state.windowMinutes)},
			};
		case 'scroll-up':
		case 'scroll-down':
		case 'scroll-page-up':
		case 'scroll-page-down':
			return scrollEffect(action, state, info);
		case 'scroll-top':
			return scrollTo(0, info);
		case 'scroll-bottom':
			return scrollTo(info.scrollLimit, info);
		case 'refresh':
			return {command: 'refresh'};
		case 'share':
			return {command: 'share'};
		case 'toggle-help':
		case 'close-help':
		case 'back':
		case 'open-filter':
		case 'apply-filter':
		case 'cancel-filter':
		case 'delete-filter-character':
		case 'cycle-sort':
		case 'toggle-zoom':
		case 'toggle-time-zone':
			return {event: {type: action}};
	}
}

/** Text typed into the filter input: printable characters only, whatever the terminal sent. */
export function typedText(input: string): string {
	return sanitizeText(input, 200).replaceAll('\uFFFD', '');
}
