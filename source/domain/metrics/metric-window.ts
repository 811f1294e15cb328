// Which periods to ask for, and when. ELB publishes one datapoint per minute, some time after the
// minute ends, and a minute's value can still grow as late data arrives: so after the first read
// of the whole window, each refresh re-reads only the last few periods held (overwriting them)
// plus anything newer, and refreshes are timed just after CloudWatch's minute boundary.
import {metricPeriodSeconds} from './metric-specs.js';

export const metricPeriodMs = metricPeriodSeconds * 1000;
/** The newest periods are re-read on every refresh: their values keep changing for a few minutes. */
export const revisitedPeriods = 3;
/** More history than this is not worth a sparkline row, and newer-than-3-hours reads are cheaper. */
export const maxMetricWindowMs = 3 * 60 * 60_000;
/** Refresh this long after a minute boundary, once the minute that just ended may be published. */
export const refreshOffsetMs = 10_000;

export type TimeRange = {
	/** Unix ms, a period boundary, inclusive. */
	readonly start: number;
	/** Unix ms, a period boundary, exclusive. */
	readonly end: number;
};

function floorToPeriod(time: number): number {
	return Math.floor(time / metricPeriodMs) * metricPeriodMs;
}

/** Start of the oldest period kept for a window of `windowMs`. */
export function metricWindowStart(now: number, windowMs: number): number {
	return floorToPeriod(now - Math.min(Math.max(windowMs, metricPeriodMs), maxMetricWindowMs));
}

export type RangeRequest = {
	readonly now: number;
	readonly windowMs: number;
	/** Start of the newest period any series holds; absent to read the whole window. */
	readonly newestHeld?: number;
};

/**
 * Complete periods only: a minute still in progress would show as a drop in every Sum. The first
 * read covers the window; later reads start `revisitedPeriods` before the newest period held.
 */
export function fetchRange(request: RangeRequest): TimeRange {
	const end = floorToPeriod(request.now);
	const windowStart = metricWindowStart(request.now, request.windowMs);
	const start =
		request.newestHeld === undefined
			? windowStart
			: Math.max(
					windowStart,
					floorToPeriod(request.newestHeld) - revisitedPeriods * metricPeriodMs,
				);
	return {start: Math.min(start, end - metricPeriodMs), end};
}

/**
 * Milliseconds until the next refresh: `refreshOffsetMs` after a minute boundary, and never sooner
 * than `refreshMs` (the user's refresh setting) from now.
 */
export function delayUntilNextRefresh(now: number, refreshMs: number): number {
	const minimum = Math.max(refreshMs, 1000);
	let next = floorToPeriod(now) + refreshOffsetMs;
	while (next - now < minimum) {
		next += metricPeriodMs;
	}
	return next - now;
}
