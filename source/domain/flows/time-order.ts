// A conversation's records in time order (start, then end), sorted where they lie in the array the
// tuples share, so no per-conversation copy is made.
import type {FlowRecord} from '../types/flows.js';

function compareTimes(left: FlowRecord, right: FlowRecord): number {
	return left.start - right.start || left.end - right.end;
}

/**
 * Sorts `records[from..to)` by start, then end, as a stable sort would. Records mostly come in
 * order and a conversation has a few of them, so an ordered range is left alone and a short one is
 * insertion-sorted in place; both need times the comparison is consistent on (finite ones).
 */
export function sortByTime(records: FlowRecord[], from: number, to: number): void {
	let ordered = true;
	let finite = true;
	for (let position = from; position < to; position++) {
		const record = records[position];
		const previous = records[position - 1];
		if (record === undefined) {
			continue;
		}

		finite &&= Number.isFinite(record.start) && Number.isFinite(record.end);
		if (position > from && previous !== undefined && compareTimes(previous, record) > 0) {
			ordered = false;
		}
	}

	if (ordered && finite) {
		return;
	}

	if (!finite || to - from > shortRange) {
		const sorted = records.slice(from, to).sort(compareTimes);
		for (const [offset, record] of sorted.entries()) {
			records[from + offset] = record;
		}

		return;
	}

	for (let position = from + 1; position < to; position++) {
		const record = records[position];
		let slot = position;
		for (; record !== undefined && slot > from; slot--) {
			const before = records[slot - 1];
			if (before === undefined || compareTimes(before, record) <= 0) {
				break;
			}

			records[slot] = before;
		}

		if (record !== undefined) {
			records[slot] = record;
		}
	}
}

const shortRange = 16;
