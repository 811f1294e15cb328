import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {frameDelta} from '../../source/ui/frame-diff.js';
import {rowDelta} from '../../source/ui/row-diff.js';
import {rowHistoryArbitrary, rowPairArbitrary} from './styled-rows.js';
import {VirtualTerminal, type WidthPolicy} from './virtual-terminal.js';

const esc = '\u001B[';
const bold = (text: string) => `${esc}1m${text}${esc}22m`;
const dim = (text: string) => `${esc}2m${text}${esc}22m`;
const red = (text: string) => `${esc}31m${text}${esc}39m`;
const header = (clock: string) =>
	`${bold('lbtop demo-nlb NLB internet-facing · us-east-1 · acct 123456789012')}${' '.repeat(125)}${clock}`;

/** The screen after drawing row 1 whole (as frame-diff first does), then `deltas` in turn. */
function screenAfter(policy: WidthPolicy, first: string, ...deltas: string[]): VirtualTerminal {
	const terminal = new VirtualTerminal(400, 3, policy);
	terminal.write(`${esc}1;1H${first}${esc}K`);
	for (const delta of deltas) {
		terminal.write(delta);
	}
	return terminal;
}

describe('rowDelta', () => {
	it.each([
		['the clock’s seconds', header('16:17:11Z'), header('16:17:12Z'), `${esc}1;199H2`],
		[
			'a styled count',
			`${red('506')} rejected`,
			`${red('507')} rejected`,
			`${esc}1;3H${esc}31m7${esc}m`,
		],
		['a shorter row', 'lag 2m10s', 'lag 2m', `${esc}1;7H${esc}K`],
		['a longer row', 'lag 2m', 'lag 2m10s', `${esc}1;7H10s`],
		[
			'two changes far apart',
			`1${' '.repeat(40)}1`,
			`2${' '.repeat(40)}2`,
			`${esc}1;1H2${esc}1;42H2`,
		],
		['two changes close together', 'lag 1m · 1m', 'lag 2m · 2m', `${esc}1;5H2m · 2`],
		['every cell of a row as long as before', 'abcdef', 'uvwxyz', `${esc}1;1Huvwxyz`],
		['a style alone', 'age 4s', `age ${dim('4s')}`, `${esc}1;5H${esc}2m4s${esc}m`],
		['a wide character narrowed', 'a漢b', 'axyb', `${esc}1;2Hxy`],
		['a narrow pair widened', 'axyb', 'a漢b', `${esc}1;2H漢`],
		['one wide character for another', 'a漢b', 'a字b', `${esc}1;2H字`],
		['half of a wide character', 'a漢b', 'ax b', `${esc}1;2Hx `],
	])('redraws only %s', (_name, previous, next, expected) => {
		expect(rowDelta(1, previous, next)).toBe(expected);
	});

	it('sends at most a few bytes for a ticking clock on a 200-column header', () => {
		expect(Buffer.byteLength(rowDelta(1, header('16:17:59Z'), header('16:18:00Z')))).toBeLessThan(
			20,
		);
	});

	it.each([
		[
			'a hyperlink',
			`see \u001B]8;;https://example.com\u0007docs\u001B]8;;\u0007 1`,
			`see \u001B]8;;https://example.com\u0007docs\u001B]8;;\u0007 2`,
		],
		['a row left styled at its end', `${esc}44mwide band 1`, `${esc}44mwide band 2`],
		['an SGR parameter terminals disagree on', `${esc}21mx${esc}24m 1`, `${esc}21mx${esc}24m 2`],
		['a tab', 'a\tb 1', 'a\tb 2'],
		['a row drawn for the first time', undefined, 'new'],
	])('redraws %s whole', (_name, previous, next) => {
		expect(rowDelta(1, previous, next)).toBe(`${esc}1;1H${next}${esc}K`);
	});

	it.each([
		[
			'an emoji sequence',
			'up 👨\u200D👩\u200D👧 12345 1s',
			'up 👨\u200D👩\u200D👧 12345 2s',
			`${esc}1;4H👨\u200D👩\u200D👧 12345 2s${esc}K`,
		],
		[
			'a variation selector',
			'x ⚠\uFE0F 12345 1s',
			'x ⚠\uFE0F 12345 2s',
			`${esc}1;3H⚠\uFE0F 12345 2s${esc}K`,
		],
		[
			'a zero-width space',
			'ab\u200Bcdefghi 1s',
			'ab\u200Bcdefghi 2s',
			`${esc}1;2Hb\u200Bcdefghi 2s${esc}K`,
		],
	])(
		'redraws from the first unsure column to the end past %s',
		(_name, previous, next, expected) => {
			expect(rowDelta(1, previous, next)).toBe(expected);
		},
	);

	it('keeps to the changed cells when the unsure character comes after them', () => {
		expect(rowDelta(1, '1s 12345 👍', '2s 12345 👍')).toBe(`${esc}1;1H2`);
	});

	it.each(['graphemes', 'code-points'] as const)(
		'leaves the screen as drawing the new row whole would, counting %s',
		(policy) => {
			fc.assert(
				fc.property(rowPairArbitrary, ([previous, next]) => {
					const diffed = screenAfter(policy, previous, rowDelta(1, previous, next));
					expect(diffed.screen()).toEqual(screenAfter(policy, next).screen());
					expect(diffed.penIsPlain()).toBe(true);
				}),
				{numRuns: 2000},
			);
		},
	);

	it.each(['graphemes', 'code-points'] as const)(
		'stays exact over successive frames, counting %s',
		(policy) => {
			fc.assert(
				fc.property(fc.array(rowHistoryArbitrary, {minLength: 1, maxLength: 3}), (rows) => {
					const frames = Array.from({length: 6}, (_, index) =>
						rows.map((versions) => versions[Math.min(index, versions.length - 1)] ?? ''),
					);
					const diffed = new VirtualTerminal(400, 3, policy);
					let shown: readonly string[] = [];
					for (const frame of frames) {
						diffed.write(frameDelta(shown, frame));
						shown = frame;
					}
					const whole = new VirtualTerminal(400, 3, policy);
					whole.write(frameDelta([], shown));
					expect(diffed.screen()).toEqual(whole.screen());
				}),
				{numRuns: 500},
			);
		},
	);
});
