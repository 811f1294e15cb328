// Merging a batch of log events into a stream's events, keeping them ordered by timestamp.
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
