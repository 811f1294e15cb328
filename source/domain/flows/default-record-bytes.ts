// Byte tests of the default-format reader (default-record.ts), over a record's character codes.
import type {FlowAction} from '../types/flows.js';

export const space = 32;
export const dash = 45;
const tilde = 126;

/** tableWord's test without keeping the word: printable ASCII without spaces, not `-`. */
export function isWord(codes: Uint8Array, start: number, end: number): boolean {
	if (end <= start || (end - start === 1 && codes[start] === dash)) {
		return false;
	}

	for (let index = start; index < end; index++) {
		const code = codes[index] ?? 0;
		if (code <= space || code > tilde) {
			return false;
		}
	}

	return true;
}

/** A field must end in exactly one space before the next (a plain record has no runs of spaces). */
export function next(codes: Uint8Array, end: number): number {
	return end >= 0 && codes[end] === space && codes[end + 1] !== space ? end + 1 : -1;
}

/** The action at `at` (followed by a space), or '' when there is none. */
export function actionAt(codes: Uint8Array, at: number): FlowAction | '' {
	if (at < 0 || codes[at + 6] !== space) {
		return '';
	}

	// Compared in place, a byte at a time: the first tells which word it can be.
	const first = codes[at];
	if (first === 65) {
		return hasWord(codes, at, accept) ? 'ACCEPT' : '';
	}

	return first === 82 && hasWord(codes, at, reject) ? 'REJECT' : '';
}

const accept = Uint8Array.of(65, 67, 67, 69, 80, 84);
const reject = Uint8Array.of(82, 69, 74, 69, 67, 84);

/** The six bytes at `at` are the word's (its first already compared). */
function hasWord(codes: Uint8Array, at: number, word: Uint8Array): boolean {
	return (
		codes[at + 1] === word[1] &&
		codes[at + 2] === word[2] &&
		codes[at + 3] === word[3] &&
		codes[at + 4] === word[4] &&
		codes[at + 5] === word[5]
	);
}

/** `OK` ends the text at `at`. */
export function endsInOk(codes: Uint8Array, length: number, at: number): boolean {
	return length === at + 2 && codes[at] === 79 && codes[at + 1] === 75;
}
