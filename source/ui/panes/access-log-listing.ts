// The part the Requests and TLS panes share under their freshness line: what to say when the
// logs hold no row or the filter keeps none, the filter/sort line, then the table scrolled to
// the selection.
import {type Line, line} from './line.js';
import type {PaneContext} from './pane-context.js';
import {type PaneView, viewLine} from './pane-view.js';
import {drawVisible} from './scroll.js';
import {type Column, layoutTable, tableHeader, tableRow} from './table.js';

export type AccessLogListing<Row> = {
	/** Lines already drawn above (gaps, freshness, timeline). */
	readonly above: readonly Line[];
	/** Every row, before the filter. */
	readonly total: number;
	/** The rows under the filter and sort, in the order they are drawn. */
	readonly rows: readonly Row[];
	readonly columns: ReadonlyArray<Column<Row>>;
	readonly sortLabel: string;
	/** "No requests in the logs read", "No targets match the filter". */
	readonly none: string;
	readonly noMatch: string;
};

export function accessLogListing<Row>(
	listing: AccessLogListing<Row>,
	view: PaneView,
	context: PaneContext,
): Line[] {
	const lines = [...listing.above];
	if (listing.total === 0) {
		return [...lines, line(listing.none, 'dim')];
	}

	const {rows} = listing;
	const header = viewLine(
		view,
		{shown: rows.length, total: listing.total},
		listing.sortLabel,
		context,
	);
	if (header !== undefined) {
		lines.push(header);
	}

	if (rows.length === 0) {
		return [...lines, line(listing.noMatch, 'dim')];
	}

	const ellipsis = context.glyphs.ellipsis;
	const layout = layoutTable(listing.columns, rows, context.width);
	lines.push(tableHeader(layout, ellipsis));
	lines.push(
		...drawVisible(rows, (row) => tableRow(layout, row, ellipsis), {
			visible: context.height - lines.length,
			selected: context.selected,
			focused: context.focused,
			width: context.width,
			ellipsis,
		}),
	);
	return lines;
}
