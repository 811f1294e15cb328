// Keys in, state changes and engine commands out, all through the keymap table. Several keys can
// arrive in one read (a paste, or keystrokes coalesced over a slow SSH link) and are handled before
// React re-renders, so each key sees the state the previous one left, not the last rendered one.
import {useApp, useInput} from 'ink';
import {type Dispatch, useRef} from 'react';
import type {AppCommand} from '../app-types.js';
import {bindingFor} from '../keymap.js';
import {type FocusedPaneInfo, keyEffect, typedText} from './key-effects.js';
import {type KeyToken, keyTokens} from './key-input.js';
import {keyContext, type ShellEvent, type ShellState, shellReducer} from './shell-state.js';

export type ShellInput = {
	readonly state: ShellState;
	readonly dispatch: Dispatch<ShellEvent>;
	/** Row count, page size and the live snapshot, for the pane focused in `state`. */
	readonly focusedPane: (state: ShellState) => FocusedPaneInfo;
	readonly onQuit: () => void;
	readonly onCommand?: (command: AppCommand) => void;
};

export function useShellInput(input: ShellInput): void {
	const {exit} = useApp();
	const latest = useRef(input.state);
	latest.current = input.state;
	const apply = (event: ShellEvent) => {
		latest.current = shellReducer(latest.current, event);
		input.dispatch(event);
	};
	/** Returns false once the app is quitting: later keys of the same chunk are dropped. */
	const handle = (token: KeyToken): boolean => {
		const state = latest.current;
		const context = keyContext(state);
		const binding = bindingFor(token.name, context);
		if (binding === undefined) {
			// In the filter input, whatever is not a binding is text being typed.
			const typed = context === 'filter' ? typedText(token.text) : '';
			if (typed !== '') {
				apply({type: 'type-filter', text: typed});
			}
			return true;
		}
		const effect = keyEffect(binding.action, state, input.focusedPane(state));
		if (effect.event !== undefined) {
			apply(effect.event);
		}
		if (effect.command !== undefined) {
			input.onCommand?.(effect.command);
		}
		if (effect.quit === true) {
			input.onQuit();
			exit();
			return false;
		}
		return true;
	};
	useInput((text, key) => {
		for (const token of keyTokens(text, key)) {
			if (!handle(token)) {
				return;
			}
		}
	});
}
