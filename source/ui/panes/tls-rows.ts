// The TLS pane (NLB access logs): one row per TLS listener with its handshake times, failed
// handshakes, old protocols and the alerts clients sent, under the freshness line.
import type {Snapshot, TlsListenerStats} from '../../domain/snapshot.js';
import {formatNumber} from '../../domain/units.js';
import {countCell, millisecondsCell, topCountsText} from './access-log-cells.js';
import {accessLogListing} from './access-log-listing.js';
import {
	accessLogFailureLines,
	accessLogFreshnessLine,
	accessLogGapLines,
	waitingLines,
} from './access-log-status.js';
import {type Line, line} from './line.js';
import {type PaneContext, withinPane} from './pane-context.js';
import {chosenOrder, defaultSortPart, defaultView, type PaneView} from './pane-view.js';
import type {Column} from './table.js';
import {tlsInView, tlsOrders} from './tls-view.js';

const gapKinds = ['access-logs-off', 'nlb-without-tls-listener', 'bucket-unreadable'] as const;

function tlsColumns(): Array<Column<TlsListenerStats>> {
	return [
		{
			id: 'listener',
			header: 'listener',
			priority: 0,
			cutOutliers: true,
			cell: (row) => line(row.listener),
		},
		{
			id: 'perMinute',
			header: 'conn/m',
			priority: 2,
			align: 'right',
			cell: (row) => line(formatNumber(row.perMinute)),
		},
		{
			id: 'failed',
			header: 'failed',
			priority: 1,
			align: 'right',
			cell: (row) => countCell(row.failedHandshakes),
		},
		{
			id: 'p50',
			header: 'hs p50',
			priority: 4,
			align: 'right',
			cell: (row) => line(millisecondsCell(row.handshake.p50)),
		},
		{
			id: 'p99',
			header: 'hs p99',
			priority: 3,
			align: 'right',
			cell: (row) => line(millisecondsCell(row.handshake.p99)),
		},
		{
			id: 'old',
			header: 'old TLS',
			priority: 5,
			align: 'right',
			cell: (row) => countCell(row.oldProtocol, 'yellow'),
		},
		{
			id: 'alerts',
			header: 'alerts',
			priority: 6,
			minWidth: 8,
			maxWidth: 40,
			cell: (row) =>
				line(topCountsText(row.alerts, 1), row.alerts.top.length > 0 ? 'yellow' : 'dim'),
		},
		{
			id: 'sni',
			header: 'SNI',
			priority: 7,
			minWidth: 8,
			maxWidth: 40,
			cell: (row) => line(topCountsText(row.sniNames, 1), 'dim'),
		},
	];
}

// Made once, not with each frame: V8 keeps optimized code only for functions that stay alive, and
// cells made per frame lose theirs at each full collection and are compiled again.
const tlsColumnList = tlsColumns();

export function tlsLines(
	snapshot: Snapshot,
	context: PaneContext,
	view: PaneView = defaultView,
): Line[] {
	return withinPane(tlsBody(snapshot, context, view), context);
}

function tlsBody(snapshot: Snapshot, context: PaneContext, view: PaneView): Line[] {
	const {tls} = snapshot;
	const gaps = [
		...accessLogGapLines(snapshot.accessLogs, gapKinds, context),
		...accessLogFailureLines(snapshot.accessLogs, tls !== undefined, context),
	];
	if (tls === undefined) {
		return gaps.length > 0 ? gaps : waitingLines(snapshot.accessLogs, 'TLS connections', context);
	}

	const sortLabel = chosenOrder(tlsOrders, view.sortStep).label;
	const lines: Line[] = [
		...gaps,
		accessLogFreshnessLine(
			tls,
			'connections',
			context,
			defaultSortPart(view, sortLabel, tls.listeners.length),
		),
	];
	return accessLogListing(
		{
			above: lines,
			total: tls.listeners.length,
			rows: tlsInView(snapshot, view),
			columns: tlsColumnList,
			sortLabel,
			none: 'No TLS connections in the logs read',
			noMatch: 'No listeners match the filter',
		},
		view,
		context,
	);
}
