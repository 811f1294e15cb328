import {describe, expect, it} from 'vitest';
import {
	cellWidth,
	fitCells,
	truncateCells,
	wrapCells,
} from '../../../source/ui/panes/text-width.js';

describe('cellWidth', () => {
	it.each([
		['', 0],
		['abc', 3],
		['安全', 4],
		['a安b', 4],
		['e\u0301', 1],
		['👍', 2],
		['▁▂▃', 3],
	])('%j takes %i cells', (text, width) => {
		expect(cellWidth(text)).toBe(width);
	});
});

describe('truncateCells', () => {
	it.each([
		['abcdef', 10, 'abcdef'],
		['abcdef', 6, 'abcdef'],
		['abcdef', 5, 'abcd…'],
		['abcdef', 1, '…'],
		['abcdef', 0, ''],
		['安全组规则', 5, '安全…'],
		['安全组规则', 6, '安全…'],
		['安全组规则', 7, '安全组…'],
		['👍👍👍', 4, '👍…'],
	])('%j in %i cells is %j', (text, width, expected) => {
		const cut = truncateCells(text, width, '…');
		expect(cut).toBe(expected);
		expect(cellWidth(cut)).toBeLessThanOrEqual(width);
	});

	it('never splits a grapheme', () => {
		expect(truncateCells('ée\u0301e\u0301e\u0301', 3, '~')).toBe('ée\u0301~');
	});
});

describe('fitCells', () => {
	it.each([
		['ab', 4, 'left', 'ab  '],
		['ab', 4, 'right', '  ab'],
		['abcdef', 4, 'left', 'abc…'],
		['安全组', 5, 'left', '安全…'],
		['安全组', 4, 'right', '安…'.padStart(3)],
	] as const)('%j in %i cells, %s aligned, is %j', (text, width, align, expected) => {
		const fitted = fitCells(text, width, '…', align);
		expect(fitted).toBe(expected);
		expect(cellWidth(fitted)).toBe(width);
	});

	it('cuts a wide character rather than overflowing, and pads the cell it leaves', () => {
		expect(fitCells('安全组', 5, '', 'left')).toBe('安全 ');
	});
});

describe('wrapCells', () => {
	it.each([
		['the quick brown fox', 10, 3, ['the quick', 'brown fox']],
		['the quick brown fox', 19, 3, ['the quick brown fox']],
		['the quick brown fox jumps over', 10, 2, ['the quick', 'brown fox…']],
		['abcdefghijkl', 5, 3, ['abcde', 'fghij', 'kl']],
		['安全组规则变更', 6, 3, ['安全组', '规则变', '更']],
		['', 10, 2, ['']],
		['word', 0, 2, []],
	])('%j at %i cells, %i lines', (text, width, maxLines, expected) => {
		const lines = wrapCells(text, width, maxLines, '…');
		expect(lines).toEqual(expected);
		for (const line of lines) {
			expect(cellWidth(line)).toBeLessThanOrEqual(width);
		}
	});
});
