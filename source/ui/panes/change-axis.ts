// Marks when changes happened on a sparkline's time axis, so "it started right after that
// RevokeSecurityGroupIngress" can be read straight off the screen. The columns are the
// sparklines' own (whole periods: time-axis.ts), so a mark sits above the minute it happened in.
import {type AxisWindow, cellOf, timeAxis} from './time-axis.js';

/** A `width`-cell axis over the window with `mark` in each cell that holds a change. */
export function changeAxis(
	times: readonly number[],
	window: AxisWindow,
	width: number,
	mark: string,
	periodMs: number,
): string {
	const axis = timeAxis(window, periodMs, width);
	const cells = Array.from({length: Math.max(0, Math.floor(width))}, () => ' ');
	for (const time of times) {
		if (time < window.start || time >= window.end) {
			continue;
		}

		const cell = cellOf(axis, time);
		if (cell !== undefined) {
			cells[axis.pad + cell] = mark;
		}
	}

	return cells.join('');
}
