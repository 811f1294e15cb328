import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {countText, plural} from '../../../source/domain/findings/format.js';

describe('countText', () => {
	it.each([
		[0, '0'],
		[7, '7'],
		[999, '999'],
		[1000, '1,000'],
		[12_345.4, '12,345'],
		[1_234_567, '1,234,567'],
		[-1234.6, '-1,235'],
		[-0, '-0'],
		[Number.MAX_SAFE_INTEGER, '9,007,199,254,740,991'],
	])('%d reads %s', (value, text) => {
		expect(countText(value)).toBe(text);
	});

	it('reads every number as en-US number formatting reads it rounded', () => {
		fc.assert(
			fc.property(
				fc.oneof(
					fc.double(),
					fc.integer({min: -1e7, max: 1e7}),
					fc.double({min: -1e16, max: 1e16}),
					fc.constantFrom(-0, 0.5, -0.5, 2 ** 53, -(2 ** 53), 1e21, Number.NaN, Infinity),
				),
				(value) => {
					expect(countText(value)).toBe(Math.round(value).toLocaleString('en-US'));
				},
			),
			{numRuns: 5000},
		);
	});

	it('counts in plurals', () => {
		expect(plural(1, 'flow')).toBe('1 flow');
		expect(plural(12_000, 'flow')).toBe('12,000 flows');
	});
});
