// The connections table's columns and their layout. Every column is as wide as its widest cell
// over all the rows listed (not only the rows drawn), so the layout holds while the list scrolls.
import type {Connection} from '../../domain/snapshot.js';
import {formatBytes, formatNumber} from '../../domain/units.js';
import {
	clientCell,
	connectionAgeMs,
	kindCell,
	type LegStyle,
	legActions,
	legHeader,
	listenerCell,
	targetCell,
} from './connection-cells.js';
import {formatDurationCoarse, formatProtocol} from './format-cells.js';
import {type Line, line, lineWidth} from './line.js';
import {ageText} from './pane-ages.js';
import {type PaneContext, paneTime} from './pane-context.js';
import {
	type Column,
	type ColumnMeasures,
	countWidth,
	measureCounted,
	type PlacedColumn,
	type TableLayout,
} from './table.js';
import {bestLayout, type TableVariant} from './table-variants.js';

// The cells are made once, not with each frame: V8 keeps optimized code only for functions that
// stay alive, and a cell made per frame loses its code at each full collection and is compiled
// again. The age cell reads the clock of the frame it draws: its one function is bound to it.
const legsLongCell = (row: Connection) => legActions(row, 'long');
const legsShortCell = (row: Connection) => legActions(row, 'short');
const targetArrowCell = (row: Connection) => targetCell(row, true);
const targetPlainCell = (row: Connection) => targetCell(row, false);
const packetsCell = (row: Connection) => line(formatNumber(row.packets));
const bytesCell = (row: Connection) => line(formatBytes(row.bytes));
const protocolCell = (row: Connection) => line(formatProtocol(row.protocol), 'dim');

function ageAt(context: Pick<PaneContext, 'now'>, row: Connection): Line {
	return line(ageText(row.end * 1000, context));
}

function ageAtNow(now: number, row: Connection): Line {
	return line(formatDurationCoarse(connectionAgeMs(row, now)));
}

const legsColumn = (style: LegStyle): Column<Connection> => ({
	id: 'legs',
	header: legHeader[style],
	priority: 1,
	cell: style === 'long' ? legsLongCell : legsShortCell,
});

const targetColumn = (arrows: boolean): Column<Connection> => ({
	id: 'target',
	header: arrows ? '   target' : 'target',
	priority: 2,
	cutOutliers: true,
	cell: arrows ? targetArrowCell : targetPlainCell,
});

/** The columns whose cells follow from the row alone, by their slot in a row's kept widths. */
const fixed = [
	{id: 'client', header: 'client', priority: 0, cutOutliers: true, cell: clientCell},
	{id: 'listener', header: 'lsnr', priority: 5, cell: listenerCell},
	targetColumn(true),
	targetColumn(false),
	legsColumn('long'),
	legsColumn('short'),
	{id: 'packets', header: 'pkts', priority: 7, align: 'right', cell: packetsCell},
	{id: 'bytes', header: 'bytes', priority: 4, align: 'right', cell: bytesCell},
	{id: 'kind', header: 'pairing', priority: 3, cell: kindCell},
	{id: 'protocol', header: 'proto', priority: 8, cell: protocolCell},
] as const satisfies ReadonlyArray<Column<Connection>>;

const [
	client,
	listener,
	targetArrow,
	targetPlain,
	legsLong,
	legsShort,
	packets,
	bytes,
	kind,
	protocol,
] = fixed;

function ageColumn(cell: (row: Connection) => Line): Column<Connection> {
	return {id: 'age', header: 'age', priority: 6, align: 'right', cell};
}

/** Readable first; narrower forms only when they keep a more important column. */
function variantsOf(age: Column<Connection>): Array<TableVariant<Connection>> {
	const rest = [packets, bytes, age, kind, protocol];
	return [
		{columns: [client, listener, targetArrow, legsLong, ...rest], formPriority: 4.5},
		{columns: [client, listener, targetArrow, legsShort, ...rest]},
		{columns: [client, targetPlain, legsShort, ...rest]},
	];
}

/** The variants with every cell drawn at `now` (a still frame, such as the detail's). */
export function connectionVariants(now: number): Array<TableVariant<Connection>> {
	return variantsOf(ageColumn(ageAtNow.bind(undefined, now)));
}

// A flows read keeps the rows that did not change (the same objects), and a row's cells, but for
// its age, follow from the row alone: their widths are measured once per row.
const rowWidths = new WeakMap<Connection, Uint32Array>();

function widthsOf(row: Connection): Uint32Array {
	let widths = rowWidths.get(row);
	if (widths === undefined) {
		widths = new Uint32Array(fixed.length);
		for (let slot = 0; slot < fixed.length; slot += 1) {
			widths[slot] = lineWidth(fixed[slot]?.cell(row, Number.POSITIVE_INFINITY) ?? []);
		}
		rowWidths.set(row, widths);
	}

	return widths;
}

type Counted = {
	readonly rows: readonly Connection[];
	/** How many rows have each width, by slot. */
	readonly counts: ReadonlyArray<readonly number[]>;
	/** Each distinct `end` of the rows, in ms: rows that ended together age together. */
	readonly ends: readonly number[];
};

function counted(rows: readonly Connection[]): Counted {
	const counts = fixed.map((): number[] => []);
	const ends = new Set<number>();
	for (const row of rows) {
		const widths = widthsOf(row);
		for (let slot = 0; slot < fixed.length; slot += 1) {
			countWidth(counts[slot] ?? [], widths[slot] ?? 0);
		}
		ends.add(row.end * 1000);
	}

	return {rows, counts, ends: [...ends]};
}

type LayoutMemo = {
	readonly counted: Counted;
	readonly width: number;
	readonly ageWidth: number;
	readonly layout: TableLayout<Connection>;
};

// Only the last rows' counts and layout are kept: the clock changes the layout only through the
// age column's width, and a flows write through the rows.
let lastCounted: Counted | undefined;
let lastLayout: LayoutMemo | undefined;

/** Placeholder for the age column while laying out: its width comes from `widestElapsed`. */
const measuredAge = ageColumn(() => []);

function laidOut(table: Counted, width: number, ageWidth: number): TableLayout<Connection> {
	const last = lastLayout;
	if (
		last !== undefined &&
		last.counted === table &&
		last.width === width &&
		last.ageWidth === ageWidth
	) {
		return last.layout;
	}

	const rows = table.rows.length;
	const measures: ColumnMeasures<Connection> = new Map();
	for (let slot = 0; slot < fixed.length; slot += 1) {
		const column = fixed[slot];
		if (column !== undefined) {
			measures.set(column, measureCounted(column, table.counts[slot] ?? [], rows));
		}
	}
	const ageCounts: number[] = [];
	if (rows > 0) {
		countWidth(ageCounts, ageWidth);
	}
	measures.set(measuredAge, measureCounted(measuredAge, ageCounts, rows));
	const layout = bestLayout(variantsOf(measuredAge), table.rows, width, measures);
	lastLayout = {counted: table, width, ageWidth, layout};
	return layout;
}

/**
 * The best layout for the rows. Only the rows drawn follow the clock with their ages: the layout
 * measures every row's age at this `now` without following it, and the age column's width is
 * followed as the widest age, which holds for minutes while some age turns nearly every second.
 */
export function connectionsLayout(
	rows: readonly Connection[],
	width: number,
	context: PaneContext,
): TableLayout<Connection> {
	const table = lastCounted?.rows === rows ? lastCounted : counted(rows);
	lastCounted = table;
	const ageWidth = paneTime(context).widestElapsed(table.ends, formatDurationCoarse);
	const layout = laidOut(table, width, ageWidth);
	const age = ageColumn(ageAt.bind(undefined, context));
	const columns: Array<PlacedColumn<Connection>> = [];
	for (const placed of layout.columns) {
		columns.push(placed.column === measuredAge ? {column: age, width: placed.width} : placed);
	}

	return {columns, width: layout.width};
}
