// The frontends a unit from the LB's own address may join are found by binary search over start
// times. The windows are plain data made once per interface (a closure made per refresh loses its
// optimized code at each full collection); this pins them to the closure they replaced.
import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import type {Span} from '../../../source/domain/flows/pairing-score.js';
import {inWindow, timeWindows} from '../../../source/domain/flows/time-windows.js';

type Spanned = {readonly leg: Span};

/** The closure-based lookup as it was before the windows became data. */
function closureWindows(
	frontends: readonly Spanned[],
	positions: readonly number[],
	slackSeconds: number,
): (span: Span) => readonly number[] {
	const startOf = (position: number) => frontends[position]?.leg.start ?? 0;
	const sorted = [...positions].sort((left, right) => startOf(left) - startOf(right));
	const longest = sorted.reduce((most, position) => {
		const leg = frontends[position]?.leg;
		return leg === undefined ? most : Math.max(most, leg.end - leg.start);
	}, 0);
	const firstStartingAt = (time: number) => {
		let low = 0;
		let high = sorted.length;
		while (low < high) {
			const middle = (low + high) >>> 1;
			if (startOf(sorted[middle] ?? -1) < time) {
				low = middle + 1;
			} else {
				high = middle;
			}
		}

		return low;
	};

	return (span) =>
		sorted.slice(
			firstStartingAt(span.start - slackSeconds - longest),
			firstStartingAt(span.end + slackSeconds + 1),
		);
}

const time = fc.integer({min: 1_700_000_000, max: 1_700_000_400});
const span = fc.tuple(time, fc.integer({min: 0, max: 300})).map(([start, length]) => ({
	start,
	end: start + length,
}));

describe('timeWindows and inWindow', () => {
	it('find the same frontends, in the same order, as the closure they replaced', () => {
		fc.assert(
			fc.property(
				fc.array(
					span.map((leg) => ({leg})),
					{maxLength: 40},
				),
				fc.array(fc.nat({max: 45})),
				fc.array(span, {minLength: 1, maxLength: 8}),
				fc.integer({min: 0, max: 120}),
				(frontends, picked, spans, slackSeconds) => {
					// Positions as the matching makes them: ascending, within the list (and a few beyond it).
					const positions = [...new Set(picked)].sort((left, right) => left - right);
					const expected = closureWindows(frontends, positions, slackSeconds);
					const windows = timeWindows(frontends, positions);
					for (const unitSpan of spans) {
						expect([...inWindow(windows, unitSpan, slackSeconds)]).toEqual(expected(unitSpan));
					}
				},
			),
			{numRuns: 300},
		);
	});
});
