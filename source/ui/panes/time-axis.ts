// The columns of a time chart (sparklines, the changes axis), fixed to whole periods of the wall
// clock: a column always holds the same minutes, whatever moment inside a minute the screen is
// drawn at. Sliding the window (every refresh moves its end) therefore changes nothing until a
// period boundary passes, and then everything moves by whole columns. Columns stretched or shared
// in proportion to the window's exact span would re-bucket the same data every refresh.

import type {TimeWindow} from '../../domain/snapshot.js';

/** Unix ms. */
export type AxisWindow = Pick<TimeWindow, 'start' | 'end'>;

export type TimeAxis = {
	/** Blank cells on the left: the width the whole periods do not fill. */
	readonly pad: number;
	/** Cells drawn after the pad, oldest first; the last holds the last complete period. */
	readonly cells: number;
	/** Unix ms: where the first drawn cell starts. */
	readonly start: number;
	/** Time each cell covers: a whole number of periods. */
	readonly cellMs: number;
	/** Cells each period takes (1 when a cell holds several periods). */
	readonly cellsPerPeriod: number;
	/** Unix ms: the start of the oldest period inside the window; cells before it are blank. */
	readonly windowFrom: number;
};

/**
 * The whole periods the window spans, ending with the last one complete at `end` (the oldest partly
 * before the window's start), so the count never changes as the window slides. The period in
 * progress is left out: no source has it whole (CloudWatch publishes a minute after it ends, and
 * a flow timeline's newest minute is still arriving), and drawn it would read as a drop.
 */
function periodCount(window: AxisWindow, periodMs: number): number {
	return Math.max(1, Math.ceil(Math.max(0, window.end - window.start) / periodMs));
}

/** Everything `timeAxis` reads of the window: the whole periods it spans and the last complete. */
type AxisPeriods = {
	readonly period: number;
	readonly periods: number;
	/** The last complete period, in periods since the epoch. */
	readonly last: number;
};

function axisPeriods(window: AxisWindow, periodMs: number): AxisPeriods {
	const period = periodMs > 0 && Number.isFinite(periodMs) ? periodMs : 60_000;
	return {period, periods: periodCount(window, period), last: Math.floor(window.end / period) - 1};
}

/**
 * The window as an axis of `periodMs` reads it, for a pane's reads: windows with equal values
 * draw the same axis at every width, wherever inside a period their ends fall.
 */
export function axisReads(window: AxisWindow, periodMs: number): readonly [number, number] {
	const {periods, last} = axisPeriods(window, periodMs);
	return [periods, last];
}

export function timeAxis(window: AxisWindow, periodMs: number, width: number): TimeAxis {
	const cellsWide = Math.max(0, Math.floor(width));
	const {period, periods, last} = axisPeriods(window, periodMs);
	const windowFrom = (last - periods + 1) * period;
	if (cellsWide === 0) {
		return {pad: 0, cells: 0, start: windowFrom, cellMs: period, cellsPerPeriod: 1, windowFrom};
	}

	if (cellsWide >= periods) {
		const cellsPerPeriod = Math.floor(cellsWide / periods);
		const cells = periods * cellsPerPeriod;
		return {
			pad: cellsWide - cells,
			cells,
			start: windowFrom,
			cellMs: period / cellsPerPeriod,
			cellsPerPeriod,
			windowFrom,
		};
	}

	// Several periods per cell, grouped at multiples of the group on the wall clock (so a minute
	// never changes cell); one cell more than the periods need, since the groups rarely line up
	// with the window's start.
	let group = 2;
	while (Math.ceil(periods / group) + 1 > cellsWide && group < periods) {
		group += 1;
	}

	const cells = Math.min(cellsWide, Math.ceil(periods / group) + 1);
	const lastCell = Math.floor(last / group);
	return {
		pad: cellsWide - cells,
		cells,
		start: (lastCell - cells + 1) * group * period,
		cellMs: group * period,
		cellsPerPeriod: 1,
		windowFrom,
	};
}

/** The drawn cell (0 = oldest) holding `time`, or undefined outside the drawn cells. */
export function cellOf(axis: TimeAxis, time: number): number | undefined {
	if (!Number.isFinite(time) || time < axis.start) {
		return undefined;
	}

	const index = Math.floor((time - axis.start) / axis.cellMs);
	return index < axis.cells ? index : undefined;
}

/** Unix ms where drawn cell `index` starts. */
export function cellStart(axis: TimeAxis, index: number): number {
	return axis.start + index * axis.cellMs;
}
