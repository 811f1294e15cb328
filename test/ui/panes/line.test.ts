import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {sanitizeText} from '../../../source/domain/sanitize.js';
import {
	fitLine,
	fitLineExactly,
	highlight,
	joinParts,
	type Line,
	line,
	lineText,
	lineWidth,
	safeText,
	seg,
	wrapLine,
} from '../../../source/ui/panes/line.js';
import {cellWidth} from '../../../source/ui/panes/text-width.js';
import {hostile} from './fixture.js';

describe('seg', () => {
	it.each([
		[hostile.csi, 'evilred'],
		[hostile.osc52, 'copyme'],
		[hostile.newline, 'line1 line2 line3'],
		[hostile.bidi, 'abc\uFFFDgnp.exe'],
	])('sanitizes %j to %j', (text, expected) => {
		expect(seg(text).text).toBe(expected);
	});

	it('keeps the tone only when given', () => {
		expect(seg('a')).toEqual({text: 'a'});
		expect(seg('a', 'red')).toEqual({text: 'a', tone: 'red'});
	});
});

describe('safeText', () => {
	it.each(Object.entries(hostile))('cleans %s exactly as sanitizeText does', (_name, text) => {
		expect(safeText(text, 1000)).toBe(sanitizeText(text, 1000));
	});

	it('agrees with sanitizeText on any text', () => {
		fc.assert(
			fc.property(
				fc.oneof(fc.string({unit: 'binary', maxLength: 80}), fc.string({maxLength: 80})),
				fc.integer({min: 1, max: 60}),
				(text, limit) => {
					expect(safeText(text, limit)).toBe(sanitizeText(text, limit));
				},
			),
		);
	});
});

describe('fitLine', () => {
	const value: Line = [seg('ACC', 'green'), seg(' '), seg('REJ', 'red')];

	it.each([
		[10, 'ACC REJ'],
		[7, 'ACC REJ'],
		[6, 'ACC R…'],
		[4, 'ACC '],
		[3, 'ACC'],
		[2, 'A…'],
		[0, ''],
	])('cuts to %i cells: %j', (width, expected) => {
		const fitted = fitLine(value, width, '…');
		expect(lineText(fitted)).toBe(expected);
		expect(lineWidth(fitted)).toBeLessThanOrEqual(width);
	});

	it('keeps each segment its tone', () => {
		expect(fitLine(value, 6, '…')).toEqual([
			{text: 'ACC', tone: 'green'},
			{text: ' '},
			{text: 'R…', tone: 'red'},
		]);
	});

	it('sanitizes segments built without seg', () => {
		expect(lineText(fitLine([{text: hostile.osc52}], 40, '…'))).toBe('copyme');
	});
});

describe('fitLineExactly', () => {
	it.each([
		['left', 'ab   '],
		['right', '   ab'],
	] as const)('pads %s', (align, expected) => {
		expect(lineText(fitLineExactly(line('ab'), 5, '…', align))).toBe(expected);
	});
});

describe('highlight', () => {
	it('spans the whole width in inverse video', () => {
		const lit = highlight(line('row'), 6, '…');
		expect(lineWidth(lit)).toBe(6);
		expect(lit.every((segment) => segment.inverse === true)).toBe(true);
	});
});

describe('joinParts', () => {
	const parts = [
		{line: line('flows through 13:42:10Z'), priority: 0},
		{line: line('lag 4m50s'), priority: 1},
		{line: line('aggregation 60 s'), priority: 3},
		{line: line('sample of 2000 of 48.2k records'), priority: 2},
	];
	const separator = line(' · ');

	it.each([
		[
			200,
			'flows through 13:42:10Z · lag 4m50s · aggregation 60 s · sample of 2000 of 48.2k records',
		],
		[70, 'flows through 13:42:10Z · lag 4m50s · sample of 2000 of 48.2k records'],
		[40, 'flows through 13:42:10Z · lag 4m50s'],
		[30, 'flows through 13:42:10Z'],
		[10, 'flows through 13:42:10Z'],
	])('at %i cells keeps whole facts, most important first: %j', (width, expected) => {
		expect(lineText(joinParts(parts, width, separator))).toBe(expected);
	});
});

describe('wrapLine', () => {
	it('keeps a line that fits as it is', () => {
		const value = [seg('short', 'red')];
		expect(wrapLine(value, 20)).toEqual([value]);
	});

	it('breaks between words, indents the rest two cells under the text, and keeps styles', () => {
		const rows = wrapLine(
			[seg('  agent ', 'dim'), seg('APN/1.0 HashiCorp/1.0 Terraform/1.7.5')],
			24,
		);
		expect(rows.map(lineText)).toEqual([
			'  agent APN/1.0',
			'    HashiCorp/1.0',
			'    Terraform/1.7.5',
		]);
		expect(rows[0]?.find((segment) => segment.text === 'agent')?.tone).toBe('dim');
		expect(rows[1]?.find((segment) => segment.text === 'HashiCorp/1.0')?.tone).toBeUndefined();
	});

	it('breaks a word longer than a row where the row ends', () => {
		const arn = 'arn:aws:iam::123456789012:role/a-very-long-role-name';
		const rows = wrapLine(line(`role ${arn}`), 20).map(lineText);
		expect(rows.every((row) => cellWidth(row) <= 20)).toBe(true);
		expect(rows.join('').replaceAll(' ', '')).toBe(`role${arn}`);
	});

	it('loses no word and never exceeds the width, for any text', () => {
		const word = fc.stringMatching(/^[a-z0-9:/.-]{1,30}$/);
		fc.assert(
			fc.property(
				fc.array(word, {maxLength: 40}),
				fc.integer({min: 8, max: 120}),
				(words, width) => {
					const rows = wrapLine(line(words.join(' ')), width).map(lineText);
					expect(rows.every((row) => cellWidth(row) <= width)).toBe(true);
					expect(rows.join(' ').split(' ').join('')).toBe(words.join(''));
					// A word is only split when it cannot fit on a row of its own.
					for (const item of words) {
						if (item.length <= width - 2) {
							expect(rows.some((row) => row.split(' ').includes(item))).toBe(true);
						}
					}
				},
			),
		);
	});
});
