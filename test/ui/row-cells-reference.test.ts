// Rows are read into arrays instead of an object per cell; these properties read any row, and diff
// any pair of rows, both ways and ask for the same cells and the same bytes.
import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {parseRow} from '../../source/ui/row-cells.js';
import {rowDelta} from '../../source/ui/row-diff.js';
import {parseRow as parseRowObjects} from './reference/row-cells-objects.js';
import {rowDelta as rowDeltaObjects} from './reference/row-diff-objects.js';
import {rowHistoryArbitrary, rowPairArbitrary} from './styled-rows.js';

// Pieces of rows a reader must refuse or handle with care, besides the styled rows.
const piece = fc.constantFrom(
	'a',
	' ',
	'─',
	'·',
	'©',
	'漢',
	'👍',
	'👎',
	'e',
	'\u200D',
	'🇩🇪',
	'👨\u200D👩\u200D👧',
	'\u26A0\uFE0F',
	'e\u0301',
	'\u0301',
	'\u200B',
	'\t',
	'\u001B[1m',
	'\u001B[22m',
	'\u001B[31m',
	'\u001B[39m',
	'\u001B[44m',
	'\u001B[49m',
	'\u001B[0m',
	'\u001B[21m',
	'\u001B[38;5;208m',
	'\u001B[5C',
	'\u001B]8;;https://example.com\u0007',
);
// A row of pieces and the same row with one piece swapped: characters alike but for a mark, a
// low surrogate or a joined part, in the same column.
const swappedPair = fc
	.record({
		pieces: fc.array(piece, {minLength: 1, maxLength: 20}),
		at: fc.nat(),
		swap: piece,
	})
	.map(({pieces, at, swap}) => {
		const next = [...pieces];
		next[at % pieces.length] = swap;
		return [pieces.join(''), next.join('')] as const;
	});
const anyRow = fc.oneof(
	fc.array(piece, {maxLength: 30}).map((pieces) => pieces.join('')),
	rowPairArbitrary.map(([row]) => row),
);

describe('rows read into arrays', () => {
	it('gives every row the cells an object per cell gave', () => {
		fc.assert(
			fc.property(anyRow, (line) => {
				const row = parseRow(line);
				const reference = parseRowObjects(line);
				expect(row?.cells).toEqual(reference?.cells);
				expect(row?.firstUncertain).toEqual(reference?.firstUncertain);
				expect(row?.length).toEqual(reference?.cells.length);
			}),
			{numRuns: 2000},
		);
	});

	it('diffs any two rows into the bytes it sent before', () => {
		fc.assert(
			fc.property(
				fc.oneof(rowPairArbitrary, swappedPair, fc.tuple(anyRow, anyRow)),
				fc.integer({min: 1, max: 50}),
				([previous, next], row) => {
					expect(rowDelta(row, previous, next)).toBe(rowDeltaObjects(row, previous, next));
					expect(rowDelta(row, undefined, next)).toBe(rowDeltaObjects(row, undefined, next));
				},
			),
			{numRuns: 2000},
		);
	});

	it('diffs successive versions of a row into the bytes it sent before', () => {
		fc.assert(
			fc.property(rowHistoryArbitrary, (versions) => {
				for (let index = 1; index < versions.length; index++) {
					expect(rowDelta(3, versions[index - 1], versions[index] ?? '')).toBe(
						rowDeltaObjects(3, versions[index - 1], versions[index] ?? ''),
					);
				}
			}),
			{numRuns: 500},
		);
	});
});
