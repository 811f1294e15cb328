// Sparklines over a time window. A period without a datapoint is drawn as a gap, never as a
// zero: CloudWatch publishes nothing for ELB periods without traffic, and a flat line would claim
// "no traffic" where lbtop actually knows nothing. Time that is still being read (a longer window
// was just asked for) says "loading" instead; time outside the window, or after the newest data
// delivered, is left blank.
// Columns are whole periods of the wall clock (time-axis.ts), so a redraw without new data draws
// the same line.
import type {Glyphs} from './glyphs.js';
import {type AxisWindow, cellOf, cellStart, type TimeAxis, timeAxis} from './time-axis.js';

export type TimedValue = {
	/** Unix ms of the period start. */
	readonly t: number;
	readonly v: number;
};

export type SparkWindow = AxisWindow & {
	/** Length of the period each value covers, ms. */
	readonly periodMs: number;
};

export type SparkOptions = {
	/** Unix ms: the data before it is still being read; those cells say so instead of a gap. */
	readonly loadedFrom?: number;
	/**
	 * Unix ms: the end of the newest data delivered. Later cells are blank, not gaps: what has not
	 * been delivered yet (access logs reach S3 minutes late) is not "nothing published".
	 */
	readonly dataThrough?: number;
};

/** A cell: a value, a gap (no datapoint), blank (outside the window), or not read yet. */
export type SparkCell = number | 'gap' | 'blank' | 'loading';

const loadingWord = 'loading';

/** A run of `count` cells not read yet: the word where it fits, blank otherwise. */
export function loadingCells(count: number): string {
	return count >= loadingWord.length ? loadingWord.padEnd(count, ' ') : ' '.repeat(count);
}

/**
 * One value per drawn cell of `axis`: the largest value whose period overlaps the cell, or
 * undefined where none does. A period wider than a cell fills several cells; several periods in
 * one cell keep their peak, so a short spike survives a narrow pane.
 */
export function bucketize(
	points: readonly TimedValue[],
	axis: TimeAxis,
	periodMs: number,
): Array<number | undefined> {
	const values: Array<number | undefined> = Array.from({length: axis.cells}, () => undefined);
	for (const point of points) {
		if (!Number.isFinite(point.t) || !Number.isFinite(point.v) || point.t < axis.windowFrom) {
			continue;
		}

		const first = cellOf(axis, point.t);
		if (first === undefined) {
			continue;
		}

		const last = cellOf(axis, point.t + Math.max(1, periodMs) - 1) ?? axis.cells - 1;
		for (let cell = first; cell <= last; cell += 1) {
			const held = values[cell];
			values[cell] = held === undefined ? point.v : Math.max(held, point.v);
		}
	}

	return values;
}

export function sparkCells(
	points: readonly TimedValue[],
	window: SparkWindow,
	width: number,
	options: SparkOptions = {},
): SparkCell[] {
	const axis = timeAxis(window, window.periodMs, width);
	const values = bucketize(points, axis, window.periodMs);
	const cells: SparkCell[] = Array.from({length: axis.pad}, () => 'blank');
	for (const [index, value] of values.entries()) {
		const start = cellStart(axis, index);
		if (value !== undefined) {
			cells.push(value);
		} else if (start + axis.cellMs <= axis.windowFrom) {
			cells.push('blank');
		} else if (options.dataThrough !== undefined && start >= options.dataThrough) {
			cells.push('blank');
		} else if (options.loadedFrom !== undefined && start < options.loadedFrom) {
			cells.push('loading');
		} else {
			cells.push('gap');
		}
	}

	return cells;
}

/**
 * Scaled from zero (or the lowest negative value) to the peak, so equal heights mean equal
 * values across redraws; any value above the floor gets at least the second level, so "a
 * little" never looks like "none". A run of cells not read yet reads "loading" where it fits.
 */
export function renderSparkline(cells: readonly SparkCell[], glyphs: Glyphs): string {
	const present = cells.filter((cell): cell is number => typeof cell === 'number');
	const low = Math.min(0, ...present);
	const high = Math.max(low, ...present);
	const top = glyphs.levels.length - 1;
	let drawn = '';
	let loadingRun = 0;
	const endRun = () => {
		drawn += loadingCells(loadingRun);
		loadingRun = 0;
	};

	for (const cell of cells) {
		if (cell === 'loading') {
			loadingRun += 1;
			continue;
		}

		endRun();
		if (cell === 'gap') {
			drawn += glyphs.gap;
		} else if (cell === 'blank') {
			drawn += ' ';
		} else {
			const level =
				cell <= low || high === low
					? 0
					: Math.max(1, Math.round(((cell - low) / (high - low)) * top));
			drawn += glyphs.levels[Math.min(level, top)] ?? glyphs.gap;
		}
	}

	endRun();
	return drawn;
}

export function sparkline(
	points: readonly TimedValue[],
	window: SparkWindow,
	width: number,
	glyphs: Glyphs,
	options: SparkOptions = {},
): string {
	return renderSparkline(sparkCells(points, window, width, options), glyphs);
}
