// Choosing between several ways to draw the same table for the width at hand.
import {type Column, type ColumnMeasures, layoutTable, type TableLayout} from './table.js';

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
 * most important columns wins; on a tie, the earlier one. Variants share column objects: each is
 * measured once, whichever variant meets it first, unless `measures` already holds it.
 */
export function bestLayout<Row>(
	variants: ReadonlyArray<TableVariant<Row>>,
	rows: readonly Row[],
	width: number,
	measures: ColumnMeasures<Row> = new Map(),
): TableLayout<Row> {
	let best: {layout: TableLayout<Row>; kept: number[]} | undefined;
	for (const variant of variants) {
		// Keeping fewer columns never keeps more important ones, so a variant that could not win
		// even with every column kept is not laid out (nor are its columns measured).
		if (
			best !== undefined &&
			!keepsMoreImportant(importance(variant.columns, variant), best.kept)
		) {
			continue;
		}

		const layout = layoutTable(variant.columns, rows, width, measures);
		const kept = importance(
			layout.columns.map((placed) => placed.column),
			variant,
		);
		if (best === undefined || keepsMoreImportant(kept, best.kept)) {
			best = {layout, kept};
		}
	}

	return best?.layout ?? {columns: [], width: 0};
}

/** The priorities a layout keeps, most important first, with what the variant's form is worth. */
function importance<Row>(
	columns: ReadonlyArray<Column<Row>>,
	variant: TableVariant<Row>,
): number[] {
	const kept = columns.map((column) => column.priority);
	if (variant.formPriority !== undefined) {
		kept.push(variant.formPriority);
	}

	return kept.sort((a, b) => a - b);
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
