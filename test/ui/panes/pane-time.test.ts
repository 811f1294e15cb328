// A pane keeps what it drew until its text could read differently: every age and lag it shows must
// be kept exactly until the first tick at which it would change, never past it.
import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {formatLagDuration} from '../../../source/domain/duration.js';
import {
	formatDurationCoarse,
	formatDurationFine,
	formatElapsedAgo,
} from '../../../source/ui/panes/format-cells.js';
import {paneContext, paneTime, withSelected} from '../../../source/ui/panes/pane-context.js';
import {longestKeptMs, PaneTime} from '../../../source/ui/panes/pane-time.js';

const formats = {
	coarse: formatDurationCoarse,
	fine: formatDurationFine,
	ago: formatElapsedAgo,
	lag: formatLagDuration,
} as const;

const start = Date.UTC(2025, 5, 3, 13, 0, 0);
const now = fc.integer({min: start, max: start + 86_400_000});
// Ages from the near future (clock skew) to two days, where every unit of every format shows.
const elapsed = fc.integer({min: -5000, max: 2 * 86_400_000});

describe('PaneTime.elapsed', () => {
	it.each(Object.entries(formats))(
		'keeps %s text exactly until it changes, and never past a quarter hour',
		(_name, format) => {
			fc.assert(
				fc.property(now, elapsed, (at, age) => {
					const time = new PaneTime(at);
					const since = at - age;
					const text = time.elapsed(since, format);
					expect(text).toBe(format(age));
					expect(time.until).toBeGreaterThan(at);
					expect(time.until - at).toBeLessThanOrEqual(longestKeptMs);
					// The text can only change where the elapsed time reaches a whole second.
					const firstSecond = 1000 - (((age % 1000) + 1000) % 1000);
					let changedEarlier: number | undefined;
					for (let offset = firstSecond; at + offset < time.until; offset += 1000) {
						if (changedEarlier === undefined && format(age + offset) !== text) {
							changedEarlier = offset;
						}
					}
					expect(changedEarlier).toBeUndefined();
					const quarterHour = Math.floor(at / longestKeptMs) * longestKeptMs + longestKeptMs;
					if (time.until < quarterHour) {
						expect(format(age + time.until - at)).not.toBe(text);
					}
				}),
				{numRuns: 200},
			);
		},
	);

	it('keeps the earliest of the texts it followed', () => {
		const time = new PaneTime(start);
		time.elapsed(start - 10 * 60_000, formatDurationCoarse);
		expect(time.until).toBe(start + 60_000);
		time.elapsed(start - 12_500, formatDurationCoarse);
		expect(time.until).toBe(start + 500);
	});

	it('keeps nothing past the next tick once the time was read directly', () => {
		const time = new PaneTime(start);
		time.elapsed(start - 10 * 60_000, formatDurationCoarse);
		time.anyTick();
		expect(time.until).toBe(start + 1);
	});
});

describe('a pane context', () => {
	const base = {
		width: 80,
		height: 10,
		focused: true,
		selected: 0,
		timeZone: 'utc',
		ascii: false,
	} as const;

	it('holds for a quarter hour at most while the clock is not read', () => {
		const context = paneContext({...base, now: start + 1000});
		expect(paneTime(context).until).toBe(start + longestKeptMs);
	});

	it('holds for one tick once its now is read, also through a copy', () => {
		const read = paneContext({...base, now: start});
		expect(read.now).toBe(start);
		expect(paneTime(read).until).toBe(start + 1);

		const copied = paneContext({...base, now: start});
		const copy = {...copied, height: 3};
		expect(copy.now).toBe(start);
		expect(paneTime(copied).until).toBe(start + 1);
	});

	it('follows the same time with the cursor on another row', () => {
		const context = paneContext({...base, now: start});
		const moved = withSelected(context, 4);
		expect(moved.selected).toBe(4);
		paneTime(moved).elapsed(start - 30_000, formatDurationCoarse);
		expect(paneTime(context).until).toBe(start + 1000);
	});
});
