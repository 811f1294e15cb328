// Marks when changes happened on a sparkline's time axis, so "it started right after that
// RevokeSecurityGroupIngress" can be read straight off the screen. The columns are the
// sparklines' own (whole periods: time-axis.ts), so a mark sits above the minute it happened in.
import {loadingCells} from './sparkline.js';
import {type AxisWindow, cellOf, cellStart, timeAxis} from './time-axis.js';

/**
 * A `width`-cell axis over the window with `mark` in each cell that holds a change; the cells
 * before `loadedFrom` (CloudTrail not read back that far yet) say "loading" where no mark is.
 */
export function changeAxis(
	times: readonly number[],
	window: AxisWindow,
	width: number,
	mark: string,
	periodMs: number,
	loadedFrom?: number,
): string {
	const axis = timeAxis(window, periodMs, width);
	const cells: Array<string | undefined> = Array.from(
		{length: Math.max(0, Math.floor(width))},
		() => ' ',
	);
	if (loadedFrom !== undefined) {
		for (let index = 0; index < axis.cells; index += 1) {
			if (cellStart(axis, index) < loadedFrom) {
				cells[axis.pad + index] = undefined;
			}
		}
	}

	for (const time of times) {
		if (time < window.start || time >= window.end) {
			continue;
		}

		const cell = cellOf(axis, time);
		if (cell !== undefined) {
			cells[axis.pad + cell] = mark;
		}
	}

	let drawn = '';
	let loading = 0;
	for (const cell of [...cells, ' ']) {
		if (cell === undefined) {
			loading += 1;
			continue;
		}

		drawn += loadingCells(loading) + cell;
		loading = 0;
	}

	return drawn.slice(0, -1);
}
