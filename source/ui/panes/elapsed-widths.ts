// How wide an age or lag reads at each whole second of elapsed time, for a column as wide as its
// widest cell: the width changes far less often than the text ("4m" and "5m" are as wide), so a
// column of a thousand ages keeps its width for minutes while some age turns nearly every second.
import {cellWidth} from './text-width.js';

type WidthTable = {
	/** The width at each whole second of elapsed time scanned so far. */
	readonly widths: number[];
	/** The seconds at which the width differs from the second before, in order. */
	readonly breaks: number[];
};

const tables = new WeakMap<(ms: number) => string, WidthTable>();

function tableOf(format: (ms: number) => string, seconds: number): WidthTable {
	const table = tables.get(format) ?? {widths: [], breaks: []};
	tables.set(format, table);
	const {widths, breaks} = table;
	for (let second = widths.length; second <= seconds; second += 1) {
		const width = cellWidth(format(second * 1000));
		if (second > 0 && width !== widths[second - 1]) {
			breaks.push(second);
		}
		widths.push(width);
	}
	return table;
}

/** The index of the first break after `second`. */
function firstBreakAfter(breaks: readonly number[], second: number): number {
	let low = 0;
	let high = breaks.length;
	while (low < high) {
		const middle = (low + high) >>> 1;
		if ((breaks[middle] ?? 0) <= second) {
			low = middle + 1;
		} else {
			high = middle;
		}
	}
	return low;
}

/** Beyond this, widths are not tabled: such an age is taken to change width at any second. */
export const tabledSeconds = 6 * 3600;

/**
 * The widest `format(now - since)` over `sinces`, and the first time after `now` (before `until`)
 * at which that widest may differ; `until` itself when it holds that long. `format` must floor the
 * elapsed time to whole seconds, as every age and lag format does.
 */
export function widestElapsed(
	now: number,
	until: number,
	sinces: Iterable<number>,
	format: (ms: number) => string,
): {readonly widest: number; readonly until: number} {
	const horizon = Math.ceil((until - now) / 1000) + 1;
	// Each age's width changes: [time, width before, width after], found second by second.
	const changes: Array<[number, number, number]> = [];
	const counts = new Map<number, number>();
	let earliest = until;
	for (const since of sinces) {
		const elapsed = now - since;
		if (!Number.isFinite(elapsed)) {
			const width = cellWidth(format(elapsed));
			counts.set(width, (counts.get(width) ?? 0) + 1);
			continue;
		}
		const second = Math.floor(elapsed / 1000);
		if (second < 0 || second + horizon > tabledSeconds) {
			// Not tabled: drawn again at the next tick, as a direct read of the clock is.
			const width = cellWidth(format(elapsed));
			counts.set(width, (counts.get(width) ?? 0) + 1);
			earliest = Math.min(earliest, now + 1);
			continue;
		}
		const {widths, breaks} = tableOf(format, second + horizon);
		let width = widths[second] ?? 0;
		counts.set(width, (counts.get(width) ?? 0) + 1);
		for (let index = firstBreakAfter(breaks, second); index < breaks.length; index += 1) {
			const next = breaks[index] ?? 0;
			if (next > second + horizon) {
				break;
			}
			const after = widths[next] ?? 0;
			changes.push([since + next * 1000, width, after]);
			width = after;
		}
	}

	const widest = Math.max(0, ...counts.keys());
	changes.sort((a, b) => a[0] - b[0]);
	for (let index = 0; index < changes.length; ) {
		const time = changes[index]?.[0] ?? until;
		if (time >= earliest) {
			break;
		}
		// Every change at this instant, then whether the widest moved.
		for (; index < changes.length && changes[index]?.[0] === time; index += 1) {
			const [, before, after] = changes[index] ?? [time, 0, 0];
			counts.set(before, (counts.get(before) ?? 0) - 1);
			counts.set(after, (counts.get(after) ?? 0) + 1);
		}
		const moved = [...counts].some(([width, count]) => count > 0 && width > widest);
		if (moved || (counts.get(widest) ?? 0) === 0) {
			return {widest, until: time};
		}
	}
	return {widest, until: earliest};
}
