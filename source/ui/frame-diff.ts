// Over SSH every byte is felt. Ink redraws its whole frame on any change (its own incremental mode
// is off: see run-interactive), so a ticking clock would resend every row each second. This turns
// Ink's full-frame writes into writes of what changed in the rows that changed (see row-diff.ts),
// placed by absolute cursor moves: the frame always starts at the top-left of the alternate screen.
import {rowDelta} from './row-diff.js';

const esc = '\u001B[';
const eraseLine = `${esc}2K`;
const cursorUpOne = `${esc}1A`;
const cursorLeft = `${esc}G`;
export const beginSynchronized = `${esc}?2026h`;
export const endSynchronized = `${esc}?2026l`;

export type FrameWrite =
	/** A frame: Ink's erase of the previous frame (possibly none) followed by the new one. */
	| {readonly kind: 'frame'; readonly lines: readonly string[]}
	/** Only an erase: Ink clearing its frame before writing something else through. */
	| {readonly kind: 'erase'}
	/** Anything else (cursor visibility, a full-screen erase, OSC 52): passed through as is. */
	| {readonly kind: 'other'};

// Sequences that move the cursor or clear the screen: a body carrying one is not a plain frame.
const movesCursor = /\u001B\[(?:\d*(?:;\d*)?[ABCDEFGHJf]|[su]|\?\d+[hl])|\u001B[78c]/;

/** Reads one write of Ink's standard renderer: `eraseLines(n)` then the frame's text. */
export function classifyWrite(data: string): FrameWrite {
	let rest = data;
	let erased = false;
	while (rest.startsWith(eraseLine)) {
		erased = true;
		rest = rest.slice(eraseLine.length);
		if (rest.startsWith(cursorUpOne)) {
			rest = rest.slice(cursorUpOne.length);
		}
	}
	if (erased && rest.startsWith(cursorLeft)) {
		rest = rest.slice(cursorLeft.length);
	}
	if (rest === '') {
		return erased ? {kind: 'erase'} : {kind: 'other'};
	}
	if (
		movesCursor.test(rest) ||
		(!erased && rest.startsWith('\u001B') && !rest.startsWith(`${esc}`))
	) {
		return {kind: 'other'};
	}
	return {kind: 'frame', lines: rest.split('\n')};
}

/** The bytes that turn the screen showing `previous` into `next` (rows are 1-based). */
export function frameDelta(previous: readonly string[], next: readonly string[]): string {
	let out = '';
	const rows = Math.max(previous.length, next.length);
	for (let index = 0; index < rows; index++) {
		const line = next[index];
		if (line === previous[index]) {
			continue;
		}
		out +=
			line === undefined
				? `${esc}${index + 1};1H${eraseLine}`
				: rowDelta(index + 1, previous[index], line);
	}
	return out;
}
