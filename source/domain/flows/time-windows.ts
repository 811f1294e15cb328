// One interface's frontends by start time: a backend unit from the LB's own address looks for its
// client among the frontends whose windows can overlap its own (frontend-matching.ts).
import type {Span} from './pairing-score.js';

/** A frontend leg as far as its window goes. */
type Spanned = {readonly leg: Span};

/**
 * One interface's frontends by start time, so that those whose windows can overlap a span are found
 * by binary search instead of a scan of every frontend on a busy interface.
 */
export type TimeWindows = {
	/** Positions, by start time (ties: the order given). */
	readonly sorted: Int32Array;
	/** The start time of each of `sorted`. */
	readonly starts: readonly number[];
	readonly longest: number;
};

export function timeWindows(
	frontends: readonly Spanned[],
	positions: readonly number[],
): TimeWindows {
	const sorted = [...positions].sort(
		(left, right) => startOf(frontends, left) - startOf(frontends, right),
	);
	let longest = 0;
	for (const position of sorted) {
		const leg = frontends[position]?.leg;
		if (leg !== undefined) {
			longest = Math.max(longest, leg.end - leg.start);
		}
	}

	return {
		sorted: Int32Array.from(sorted),
		starts: sorted.map((position) => startOf(frontends, position)),
		longest,
	};
}

/**
 * The positions whose windows can overlap the span, in start order: a view of `sorted`, not a copy
 * (a busy interface's units each look at hundreds of frontends, at every pairing).
 */
export function inWindow(windows: TimeWindows, span: Span, slackSeconds: number): Int32Array {
	return windows.sorted.subarray(
		firstStartingAt(windows.starts, span.start - slackSeconds - windows.longest),
		firstStartingAt(windows.starts, span.end + slackSeconds + 1),
	);
}

function startOf(frontends: readonly Spanned[], position: number): number {
	return frontends[position]?.leg.start ?? 0;
}

function firstStartingAt(starts: readonly number[], time: number): number {
	let low = 0;
	let high = starts.length;
	while (low < high) {
		const middle = (low + high) >>> 1;
		if ((starts[middle] ?? 0) < time) {
			low = middle + 1;
		} else {
			high = middle;
		}
	}

	return low;
}
