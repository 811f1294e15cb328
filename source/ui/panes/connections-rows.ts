// The connections pane: one row per paired connection, REJECTs first unless `s` says otherwise;
// `selected` indexes the rows as filtered and sorted by connections-view.
import type {Connection, FlowsView, SourceState, Topology} from '../../domain/snapshot.js';
import {connectionsLayout} from './connections-layout.js';
import {connectionOrders, connectionsInView} from './connections-view.js';
import {flowsFreshnessLine} from './flows-freshness.js';
import {type Line, line} from './line.js';
import {type PaneContext, withinPane} from './pane-context.js';
import {chosenOrder, defaultSortPart, defaultView, type PaneView, viewLine} from './pane-view.js';
import {drawVisible} from './scroll.js';
import {sourceBanner} from './source-status.js';
import {tableHeader, tableRow} from './table.js';

export type ConnectionsInput = {
	readonly flows?: FlowsView;
	readonly state: SourceState;
	/** Names the targets a `i-…` filter term looks for. */
	readonly topology?: Topology;
};

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
