// A sparkline's columns are whole periods on the wall clock: while no period boundary passes and no
// datapoint arrives, redrawing as the window slides (every refresh moves its end) changes nothing.
import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {changeAxis} from '../../../source/ui/panes/change-axis.js';
import {glyphsFor} from '../../../source/ui/panes/glyphs.js';
import {sparkline} from '../../../source/ui/panes/sparkline.js';

const unicode = glyphsFor(false);
const minute = 60_000;
const base = Date.UTC(2025, 2, 14, 13, 0);

/** Datapoints at whole minutes, with gaps, over the two hours before `base` + 1 h. */
const points = fc
	.array(fc.option(fc.integer({min: 0, max: 500}), {nil: undefined}), {
		minLength: 120,
		maxLength: 120,
	})
	.map((values) =>
		values.flatMap((v, index) =>
			v === undefined ? [] : [{t: base - minute * 60 + index * minute, v}],
		),
	);

const draw = (
	data: ReadonlyArray<{t: number; v: number}>,
	end: number,
	windowMs: number,
	width: number,
) => sparkline(data, {start: end - windowMs, end, periodMs: minute}, width, unicode);

describe('a sparkline as the window slides', () => {
	it('draws the same cells at every moment of one minute', () => {
		fc.assert(
			fc.property(
				points,
				fc.integer({min: 0, max: 59}),
				fc.integer({min: 0, max: 59_999}),
				fc.integer({min: 0, max: 59_999}),
				fc.constantFrom(5, 15, 60),
				fc.integer({min: 12, max: 160}),
				(data, minuteIndex, first, second, windowMinutes, width) => {
					const start = base + minuteIndex * minute;
					const windowMs = windowMinutes * minute;
					expect(draw(data, start + second, windowMs, width)).toBe(
						draw(data, start + first, windowMs, width),
					);
				},
			),
		);
	});

	it('moves by whole cells when a minute passes: what was drawn keeps its shape', () => {
		fc.assert(
			fc.property(
				points,
				fc.integer({min: 0, max: 59}),
				fc.integer({min: 40, max: 160}),
				(data, minuteIndex, width) => {
					const end = base + minuteIndex * minute + 10_000;
					const before = draw(data, end, 15 * minute, width);
					const after = draw(data, end + minute, 15 * minute, width);
					// Fifteen whole minutes in at most 160 cells: each minute has the same whole number of
					// cells, and the newest fourteen move one minute left.
					const cells = Math.floor(width / 15);
					const keptBefore = before.slice(width - 14 * cells, width);
					const keptAfter = after.slice(width - 15 * cells, width - cells);
					// Same values, maybe scaled differently: compare where the gaps are.
					expect([...keptAfter].map((cell) => cell === '·')).toEqual(
						[...keptBefore].map((cell) => cell === '·'),
					);
				},
			),
		);
	});

	it('marks a change in the same column at every moment of one minute', () => {
		fc.assert(
			fc.property(
				fc.integer({min: 0, max: 59}),
				fc.integer({min: 0, max: 59_999}),
				fc.integer({min: 0, max: 59_999}),
				fc.integer({min: 0, max: 14 * minute}),
				fc.integer({min: 12, max: 160}),
				(minuteIndex, first, second, ago, width) => {
					const start = base + minuteIndex * minute;
					const axis = (end: number) =>
						changeAxis([start - ago], {start: end - 15 * minute, end}, width, 'v', minute);
					expect(axis(start + second)).toBe(axis(start + first));
				},
			),
		);
	});

	it('puts a change in the column of its minute', () => {
		const end = base + 10_000;
		const data = [{t: base - 5 * minute, v: 7}];
		const width = 32;
		const drawn = draw(data, end, 15 * minute, width);
		const marks = changeAxis(
			[base - 5 * minute + 30_000],
			{start: end - 15 * minute, end},
			width,
			'v',
			minute,
		);
		// Two cells a minute: the mark is in one of the two that draw the minute's datapoint.
		const first = drawn.search(/[▁-█]/);
		expect(drawn.slice(first, first + 2)).toBe('██');
		expect([first, first + 1]).toContain(marks.indexOf('v'));
	});
});
