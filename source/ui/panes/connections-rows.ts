// The connections pane: one row per paired connection, REJECTs first unless `s` says otherwise;
// `selected` indexes the rows as filtered and sorted by connections-view.
import type {Connection, FlowsView, SourceState, Topology} from '../../domain/snapshot.js';
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
import {formatBytes, formatDurationCoarse, formatNumber, formatProtocol} from './format-cells.js';
import {type Line, line} from './line.js';
import {type PaneContext, withinPane} from './pane-context.js';
import {chosenOrder, defaultSortPart, defaultView, type PaneView, viewLine} from './pane-view.js';
import {drawVisible} from './scroll.js';
import {sourceBanner} from './source-status.js';
import {type Column, tableHeader, tableRow} from './table.js';
import {bestLayout, type TableVariant} from './table-variants.js';

export type ConnectionsInput = {
	readonly flows?: FlowsView;
	readonly state: SourceState;
	/** Names the targets a `i-…` filter term looks for. */
	readonly topology?: Topology;
};

function columns(style: LegStyle, arrows: boolean, now: number): Array<Column<Connection>> {
	const layout: Array<Column<Connection> | false> = [
		{id: 'client', header: 'client', priority: 0, cutOutliers: true, cell: clientCell},
		arrows && {id: 'listener', header: 'lsnr', priority: 5, cell: listenerCell},
		{
			id: 'target',
			header: arrows ? '   target' : 'target',
			priority: 2,
			cutOutliers: true,
			cell: (row) => targetCell(row, arrows),
		},
		{id: 'legs', header: legHeader[style], priority: 1, cell: (row) => legActions(row, style)},
		{
			id: 'packets',
			header: 'pkts',
			priority: 7,
			align: 'right',
			cell: (row) => line(formatNumber(row.packets)),
		},
		{
			id: 'bytes',
			header: 'bytes',
			priority: 4,
			align: 'right',
			cell: (row) => line(formatBytes(row.bytes)),
		},
		{
			id: 'age',
			header: 'age',
			priority: 6,
			align: 'right',
			cell: (row) => line(formatDurationCoarse(connectionAgeMs(row, now))),
		},
		{id: 'kind', header: 'pairing', priority: 3, cell: (row) => kindCell(row, now)},
		{
			id: 'protocol',
			header: 'proto',
			priority: 8,
			cell: (row) => line(formatProtocol(row.protocol), 'dim'),
		},
	];
	return layout.filter((column): column is Column<Connection> => column !== false);
}

/** Readable first; narrower forms only when they keep a more important column. */
export function connectionVariants(now: number): Array<TableVariant<Connection>> {
	return [
		{columns: columns('long', true, now), formPriority: 4.5},
		{columns: columns('short', true, now)},
		{columns: columns('short', false, now)},
	];
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
	const layout = bestLayout(connectionVariants(context.now), rows, context.width);
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
