// A settled range's source rows, held until the range leaves the window: up to the row limit per
// range, each row as GetQueryResults gives it is an array of cell objects with their own strings,
// several hundred bytes a row. Held as one text and two number arrays instead, the rows are made
// again, the same cells in the same order, only while the held answers are merged.
import type {InsightsRow} from '../flows/aggregate-rows.js';

/** Rows to read in order, and how many there are (a full page may have been cut short). */
export type HeldRows = Iterable<InsightsRow> & {readonly length: number};

/** A cell without a field or value: kept apart from the empty string. */
const absent = -1;

export class CompactRows implements HeldRows {
	private constructor(
		/** Every field name the rows use, once. */
		private readonly fields: readonly string[],
		/** Every value, end to end. */
		private readonly text: string,
		/** Per cell: its field's index (or `absent`), then where its value ends (or `absent`). */
		private readonly cells: Int32Array,
		/** Per row: where its cells end, counted in cells. */
		private readonly rowEnds: Int32Array,
	) {}

	/** The rows of each list in turn. */
	static of(...lists: readonly Iterable<InsightsRow>[]): CompactRows {
		const fields: string[] = [];
		const fieldIndex = new Map<string, number>();
		const values: string[] = [];
		const cells: number[] = [];
		const rowEnds: number[] = [];
		let end = 0;
		for (const row of eachOf(lists)) {
			for (const cell of Array.isArray(row) ? row : []) {
				const field = cell?.field;
				let index = absent;
				if (typeof field === 'string') {
					index = fieldIndex.get(field) ?? fields.length;
					if (index === fields.length) {
						fields.push(field);
						fieldIndex.set(field, index);
					}
				}

				const value = cell?.value;
				if (typeof value === 'string') {
					values.push(value);
					end += value.length;
					cells.push(index, end);
				} else {
					cells.push(index, absent);
				}
			}

			rowEnds.push(cells.length / 2);
		}

		return new CompactRows(
			fields,
			values.join(''),
			Int32Array.from(cells),
			Int32Array.from(rowEnds),
		);
	}

	get length(): number {
		return this.rowEnds.length;
	}

	*[Symbol.iterator](): Iterator<InsightsRow> {
		let cell = 0;
		let start = 0;
		for (const rowEnd of this.rowEnds) {
			const row: {field?: string; value?: string}[] = [];
			for (; cell < rowEnd; cell++) {
				const index = this.cells[cell * 2] as number;
				const end = this.cells[cell * 2 + 1] as number;
				const out: {field?: string; value?: string} = {};
				if (index !== absent) {
					out.field = this.fields[index] as string;
				}

				if (end !== absent) {
					out.value = this.text.slice(start, end);
					start = end;
				}

				row.push(out);
			}

			yield row;
		}
	}
}

function* eachOf(lists: readonly Iterable<InsightsRow>[]): Generator<InsightsRow> {
	for (const list of lists) {
		yield* list;
	}
}
