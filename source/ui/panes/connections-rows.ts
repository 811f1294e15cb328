// The connections pane: one row per paired connection, REJECTs first unless `s` says otherwise;
// `selected` indexes the rows as filtered and sorted by connections-view.
import type {Connection, FlowsView, SourceState, Topology} from '../../domain/snapshot.js';
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
import {connectionOrders, connectionsInView} from './connections-view.js';
import {flowsFreshnessLine} from './flows-freshness.js';
import {formatDurationCoarse, formatProtocol} from './format-cells.js';
import {type Line, line, lineWidth} from './line.js';
import {ageText} from './pane-ages.js';
import {type PaneContext, paneTime, withinPane} from './pane-context.js';
import {chosenOrder, defaultSortPart, defaultView, type PaneView, viewLine} from './pane-view.js';
import {drawVisible} from './scroll.js';
import {sourceBanner} from './source-status.js';
import {type Column, type TableLayout, tableHeader, tableRow} from './table.js';
import {bestLayout, type TableVariant} from './table-variants.js';

export type ConnectionsInput = {
	readonly flows?: FlowsView;
	readonly state: SourceState;
	/** Names the targets a `i-…` filter term looks for. */
	readonly topology?: Topology;
};

type ColumnName =
	| 'client'
	| 'listener'
	| 'targetArrow'
	| 'targetPlain'
	| 'legsLong'
	| 'legsShort'
	| 'packets'
	| 'bytes'
	| 'age'
	| 'kind'
	| 'protocol';

type ConnectionColumns = Readonly<Record<ColumnName, Column<Connection>>>;

/** Every column any variant uses, built once so the variants share (and measure once) them. */
function connectionColumns(age: (row: Connection) => string): ConnectionColumns {
	const legs = (style: LegStyle): Column<Connection> => ({
		id: 'legs',
		header: legHeader[style],
		priority: 1,
		cell: (row) => legActions(row, style),
	});
	const target = (arrows: boolean): Column<Connection> => ({
		id: 'target',
		header: arrows ? '   target' : 'target',
		priority: 2,
		cutOutliers: true,
		cell: (row) => targetCell(row, arrows),
	});
	return {
		client: {id: 'client', header: 'client', priority: 0, cutOutliers: true, cell: clientCell},
		listener: {id: 'listener', header: 'lsnr', priority: 5, cell: listenerCell},
		targetArrow: target(true),
		targetPlain: target(false),
		legsLong: legs('long'),
		legsShort: legs('short'),
		packets: {
			id: 'packets',
			header: 'pkts',
			priority: 7,
			align: 'right',
			cell: (row) => line(formatNumber(row.packets)),
		},
		bytes: {
			id: 'bytes',
			header: 'bytes',
			priority: 4,
			align: 'right',
			cell: (row) => line(formatBytes(row.bytes)),
		},
		age: {
			id: 'age',
			header: 'age',
			priority: 6,
			align: 'right',
			cell: (row) => line(age(row)),
		},
		kind: {
			id: 'kind',
			header: 'pairing',
			priority: 3,
			cell: kindCell,
		},
		protocol: {
			id: 'protocol',
			header: 'proto',
			priority: 8,
			cell: (row) => line(formatProtocol(row.protocol), 'dim'),
		},
	};
}

function columns(
	all: ConnectionColumns,
	style: LegStyle,
	arrows: boolean,
): Array<Column<Connection>> {
	const names: ColumnName[] = [
		'client',
		...(arrows ? (['listener', 'targetArrow'] as const) : (['targetPlain'] as const)),
		style === 'long' ? 'legsLong' : 'legsShort',
		'packets',
		'bytes',
		'age',
		'kind',
		'protocol',
	];
	return names.map((name) => all[name]);
}

/** Readable first; narrower forms only when they keep a more important column. */
export function connectionVariants(now: number): Array<TableVariant<Connection>> {
	return variantsOf(connectionColumns((row) => formatDurationCoarse(connectionAgeMs(row, now))));
}

function variantsOf(all: ConnectionColumns): Array<TableVariant<Connection>> {
	return [
		{columns: columns(all, 'long', true), formPriority: 4.5},
		{columns: columns(all, 'short', true)},
		{columns: columns(all, 'short', false)},
	];
}

// A flows read keeps the rows that did not change (the same objects), and a row's cells, but for
// its age, follow from the row alone: their widths are measured once per row.
const rowWidths = new WeakMap<Connection, Array<number | undefined>>();

function withKeptWidths(all: ConnectionColumns): ConnectionColumns {
	const kept = (slot: number, column: Column<Connection>): Column<Connection> => ({
		...column,
		cellWidth: (row) => {
			let widths = rowWidths.get(row);
			if (widths === undefined) {
				widths = [];
				rowWidths.set(row, widths);
			}

			let width = widths[slot];
			if (width === undefined) {
				width = lineWidth(column.cell(row, Number.POSITIVE_INFINITY));
				widths[slot] = width;
			}

			return width;
		},
	});
	// Each column has its slot in a row's widths, by its place in `all`.
	return Object.fromEntries(
		(Object.entries(all) as Array<[ColumnName, Column<Connection>]>).map(([name, column], slot) => [
			name,
			name === 'age' ? column : kept(slot, column),
		]),
	) as ConnectionColumns;
}

type LayoutMemo = {
	readonly rows: readonly Connection[];
	readonly width: number;
	readonly ageWidth: number;
	readonly columns: ConnectionColumns;
	readonly layout: TableLayout<Connection>;
};

// Laying the table out measures every cell of every row (a thousand rows, ten columns); the clock
// changes it only through the age column's width. The last layout is kept, and only it.
let lastLayout: LayoutMemo | undefined;

/** The kept layout with this `now`'s columns (their cells read it), matched by name. */
function withColumns(kept: LayoutMemo, columns: ConnectionColumns): TableLayout<Connection> {
	const nameOf = new Map(
		Object.entries(kept.columns).map(([name, column]) => [column, name as ColumnName]),
	);
	return {
		...kept.layout,
		columns: kept.layout.columns.map((placed) => {
			const name = nameOf.get(placed.column);
			return name === undefined ? placed : {...placed, column: columns[name]};
		}),
	};
}

/**
 * The best layout for the rows. Only the rows drawn follow the clock with their ages: the layout
 * measures every row's age at this `now` without following it, and the age column's width is
 * followed as the widest age, which holds for minutes while some age turns nearly every second.
 */
function connectionsLayout(
	rows: readonly Connection[],
	width: number,
	context: PaneContext,
): TableLayout<Connection> {
	const time = paneTime(context);
	const columns = connectionColumns((row) => ageText(row.end * 1000, context));
	const ageWidth = time.widestElapsed(
		rows.map((row) => row.end * 1000),
		formatDurationCoarse,
	);
	const last = lastLayout;
	if (
		last !== undefined &&
		last.rows === rows &&
		last.width === width &&
		last.ageWidth === ageWidth
	) {
		return withColumns(last, columns);
	}
	const measured = withKeptWidths(
		connectionColumns((row) => formatDurationCoarse(connectionAgeMs(row, time.now))),
	);
	const layout = bestLayout(variantsOf(measured), rows, width);
	lastLayout = {rows, width, ageWidth, columns: measured, layout};
	return withColumns(lastLayout, columns);
}

export function connectionsLines(
	input: ConnectionsInput,
	context: PaneContext,
	view: PaneView = defaultView,
): Line[] {
	return withinPane(connectionsBody(input, context, view), context);
}

function connectionsBody(input: ConnectionsInput, context: PaneContext, view: PaneView): Line[] {
	const {flows} = input;
	const banner = sourceBanner(input.state, flows !== undefined, context);
	if (!banner.showData || flows === undefined) {
		return [...banner.lines];
	}

	const sortLabel = chosenOrder(connectionOrders, view.sortStep).label;
	const lines: Line[] = [
		...banner.lines,
		flowsFreshnessLine(
			flows,
			banner.stale,
			context,
			defaultSortPart(view, sortLabel, flows.connections.length),
		),
	];
	if (flows.connections.length === 0) {
		lines.push(line('No connections in the window', 'dim'));
		return lines;
	}

	const rows = connectionsInView({flows, topology: input.topology}, view);
	const tally = {shown: rows.length, total: flows.connections.length};
	const header = viewLine(view, tally, sortLabel, context);
	if (header !== undefined) {
		lines.push(header);
	}

	if (rows.length === 0) {
		lines.push(line('No connections match the filter', 'dim'));
		return lines;
	}

	const ellipsis = context.glyphs.ellipsis;
	const layout = connectionsLayout(rows, context.width, context);
	lines.push(tableHeader(layout, ellipsis));
	const draw = (connection: Connection) => tableRow(layout, connection, ellipsis);
	lines.push(
		...drawVisible(rows, draw, {
			visible: context.height - lines.length,
			selected: context.selected,
			focused: context.focused,
			width: context.width,
			ellipsis,
		}),
	);
	return lines;
}
