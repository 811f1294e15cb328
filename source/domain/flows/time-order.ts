// A conversation's records in time order (start, then end), sorted where they lie in the row list
// the tuples share, so no per-conversation copy is made.
import type {FlowTable} from './flow-table.js';

/**
 * Sorts the row numbers `rows[from..to)` by their records' start, then end, as a stable sort would.
 * Records mostly come in order and a conversation has a few of them, so an ordered range is left
 * alone and a short one is insertion-sorted in place; both need times the comparison is consistent
 * on (finite ones).
 */
export function sortByTime(table: FlowTable, rows: Int32Array, from: number, to: number): void {
	const {starts, ends} = table;
	let ordered = true;
	let finite = true;
	for (let position = from; position < to; position++) {
		const row = rows[position] ?? 0;
		finite &&= Number.isFinite(starts[row]) && Number.isFinite(ends[row]);
		if (position > from && compareRows(table, rows[position - 1] ?? 0, row) > 0) {
			ordered = false;
		}
	}

	if (ordered && finite) {
		return;
	}

	if (!finite || to - from > shortRange) {
		// Array.prototype.sort is stable; a typed array's sort need not be.
		rows.set(
			Array.from(rows.subarray(from, to)).sort((left, right) => compareRows(table, left, right)),
			from,
		);
		return;
	}

	for (let position = from + 1; position < to; position++) {
		const row = rows[position] ?? 0;
		let slot = position;
		for (; slot > from; slot--) {
			const before = rows[slot - 1] ?? 0;
			if (compareRows(table, before, row) <= 0) {
				break;
			}

			rows[slot] = before;
		}

		rows[slot] = row;
	}
}

const shortRange = 16;

function compareRows(table: FlowTable, left: number, right: number): number {
	const {starts, ends} = table;
	return (starts[left] ?? 0) - (starts[right] ?? 0) || (ends[left] ?? 0) - (ends[right] ?? 0);
}
