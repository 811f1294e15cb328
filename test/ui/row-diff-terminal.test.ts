// The diff checked on a real terminal emulator: tmux shown the old frame and then the diff ends
// up with exactly the screen (characters and styles) it shows when drawing the new frame whole.
// tmux writes a captured screen with each style given relative to the cell before, and keeps
// blanks an erase left behind apart from never-written ones, so both captures are read back
// into cells (an erased blank and a plain space alike) before they are compared.
import fc from 'fast-check';
import stringWidth from 'string-width';
import {describe, expect, it} from 'vitest';
import {frameDelta} from '../../source/ui/frame-diff.js';
import {rowHistoryArbitrary, rowPairArbitrary} from './styled-rows.js';
import {tmuxScreens} from './tmux-screens.js';
import {VirtualTerminal} from './virtual-terminal.js';

const size = {columns: 400, rows: 50};
// A row per case; the last row is left for tmuxScreens' end mark.
const casesPerScreen = size.rows - 2;

const dim = (text: string) => `\u001B[2m${text}\u001B[22m`;
const lbtopRows: ReadonlyArray<readonly [string, string]> = [
	[
		`\u001B[1mlbtop demo-nlb NLB internet-facing · us-east-1\u001B[22m${' '.repeat(120)}16:17:59Z`,
		`\u001B[1mlbtop demo-nlb NLB internet-facing · us-east-1\u001B[22m${' '.repeat(120)}16:18:00Z`,
	],
	[
		`${dim('flows through 16:14:59Z · lag 2m · aggregation 60 s')}    ${dim('│4 changes · lag 7m10s')}`,
		`${dim('flows through 16:14:59Z · lag 2m10s · aggregation 60 s')}    ${dim('│4 changes · lag 7m30s')}`,
	],
	[
		`\u001B[7m\u001B[31mCRIT\u001B[39m paused · 3 refreshes held back (12s)\u001B[27m`,
		`\u001B[7m\u001B[31mCRIT\u001B[39m paused · 3 refreshes held back (13s)\u001B[27m`,
	],
];

function cellsOf(captured: readonly string[]): string[] {
	const terminal = new VirtualTerminal(size.columns, captured.length, 'code-points');
	for (const [index, line] of captured.entries()) {
		terminal.write(`\u001B[${index + 1};1H${line}`);
	}
	return terminal.screen();
}

// Characters whose width terminals (tmux among them) count otherwise than string-width, ahead of
// a change: the diff must not place the change by columns counted past them.
const unsureAhead = ['\u26A0\uFE0F', '👨\u200D👩\u200D👧', '🇩🇪', '👍', 'e\u0301', 'a\u200B'].map(
	(character) =>
		[
			`x ${character} 12345 \u001B[2m1s\u001B[22m`,
			`x ${character} 12345 \u001B[2m2s\u001B[22m`,
		] as const,
);

const fits = (row: string) => stringWidth(row) * 4 < size.columns;

/** Frames of `casesPerScreen` rows from each case's successive versions of its row. */
function framesOf(cases: ReadonlyArray<readonly string[]>): string[][] {
	const steps = Math.max(...cases.map((versions) => versions.length));
	return Array.from({length: steps}, (_, step) =>
		cases.map((versions) => versions[Math.min(step, versions.length - 1)] ?? ''),
	);
}

/** The stream lbtop sends for `frames` shown in turn, and the last frame drawn whole. */
function streams(frames: readonly (readonly string[])[]): [string, string] {
	let diffed = '';
	let shown: readonly string[] = [];
	for (const frame of frames) {
		diffed += frameDelta(shown, frame);
		shown = frame;
	}
	return [diffed, frameDelta([], shown)];
}

describe('row diffs on tmux', () => {
	it('leave the screen drawing the new frame whole leaves', async () => {
		const pairs = fc
			.sample(rowPairArbitrary, {numRuns: casesPerScreen * 6, seed: 20_260_101})
			.filter(([previous, next]) => fits(previous) && fits(next));
		const histories = fc
			.sample(rowHistoryArbitrary, {numRuns: casesPerScreen * 2, seed: 20_260_102})
			.filter((versions) => versions.every(fits));
		const cases: (readonly string[])[] = [...lbtopRows, ...unsureAhead, ...pairs, ...histories];
		// Pairs of streams: the diffs, then the last frame drawn whole.
		const sent: string[] = [];
		for (let from = 0; from < cases.length; from += casesPerScreen) {
			sent.push(...streams(framesOf(cases.slice(from, from + casesPerScreen))));
		}
		const shown = await tmuxScreens(sent, size);
		for (let index = 0; index < shown.length; index += 2) {
			expect(cellsOf(shown[index] ?? [])).toEqual(cellsOf(shown[index + 1] ?? []));
		}
	});
});
