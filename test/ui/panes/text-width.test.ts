import fc from 'fast-check';
import stringWidth from 'string-width';
import {describe, expect, it} from 'vitest';
import {sanitizeText} from '../../../source/domain/sanitize.js';
import {
	asciiOnly,
	cellWidth,
	fitCells,
	fitsCells,
	isNarrowText,
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
		// One cluster string-width counts as three cells, in a pane one cell wide: cut, not spilled.
		['\u{1D158}\u{1D165}\u{1D16E}', 1, 1, ['…']],
	])('%j at %i cells, %i lines', (text, width, maxLines, expected) => {
		const lines = wrapCells(text, width, maxLines, '…');
		expect(lines).toEqual(expected);
		for (const line of lines) {
			expect(cellWidth(line)).toBeLessThanOrEqual(width);
		}
	});
});

describe('narrow text', () => {
	it.each([
		['plain ascii', true],
		['… · ▁▂▃▄▅▆▇█ │ ─ ▼ → é ß', true],
		['安', false],
		['e\u0301', false],
		['👍', false],
		['\u00AD', false],
		['\u25FD', false],
		['\u200B', false],
		['\u001b', false],
	])('%j is narrow: %s', (text, narrow) => {
		expect(isNarrowText(text)).toBe(narrow);
	});

	it('is one cell a character, as Ink measures it, and never joins a neighbour', () => {
		const graphemes = new Intl.Segmenter();
		const wrong: string[] = [];
		for (let code = 0; code <= 0xffff; code += 1) {
			const character = String.fromCharCode(code);
			if (!isNarrowText(character)) {
				continue;
			}

			const joined = `a${character}${character}a`;
			if (stringWidth(character) !== 1 || [...graphemes.segment(joined)].length !== 4) {
				wrong.push(code.toString(16));
			}
		}

		expect(wrong).toEqual([]);
	});
});

// The cuts made one grapheme at a time, measured by string-width: what the shortcuts for narrow
// text must agree with.
const graphemes = new Intl.Segmenter();

function referenceTruncate(text: string, width: number, ellipsis: string): string {
	if (width <= 0) {
		return '';
	}

	const mark = stringWidth(ellipsis) <= width ? ellipsis : '';
	let kept = '';
	for (const {segment} of graphemes.segment(text)) {
		if (stringWidth(kept + segment) > width) {
			let cut = '';
			for (const {segment: head} of graphemes.segment(kept)) {
				if (stringWidth(cut + head + mark) > width) {
					break;
				}

				cut += head;
			}

			return cut + mark;
		}

		kept += segment;
	}

	return kept;
}

/** Greedy word wrap, re-measuring the whole line for every word. */
function referenceWrap(text: string, width: number, maxLines: number, ellipsis: string): string[] {
	const lines: string[] = [];
	let current = '';
	for (const word of text.split(' ').filter((part) => part.length > 0)) {
		if (lines.length > maxLines) {
			break;
		}

		const joined = current.length === 0 ? word : `${current} ${word}`;
		if (stringWidth(joined) <= width) {
			current = joined;
			continue;
		}

		if (current.length > 0) {
			lines.push(current);
		}

		current = word;
		while (lines.length <= maxLines && stringWidth(current) > width) {
			const [first = ''] = [...graphemes.segment(current)].map((entry) => entry.segment);
			const head = referenceTruncate(current, width, '') || first;
			lines.push(head);
			current = current.slice(head.length);
		}
	}

	if (current.length > 0 || lines.length === 0) {
		lines.push(current);
	}

	if (lines.length <= maxLines) {
		return lines;
	}

	const kept = lines.slice(0, maxLines);
	const room = Math.max(0, width - stringWidth(ellipsis));
	kept[maxLines - 1] = referenceTruncate(kept[maxLines - 1] ?? '', room, '') + ellipsis;
	return kept;
}

const mixedText = fc
	.array(fc.constantFrom('a', 'bc', ' ', '  ', '…', '▁▇', '│', '安', 'e\u0301', '👍', '·'), {
		maxLength: 40,
	})
	.map((parts) => parts.join(''));

describe('cutting and wrapping agree with measuring grapheme by grapheme', () => {
	it('truncateCells and fitsCells', () => {
		fc.assert(
			fc.property(mixedText, fc.integer({min: 0, max: 30}), (text, width) => {
				expect(truncateCells(text, width, '…')).toBe(referenceTruncate(text, width, '…'));
				expect(fitsCells(text, width)).toBe(stringWidth(text) <= width);
			}),
		);
	});

	it('wrapCells', () => {
		fc.assert(
			fc.property(
				mixedText,
				fc.integer({min: 1, max: 30}),
				fc.integer({min: 1, max: 4}),
				(text, width, maxLines) => {
					expect(wrapCells(text, width, maxLines, '…')).toEqual(
						referenceWrap(text, width, maxLines, '…'),
					);
				},
			),
		);
	});
});

describe('asciiOnly', () => {
	it.each([
		['plain text', 'plain text'],
		['a · b … c → d ⇒ e', 'a | b ~ c > d > e'],
		[
			'no flow log of this load balancer’s interfaces',
			"no flow log of this load balancer's interfaces",
		],
		['安全组', '??????'],
		['Jose\u0301 Mu\u00F1oz', 'Jose Munoz'],
		['▁▂▃█', '???#'],
	])('%j reads %j', (text, expected) => {
		expect(asciiOnly(text)).toBe(expected);
	});

	it('keeps every cell: what was laid out for the width still fits it', () => {
		fc.assert(
			fc.property(fc.string({unit: 'grapheme', maxLength: 60}), (text) => {
				const clean = sanitizeText(text);
				const folded = asciiOnly(clean);
				expect(folded).toMatch(/^[\x20-\x7E]*$/);
				expect(folded.length).toBe(cellWidth(clean));
			}),
		);
	});
});
