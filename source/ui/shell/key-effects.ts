// What a key does: a change to the shell's state, a command for the engine, or quitting.

import {sanitizeText} from '../../domain/sanitize.js';
import type {Snapshot} from '../../domain/snapshot.js';
import type {AppCommand} from '../app-types.js';
import type {KeyAction} from '../keymap.js';
import {selectionIndex} from '../panes/scroll.js';
import {nextWindow, type ShellEvent, type ShellState} from './shell-state.js';

export type KeyEffect = {
	readonly event?: ShellEvent;
	readonly command?: AppCommand;
	readonly quit?: boolean;
};

export type FocusedPaneInfo = {
	/** The ids of the focused pane's rows, in the order it draws them. */
	readonly rows: readonly string[];
	/** Rows it shows at once, for PgUp/PgDn. */
	readonly pageSize: number;
	/** The newest snapshot, frozen on screen when pausing. */
	readonly live: Snapshot;
};

export function keyEffect(action: KeyAction, state: ShellState, info: FocusedPaneInfo): KeyEffect {
	const page = Math.max(1, info.pageSize);
	const {rows} = info;
	switch (action) {
		case 'quit':
			return {quit: true};
		case 'next-pane':
			return {event: {type: 'focus-next'}};
		case 'previous-pane':
			return {event: {type: 'focus-previous'}};
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
			const id = rows[selectionIndex(state.selection[state.focus], rows)];
			return {
				event: {type: 'open-detail', rows},
				command: {type: 'drill-down', pane: state.focus, ...(id === undefined ? {} : {id})},
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
