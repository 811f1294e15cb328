// Terminal input as key names the keymap understands.
import type {Key} from 'ink';
import type {NamedKey} from '../keymap.js';

/** Ink's (input, key) pair as one key name, or undefined for input no binding can match. */
export function keyName(input: string, key: Key): string | undefined {
	if (key.ctrl && input === 'c') {
		return 'ctrl-c';
	}
	if (key.tab) {
		return key.shift ? 'shift-tab' : 'tab';
	}
	const named = namedKey(key);
	if (named !== undefined) {
		return named;
	}
	if (input === ' ') {
		return 'space';
	}
	return [...input].length === 1 && !key.ctrl && !key.meta ? input : undefined;
}

function namedKey(key: Key): NamedKey | undefined {
	const flags: ReadonlyArray<readonly [boolean, NamedKey]> = [
		[key.upArrow, 'up'],
		[key.downArrow, 'down'],
		[key.leftArrow, 'left'],
		[key.rightArrow, 'right'],
		[key.pageUp, 'pageup'],
		[key.pageDown, 'pagedown'],
		[key.home, 'home'],
		[key.end, 'end'],
		[key.return, 'enter'],
		[key.escape, 'escape'],
		[key.backspace || key.delete, 'backspace'],
	];
	return flags.find(([pressed]) => pressed)?.[1];
}

export type KeyToken = {
	readonly name: string;
	/** What the key types, for the filter input. */
	readonly text: string;
};

const controlKeys: Readonly<Record<string, NamedKey>> = {
	'\t': 'tab',
	'\r': 'enter',
	'\n': 'enter',
	'\u007F': 'backspace',
	'\b': 'backspace',
	'\u0003': 'ctrl-c',
	' ': 'space',
};

/**
 * Ink hands over a chunk without escape sequences as one input: a paste, or keystrokes that a
 * slow SSH link delivered together (`jjj`, Tab then `?`). Each character is then its own key.
 */
export function keyTokens(input: string, key: Key): KeyToken[] {
	const single = keyName(input, key);
	if (single !== undefined) {
		return [{name: single, text: input}];
	}
	if (key.ctrl || key.meta) {
		return [];
	}
	return [...input].flatMap((character) => {
		const named = controlKeys[character];
		if (named !== undefined) {
			return [{name: named, text: character}];
		}
		return /\p{Cc}/u.test(character) ? [] : [{name: character, text: character}];
	});
}
