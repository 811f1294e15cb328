import {describe, expect, it} from 'vitest';
import {glyphsFor} from '../../../source/ui/panes/glyphs.js';
import {bucketize, renderSparkline, sparkline} from '../../../source/ui/panes/sparkline.js';

const unicode = glyphsFor(false);
const ascii = glyphsFor(true);
const minute = 60_000;
const window = {start: 0, end: 10 * minute, periodMs: minute};

/** Ten one-minute periods: rising, with no datapoint in minutes 3 and 7. */
const points = [0, 1, 2, 4, 5, 6, 8, 9].map((index) => ({t: index * minute, v: index * 10}));

describe('bucketize', () => {
	it('keeps one value per period when cells and periods match', () => {
		expect(bucketize(points, window, 10)).toEqual([
			0,
			10,
			20,
			undefined,
			40,
			50,
			60,
			undefined,
			80,
			90,
		]);
	});

	it('keeps the peak when periods share a cell', () => {
		expect(bucketize(points, window, 5)).toEqual([10, 20, 50, 60, 90]);
	});

	it('stretches a period over the cells it covers', () => {
		expect(bucketize([{t: 2 * minute, v: 7}], window, 20).slice(3, 7)).toEqual([
			undefined,
			7,
			7,
			undefined,
		]);
	});

	it('ignores points outside the window and values that are not numbers', () => {
		const stray = [
			{t: -5 * minute, v: 1},
			{t: 20 * minute, v: 1},
			{t: minute, v: Number.NaN},
		];
		expect(bucketize(stray, window, 4)).toEqual([undefined, undefined, undefined, undefined]);
	});

	it.each([
		[0, []],
		[-3, []],
	])('has %i cells for a width of %i', (cells, expected) => {
		expect(bucketize(points, window, cells)).toEqual(expected);
	});
});

describe('renderSparkline', () => {
	it.each([
		[[0, 1, 2, 3, 4, 5, 6, 7], '▁▂▃▄▅▆▇█'],
		[[5, 5, 5], '███'],
		[[0, 0, 0], '▁▁▁'],
		[[0, 1, 100], '▁▂█'],
		[[undefined, 3, undefined], '·█·'],
		[[undefined, undefined], '··'],
		[[], ''],
	])('%j draws %j', (values, expected) => {
		expect(renderSparkline(values, unicode)).toBe(expected);
	});

	it('never draws a gap as a zero', () => {
		const drawn = renderSparkline([0, undefined, 0], unicode);
		expect(drawn[1]).not.toBe(drawn[0]);
	});

	it.each([
		[[0, 1, 2, 3, 4], '_.-=#'],
		[[undefined, 4, 0], ' #_'],
	])('in ascii, %j draws %j', (values, expected) => {
		expect(renderSparkline(values, ascii)).toBe(expected);
	});
});

describe('sparkline', () => {
	it.each([
		[4, '▃▄▆█'],
		[10, '▁▂▃·▄▅▆·▇█'],
		[40, '▁▁▁▁▂▂▂▂▃▃▃▃····▄▄▄▄▅▅▅▅▆▆▆▆····▇▇▇▇████'],
	])('is exactly %i cells wide, with the gaps where they are', (width, expected) => {
		expect(sparkline(points, window, width, unicode)).toBe(expected);
	});

	it('is 120 cells wide with each missing minute a 12-cell gap', () => {
		const drawn = sparkline(points, window, 120, unicode);
		expect(drawn).toHaveLength(120);
		expect(drawn.slice(36, 48)).toBe('·'.repeat(12));
		expect(drawn.slice(84, 96)).toBe('·'.repeat(12));
		expect(drawn.slice(0, 12)).toBe('▁'.repeat(12));
		expect(drawn.slice(108)).toBe('█'.repeat(12));
	});

	it('is all gaps without datapoints', () => {
		expect(sparkline([], window, 6, ascii)).toBe('      ');
	});
});
