import {describe, expect, it} from 'vitest';
import {parseRow} from '../../source/ui/row-cells.js';

const esc = '\u001B[';

/** Each column as text@style, '' for a wide character's right half. */
function columns(line: string): string[] | undefined {
	return parseRow(line)?.cells.map((cell) =>
		cell.wideTail ? '' : cell.style === '' ? cell.text : `${cell.text}@${cell.style}`,
	);
}

describe('parseRow', () => {
	it.each([
		['plain text', 'ab c', ['a', 'b', ' ', 'c']],
		['a style and its end', `a${esc}1mb${esc}22mc`, ['a', 'b@1', 'c']],
		['styles stacking', `${esc}31ma${esc}1mb${esc}0m`, ['a@31', 'b@1;31']],
		['a wide character taking two columns', 'a漢b', ['a', '漢', '', 'b']],
		['a combining mark on its letter', 'e\u0301x', ['e\u0301', 'x']],
		['box drawing and dots, one column each', '─·│', ['─', '·', '│']],
	])('reads %s', (_name, line, expected) => {
		expect(columns(line)).toEqual(expected);
	});

	it.each([
		['nothing unsure', 'abc 漢 e\u0301', Number.POSITIVE_INFINITY],
		['nothing unsure in box drawing and sparklines', '│ab ▇▆█ · …', Number.POSITIVE_INFINITY],
		['a narrow character some terminals show as emoji', 'ab·©c', 3],
		['an arrow some terminals show as emoji', `${esc}2m│${esc}22m↔`, 1],
		['an emoji sequence', 'ab👨\u200D👩\u200D👧c', 2],
		['a variation selector', 'a\u26A0\uFE0F', 1],
		['a flag', '🇩🇪', 0],
		['a single emoji', 'abc👍', 3],
		['a zero-width space, on the cell it follows', 'ab\u200Bc', 1],
		['a mark after a style change, on the cell before', `e${esc}1m\u0301${esc}22m`, 0],
	])('marks the first unsure column with %s', (_name, line, expected) => {
		expect(parseRow(line)?.firstUncertain).toBe(expected);
	});

	it.each([
		['an OSC hyperlink', '\u001B]8;;https://example.com\u0007docs\u001B]8;;\u0007'],
		['a cursor move', `a${esc}5Cb`],
		['a tab', 'a\tb'],
		['a style left open at the end', `${esc}44mband`],
		['a zero-width character with no cell before it', '\u200Babc'],
	])('cannot read a row with %s', (_name, line) => {
		expect(parseRow(line)).toBeUndefined();
	});

	it('keeps where each character’s bytes lie, to copy runs of the row', () => {
		const line = `a${esc}1mb${esc}22mc`;
		const cells = parseRow(line)?.cells ?? [];
		expect(cells.map((cell) => line.slice(cell.from, cell.to))).toEqual(['a', 'b', 'c']);
		expect(cells.map((cell) => cell.styleAfter)).toEqual(['', '1', '']);
	});
});
