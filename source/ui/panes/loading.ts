// A part of the window not read yet (a longer window was just asked for, or the first backfill is
// still answering): the panes say "loading" over it, never draw it as a gap or a zero.
import {formatClock} from './format-cells.js';
import {dayNow, type PaneContext} from './pane-context.js';

/** The stretch of the window still loading, or undefined when what is held covers it. */
export type Loading = {
	/** Unix ms. */
	readonly from: number;
	readonly to: number;
};

/**
 * `coveredFrom` is where the data held starts; `windowFrom` where the window needs it from (both
 * Unix ms, on the same period boundaries).
 */
export function loadingSpan(
	coveredFrom: number | undefined,
	windowFrom: number,
): Loading | undefined {
	return coveredFrom !== undefined && coveredFrom > windowFrom
		? {from: windowFrom, to: coveredFrom}
		: undefined;
}

/** "loading 12:43Z-13:27Z". */
export function loadingText(loading: Loading, context: Pick<PaneContext, 'timeZone' | 'now'>) {
	const clock = (time: number) =>
		formatClock(time, {timeZone: context.timeZone, seconds: false, now: dayNow(context)});
	return `loading ${clock(loading.from)}-${clock(loading.to)}`;
}
