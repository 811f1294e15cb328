// Choosing between several ways to draw the same table for the width at hand.
import {type Column, layoutTable, type TableLayout} from './table.js';

export type TableVariant<Row> = {
	readonly columns: ReadonlyArray<Column<Row>>;
	/**
	 * What the variant's own form is worth, as if it were a column of this priority: `ACC ACC
	 * REJ` is worth more than a packet count, less than the bytes.
	 */
	readonly formPriority?: number;
};

/**
 * Several ways to draw the same table (e.g. `ACC ACC REJ` or `A A R`): the layout that keeps the
 * most important columns wins; on a tie, the earlier one.
 */
export function bestLayout<Row>(
	variants: ReadonlyArray<TableVariant<Row>>,
	rows: readonly Row[],
	width: number,
): TableLayout<Row> {
	let best: {layout: TableLayout<Row>; kept: number[]} | undefined;
	for (const variant of variants) {
		const layout = layoutTable(variant.columns, rows, width);
		const kept = layout.columns.map((placed) => placed.column.priority);
		if (variant.formPriority !== undefined) {
			kept.push(variant.formPriority);
		}

		kept.sort((a, b) => a - b);
		if (best === undefined || keepsMoreImportant(kept, best.kept)) {
			best = {layout, kept};
		}
	}

	return best?.layout ?? {columns: [], width: 0};
}

function keepsMoreImportant(mine: readonly number[], theirs: readonly number[]): boolean {
	for (let index = 0; index < Math.max(mine.length, theirs.length); index += 1) {
		const a = mine[index];
		const b = theirs[index];
		if (a !== b) {
			return b === undefined || (a !== undefined && a < b);
		}
	}

	return false;
}
