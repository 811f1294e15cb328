// Helpers for the time-ordered arrays of the demo world (log events, datapoints, pending items).
import type {LogEvent} from '../world/types.js';

/** Merges `batch` into `events`, keeping both ordered by timestamp (events may arrive out of order). */
export function insertSorted(events: LogEvent[], batch: LogEvent[]): void {
	batch.sort((a, b) => a.timestamp - b.timestamp);
	const first = batch[0];
	if (first === undefined) {
		return;
	}
	let low = 0;
	let high = events.length;
	while (low < high) {
		const middle = (low + high) >> 1;
		if ((events[middle]?.timestamp ?? 0) <= first.timestamp) {
			low = middle + 1;
		} else {
			high = middle;
		}
	}
	const tail = events.splice(low);
	let tailIndex = 0;
	for (const event of batch) {
		while (tailIndex < tail.length && (tail[tailIndex]?.timestamp ?? 0) <= event.timestamp) {
			const kept = tail[tailIndex];
			if (kept !== undefined) {
				events.push(kept);
			}
			tailIndex++;
		}
		events.push(event);
	}
	for (; tailIndex < tail.length; tailIndex++) {
		const kept = tail[tailIndex];
		if (kept !== undefined) {
			events.push(kept);
		}
	}
}

export function firstIndexAtOrAfter<T>(
	items: readonly T[],
	time: number,
	timeOf: (item: T) => number,
): number {
	let low = 0;
	let high = items.length;
	while (low < high) {
		const middle = (low + high) >> 1;
		const item = items[middle];
		if (item !== undefined && timeOf(item) < time) {
			low = middle + 1;
		} else {
			high = middle;
		}
	}
	return low;
}

/** Items waiting for their time to become visible, bucketed by that time (few distinct times). */
export class PendingQueue<T> {
	private readonly buckets = new Map<number, T[]>();

	add(visibleAt: number, item: T): void {
		const bucket = this.buckets.get(visibleAt);
		if (bucket === undefined) {
			this.buckets.set(visibleAt, [item]);
		} else {
			bucket.push(item);
		}
	}

	/** Removes and returns every item visible at `time`, earliest first. */
	takeUntil(time: number): T[] {
		const due = [...this.buckets.keys()]
			.filter((visibleAt) => visibleAt <= time)
			.sort((a, b) => a - b);
		const items: T[] = [];
		for (const visibleAt of due) {
			items.push(...(this.buckets.get(visibleAt) ?? []));
			this.buckets.delete(visibleAt);
		}
		return items;
	}
}
