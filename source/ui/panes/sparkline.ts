// Sparklines over a time window. A period without a datapoint is drawn as a gap, never as a
// zero: CloudWatch publishes nothing for ELB periods without traffic, and a flat line would claim
// "no traffic" where lbtop actually knows nothing.
import type {Glyphs} from './glyphs.js';

export type TimedValue = {
	/** Unix ms of the period start. */
	readonly t: number;
	readonly v: number;
};

export type SparkWindow = {
	readonly start: number;
	readonly end: number;
	/** Length of the period each value covers, ms. */
	readonly periodMs: number;
};

/**
 * One value per cell across the window: the largest value whose period overlaps the cell, or
 * undefined where none does. A period wider than a cell fills several cells; several periods in
 * one cell keep their peak, so a short spike survives a narrow pane.
 */
export function bucketize(
	points: readonly TimedValue[],
	window: SparkWindow,
	cells: number,
): Array<number | undefined> {
	const values: Array<number | undefined> = Array.from(
		{length: Math.max(0, cells)},
		() => undefined,
	);
	const span = window.end - window.start;
	if (cells <= 0 || !(span > 0) || !(window.periodMs > 0)) {
		return values;
	}

	const cellMs = span / cells;
	for (const point of points) {
		if (!Number.isFinite(point.t) || !Number.isFinite(point.v)) {
			continue;
		}

		const first = Math.max(0, Math.floor((point.t - window.start) / cellMs));
		const last = Math.min(
			cells - 1,
			Math.ceil((point.t + window.periodMs - window.start) / cellMs) - 1,
		);
		for (let cell = first; cell <= last; cell += 1) {
			const held = values[cell];
			values[cell] = held === undefined ? point.v : Math.max(held, point.v);
		}
	}

	return values;
}

/**
 * Scaled from zero (or the lowest negative value) to the peak, so equal heights mean equal
 * values across redraws; any value above the floor gets at least the second level, so "a
 * little" never looks like "none".
 */
export function renderSparkline(values: ReadonlyArray<number | undefined>, glyphs: Glyphs): string {
	const present = values.filter((value): value is number => value !== undefined);
	const low = Math.min(0, ...present);
	const high = Math.max(low, ...present);
	const top = glyphs.levels.length - 1;
	let drawn = '';
	for (const value of values) {
		if (value === undefined) {
			drawn += glyphs.gap;
			continue;
		}

		const level =
			value <= low || high === low
				? 0
				: Math.max(1, Math.round(((value - low) / (high - low)) * top));
		drawn += glyphs.levels[Math.min(level, top)] ?? glyphs.gap;
	}

	return drawn;
}

export function sparkline(
	points: readonly TimedValue[],
	window: SparkWindow,
	cells: number,
	glyphs: Glyphs,
): string {
	return renderSparkline(bucketize(points, window, cells), glyphs);
}
