import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {parseRow} from '../../source/ui/row-cells.js';
import {parsed} from '../../source/ui/row-diff.js';
import {rowHistoryArbitrary} from './styled-rows.js';

describe('the parsed-row memo', () => {
	it('gives for every line what parsing it gives, whatever came before and however often', () => {
		fc.assert(
			fc.property(
				rowHistoryArbitrary,
				fc.array(fc.nat(), {minLength: 1, maxLength: 400}),
				(lines, picks) => {
					// Lines come back after more than two generations of others, and within one.
					const pool = [...lines, ...Array.from({length: 150}, (_, index) => `row ${index}`)];
					for (const pick of picks) {
						const line = pool[pick % pool.length] ?? '';
						expect(parsed(line)).toEqual(parseRow(line));
					}
				},
			),
			{numRuns: 300},
		);
	});
});
