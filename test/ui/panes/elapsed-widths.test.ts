// A column as wide as its widest age keeps its width while the ages under it turn: the widest is
// kept exactly as long as it holds at every second, whichever ages turn in between.
import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {formatLagDuration} from '../../../source/domain/duration.js';
import {widestElapsed} from '../../../source/ui/panes/elapsed-widths.js';
import {formatDurationCoarse, formatElapsedAgo} from '../../../source/ui/panes/format-cells.js';
import {longestKeptMs, PaneTime} from '../../../source/ui/panes/pane-time.js';
import {cellWidth} from '../../../source/ui/panes/text-width.js';

const formats = {coarse: formatDurationCoarse, ago: formatElapsedAgo, lag: formatLagDuration};
const start = Date.UTC(2025, 5, 3, 13, 0, 0);

const widestAt = (at: number, sinces: readonly number[], format: (ms: number) => string) =>
	Math.max(0, ...sinces.map((since) => cellWidth(format(at - since))));

describe('widestElapsed', () => {
	it.each(Object.entries(formats))(
		'keeps the widest %s text as long as it holds at every tick, and no longer',
		(_name, format) => {
			fc.assert(
				fc.property(
					fc.integer({min: start, max: start + 3_600_000}),
					// Up to two hours old, a few in the near future (clock skew).
					fc.array(fc.integer({min: -3000, max: 2 * 3_600_000}), {minLength: 1, maxLength: 20}),
					(now, ages) => {
						const sinces = ages.map((age) => now - age);
						const until = Math.floor(now / longestKeptMs) * longestKeptMs + longestKeptMs;
						const found = widestElapsed(now, until, sinces, format);
						expect(found.widest).toBe(widestAt(now, sinces, format));
						expect(found.until).toBeGreaterThan(now);
						expect(found.until).toBeLessThanOrEqual(until);
						// Ticks land anywhere within their second: check each millisecond offset class.
						for (let at = now; at < found.until; at += 1000) {
							expect(widestAt(at, sinces, format)).toBe(found.widest);
						}
						// Ended early only because the widest differs then (or an age in the future
						// is not tabled and holds one tick).
						if (found.until < until && ages.every((age) => age >= 0)) {
							expect(widestAt(found.until, sinces, format)).not.toBe(found.widest);
						}
					},
				),
				{numRuns: 60},
			);
		},
	);

	it('keeps a column of ages turning at every second for as long as its width holds', () => {
		// 600 ages, one per second, 2 to 12 minutes old: some age turns at every tick.
		const now = start + 30_500;
		const sinces = Array.from({length: 600}, (_, index) => now - 120_000 - index * 1000);
		const time = new PaneTime(now);
		expect(time.widestElapsed(sinces, formatDurationCoarse)).toBe(3);
		// Some age reads 10m or more (three cells) all through: the column holds to the quarter hour.
		expect(time.until).toBe(start + longestKeptMs);
	});
});
