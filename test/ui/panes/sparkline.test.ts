import {describe, expect, it} from 'vitest';
import {glyphsFor} from '../../../source/ui/panes/glyphs.js';
import {
	bucketize,
	renderSparkline,
	sparkCells,
	sparkline,
} from '../../../source/ui/panes/sparkline.js';
import {timeAxis} from '../../../source/ui/panes/time-axis.js';

const unicode = glyphsFor(false);
const ascii = glyphsFor(true);
const minute = 60_000;
/** Ten minutes: ten whole periods on the axis (the one in progress at 10:00 is left out). */
const window = {start: 0, end: 10 * minute, periodMs: minute};

/** Ten one-minute periods: rising, with no datapoint in minutes 3 and 7. */
const points = [0, 1, 2, 4, 5, 6, 8, 9].map((index) => ({t: index * minute, v: index * 10}));

describe('bucketize', () => {
	it('keeps one value per period when there is a cell per period', () => {
		expect(bucketize(points, timeAxis(window, minute, 10), minute)).toEqual([
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

	it('keeps the peak when periods share a cell, grouped at whole multiples of the group', () => {
		// Three minutes a cell, the groups starting at multiples of three minutes: the first cell
		// (-3:00 to 0:00) is before the window.
		expect(sparkCells(points, window, 5)).toEqual(['blank', 20, 50, 80, 90]);
	});

	it('stretches a period over the same number of cells as every other', () => {
		expect(bucketize([{t: 2 * minute, v: 7}], timeAxis(window, minute, 20), minute)).toEqual([
			...Array.from({length: 4}, () => undefined),
			7,
			7,
			...Array.from({length: 14}, () => undefined),
		]);
	});

	it('ignores points outside the window and values that are not numbers', () => {
		const stray = [
			{t: -5 * minute, v: 1},
			{t: 20 * minute, v: 1},
			{t: minute, v: Number.NaN},
		];
		expect(sparkCells(stray, window, 10)).toEqual(Array.from({length: 10}, () => 'gap'));
	});

	it.each([0, -3])('has no cells for a width of %i', (width) => {
		expect(sparkCells(points, window, width)).toEqual([]);
	});
});

describe('renderSparkline', () => {
	it.each([
		[[0, 1, 2, 3, 4, 5, 6, 7], '▁▂▃▄▅▆▇█'],
		[[5, 5, 5], '███'],
		[[0, 0, 0], '▁▁▁'],
		[[0, 1, 100], '▁▂█'],
		[['gap', 3, 'gap'], '·█·'],
		[['gap', 'gap'], '··'],
		[['blank', 3], ' █'],
		[[], ''],
	] as const)('%j draws %j', (cells, expected) => {
		expect(renderSparkline(cells, unicode)).toBe(expected);
	});

	it('never draws a gap as a zero', () => {
		const drawn = renderSparkline([0, 'gap', 0], unicode);
		expect(drawn[1]).not.toBe(drawn[0]);
	});

	it('says "loading" over time still being read, and never draws it as a gap', () => {
		expect(
			renderSparkline([...Array.from({length: 9}, () => 'loading' as const), 4], unicode),
		).toBe('loading  █');
		expect(renderSparkline(['loading', 'loading', 4], unicode)).toBe('  █');
	});

	it.each([
		[[0, 1, 2, 3, 4], '_.-=#'],
		[['gap', 4, 0], ' #_'],
	] as const)('in ascii, %j draws %j', (cells, expected) => {
		expect(renderSparkline(cells, ascii)).toBe(expected);
	});
});

describe('sparkline', () => {
	it.each([
		[5, ' ▃▅▇█'],
		[10, '▁▂▃·▄▅▆·▇█'],
		[40, '▁▁▁▁▂▂▂▂▃▃▃▃····▄▄▄▄▅▅▅▅▆▆▆▆····▇▇▇▇████'],
	])('is exactly %i cells wide, with the gaps where they are', (width, expected) => {
		expect(sparkline(points, window, width, unicode)).toBe(expected);
	});

	it('is 125 cells wide: twelve cells a minute, the five left over blank on the left', () => {
		const drawn = sparkline(points, window, 125, unicode);
		expect(drawn).toHaveLength(125);
		expect(drawn.slice(0, 5)).toBe(' '.repeat(5));
		expect(drawn.slice(5, 17)).toBe('▁'.repeat(12));
		expect(drawn.slice(41, 53)).toBe('·'.repeat(12));
		expect(drawn.slice(113)).toBe('█'.repeat(12));
	});

	it('is all gaps without datapoints', () => {
		expect(sparkline([], window, 10, ascii)).toBe(' '.repeat(10));
		expect(sparkline([], window, 10, unicode)).toBe('·'.repeat(10));
	});

	it('leaves the time after the data delivered so far blank: not delivered is not "nothing"', () => {
		// Access logs reach S3 minutes late: minutes 8 and 9 are not in any file read yet.
		const drawn = sparkline(points.slice(0, 6), window, 10, unicode, {dataThrough: 8 * minute});
		expect(drawn).toBe('▁▂▃·▆▇█·  ');
	});

	it('says loading before the time read so far', () => {
		const drawn = sparkline(points.slice(-2), window, 10, unicode, {loadedFrom: 8 * minute});
		expect(drawn).toBe('loading ▇█');
	});
});
