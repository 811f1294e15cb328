// Column layout for narrow and wide panes: columns are kept in order of importance and dropped
// whole when they do not fit, so a 38-cell pane shows fewer facts rather than mangled ones.
import {fitLineExactly, type Line, line, lineWidth, type Segment} from './line.js';
import type {Align} from './text-width.js';

export type Column<Row> = {
	readonly id: string;
	readonly header: string;
	/** Lower is kept first when the pane is narrow. */
	readonly priority: number;
	readonly align?: Align;
	/** The column may be cut down to this width (otherwise it is shown whole or not at all). */
	readonly minWidth?: number;
	readonly maxWidth?: number;
	/** Takes whatever width is left; its cells are drawn for that width (e.g. a sparkline). */
	readonly flex?: boolean;
	/**
	 * The column may be cut to the width of its typical cells (three rows in four), so one long
	 * outlier (an IPv6 address among IPv4 ones) is cut instead of pushing other columns out.
	 */
	readonly cutOutliers?: boolean;
	/** Dropped when no row has anything to show in it. */
	readonly optional?: boolean;
	readonly cell: (row: Row, width: number) => Line;
	/**
	 * The width of `cell(row, Infinity)`, from where the caller keeps it for rows it has met (a
	 * thousand rows are laid out again when a few of them change).
	 */
	readonly cellWidth?: (row: Row) => number;
};

export type PlacedColumn<Row> = {
	readonly column: Column<Row>;
	readonly width: number;
};

export type TableLayout<Row> = {
	readonly columns: ReadonlyArray<PlacedColumn<Row>>;
	readonly width: number;
};

const gap = 1;

export type Measured<Row> = {
	readonly column: Column<Row>;
	readonly natural: number;
	readonly least: number;
};

/**
 * Column measurements for one set of rows, shared by the layouts tried for them (table variants
 * reuse most of their columns), so each column reads every row once.
 */
export type ColumnMeasures<Row> = Map<Column<Row>, Measured<Row> | undefined>;

/**
 * How many rows have a cell of each width: `counts[width]`, every index up to the widest filled.
 * A column is measured from these alone, so a caller that keeps its rows' widths can count them
 * without drawing a cell.
 */
export type WidthCounts = readonly number[];

/** Three rows in four are at most this wide. */
function typicalWidth(counts: WidthCounts, rows: number): number {
	const rank = Math.ceil(rows * 0.75);
	let seen = 0;
	for (let width = 0; width < counts.length; width += 1) {
		seen += counts[width] ?? 0;
		if (seen >= rank) {
			return width;
		}
	}

	return 0;
}

/** Adds one cell `width` wide to `counts`. */
export function countWidth(counts: number[], width: number): void {
	while (counts.length <= width) {
		counts.push(0);
	}

	counts[width] = (counts[width] ?? 0) + 1;
}

/** The column measured from how wide its cells are over `rows` rows. */
export function measureCounted<Row>(
	column: Column<Row>,
	counts: WidthCounts,
	rows: number,
): Measured<Row> | undefined {
	const header = lineWidth(line(column.header));
	if (column.flex === true) {
		const least = column.minWidth ?? 1;
		return {column, natural: least, least};
	}

	let widest = counts.length - 1;
	while (widest > 0 && (counts[widest] ?? 0) === 0) {
		widest -= 1;
	}

	widest = Math.max(0, widest);
	if (column.optional === true && widest === 0) {
		return undefined;
	}

	const natural = Math.min(Math.max(header, widest), column.maxWidth ?? Number.POSITIVE_INFINITY);
	const least =
		column.minWidth ??
		(column.cutOutliers === true && rows > 0
			? Math.max(header, typicalWidth(counts, rows))
			: natural);
	return {column, natural, least: Math.min(natural, least)};
}

function measure<Row>(column: Column<Row>, rows: readonly Row[]): Measured<Row> | undefined {
	const counts: number[] = [];
	if (column.flex !== true) {
		for (const row of rows) {
			countWidth(
				counts,
				column.cellWidth?.(row) ?? lineWidth(column.cell(row, Number.POSITIVE_INFINITY)),
			);
		}
	}

	return measureCounted(column, counts, rows.length);
}

function measured<Row>(
	columns: ReadonlyArray<Column<Row>>,
	rows: readonly Row[],
	measures: ColumnMeasures<Row>,
): Array<Measured<Row>> {
	const entries: Array<Measured<Row>> = [];
	for (const column of columns) {
		if (!measures.has(column)) {
			measures.set(column, measure(column, rows));
		}

		const entry = measures.get(column);
		if (entry !== undefined) {
			entries.push(entry);
		}
	}

	return entries;
}

/** Columns by importance at their least width, while they fit. */
function chooseColumns<Row>(
	byPriority: ReadonlyArray<Measured<Row>>,
	width: number,
): Measured<Row>[] {
	const chosen: Measured<Row>[] = [];
	let used = 0;
	for (const entry of byPriority) {
		const cost = entry.least + (chosen.length > 0 ? gap : 0);
		if (used + cost <= width || chosen.length === 0) {
			chosen.push(entry);
			used += cost;
		}
	}

	return chosen;
}

/** Grows the chosen columns toward their natural width by importance; a fill column takes the rest. */
function growColumns<Row>(
	chosen: ReadonlyArray<Measured<Row>>,
	width: number,
): Map<Measured<Row>, number> {
	const widths = new Map<Measured<Row>, number>();
	let used = -gap;
	for (const entry of chosen) {
		const least = Math.min(entry.least, Math.max(0, width - used - gap));
		widths.set(entry, least);
		used += least + gap;
	}

	for (const entry of chosen) {
		const held = widths.get(entry) ?? 0;
		if (entry.column.flex !== true) {
			const grown = Math.min(entry.natural, held + Math.max(0, width - used));
			widths.set(entry, grown);
			used += grown - held;
		}
	}

	const flexible = chosen.find((entry) => entry.column.flex === true);
	if (flexible !== undefined) {
		widths.set(flexible, (widths.get(flexible) ?? 0) + Math.max(0, width - used));
	}

	return widths;
}

/**
 * Lays the columns out in `width`: most important first, each whole if it can be. A column is
 * cut only to make room for more important ones (or for a fill column such as a sparkline):
 * while a cut column shares the line with a less important one, the least important goes.
 */
export function layoutTable<Row>(
	columns: ReadonlyArray<Column<Row>>,
	rows: readonly Row[],
	width: number,
	measures: ColumnMeasures<Row> = new Map(),
): TableLayout<Row> {
	const entries = measured(columns, rows, measures);
	const byPriority = [...entries].sort((a, b) => a.column.priority - b.column.priority);
	let chosen = chooseColumns(byPriority, width);
	let widths = growColumns(chosen, width);
	for (;;) {
		const cut = chosen.find(
			(entry) => entry.column.flex !== true && (widths.get(entry) ?? 0) < entry.natural,
		);
		const victim =
			cut === undefined
				? undefined
				: chosen.findLast(
						(entry) => entry.column.flex !== true && entry.column.priority > cut.column.priority,
					);
		if (victim === undefined) {
			break;
		}

		chosen = chosen.filter((entry) => entry !== victim);
		widths = growColumns(chosen, width);
	}

	const placed = entries.flatMap((entry) => {
		const placedWidth = widths.get(entry);
		return placedWidth === undefined ? [] : [{column: entry.column, width: placedWidth}];
	});
	const used = placed.reduce((total, entry) => total + entry.width, 0);
	return {columns: placed, width: used + gap * Math.max(0, placed.length - 1)};
}

/** The width the table takes when nothing has to be cut or dropped. */
export function naturalWidth<Row>(
	columns: ReadonlyArray<Column<Row>>,
	rows: readonly Row[],
	measures: ColumnMeasures<Row> = new Map(),
): number {
	const entries = measured(columns, rows, measures);
	return (
		entries.reduce((total, entry) => total + entry.natural, 0) +
		gap * Math.max(0, entries.length - 1)
	);
}

// The rows are drawn with loops, not a closure per call: a closure made per call loses its
// optimized code when it dies, and a table of a thousand rows would compile it again after each
// full collection.
function pushCell(joined: Segment[], cell: Line): void {
	if (joined.length > 0) {
		joined.push({text: ' '.repeat(gap)});
	}

	joined.push(...cell);
}

export function tableHeader<Row>(layout: TableLayout<Row>, ellipsis: string): Line {
	const joined: Segment[] = [];
	for (const {column, width} of layout.columns) {
		const header = line(column.header, 'dim');
		pushCell(joined, fitLineExactly(header, width, ellipsis, column.align ?? 'left'));
	}

	return joined;
}

export function tableRow<Row>(layout: TableLayout<Row>, row: Row, ellipsis: string): Line {
	const joined: Segment[] = [];
	for (const {column, width} of layout.columns) {
		pushCell(
			joined,
			fitLineExactly(column.cell(row, width), width, ellipsis, column.align ?? 'left'),
		);
	}

	return joined;
}

/** A row drawn from outside the column definitions (e.g. an axis under the header), cell by column. */
export function tableLine<Row>(
	layout: TableLayout<Row>,
	cell: (columnId: string, width: number) => Line,
	ellipsis: string,
): Line {
	const joined: Segment[] = [];
	for (const {column, width} of layout.columns) {
		pushCell(
			joined,
			fitLineExactly(cell(column.id, width), width, ellipsis, column.align ?? 'left'),
		);
	}

	return joined;
}
