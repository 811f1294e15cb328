// The Requests pane (ALB access logs): one row per target and target group, worst first unless
// `s` says otherwise, under the freshness line and the window's requests and 5XX a minute.
import type {RequestsView, Snapshot} from '../../domain/snapshot.js';
import {formatNumber} from '../../domain/units.js';
import {countCell, secondsCell, topCountsText} from './access-log-cells.js';
import {accessLogListing} from './access-log-listing.js';
import {
	accessLogFailureLines,
	accessLogFreshnessLine,
	accessLogGapLines,
	waitingLines,
} from './access-log-status.js';
import {fitLineExactly, type Line, line, seg} from './line.js';
import {type PaneContext, withinPane} from './pane-context.js';
import {chosenOrder, defaultSortPart, defaultView, type PaneView} from './pane-view.js';
import {
	notDispatchedLabel,
	type RequestsRow,
	requestsInView,
	requestsOrders,
	requestsRows,
} from './requests-view.js';
import {sparkline} from './sparkline.js';
import type {Column} from './table.js';

const gapKinds = ['access-logs-off', 'bucket-unreadable'] as const;

function requestsColumns(): Array<Column<RequestsRow>> {
	return [
		{
			id: 'target',
			header: 'target',
			priority: 0,
			cutOutliers: true,
			cell: (row) =>
				row.target === undefined ? line(notDispatchedLabel, 'yellow') : line(row.target),
		},
		{
			id: 'instance',
			header: 'instance',
			priority: 8,
			optional: true,
			cell: (row) => line(row.instance ?? '', 'dim'),
		},
		{
			id: 'perMinute',
			header: 'req/m',
			priority: 2,
			align: 'right',
			cell: (row) => line(row.perMinute === undefined ? '-' : formatNumber(row.perMinute)),
		},
		{
			id: 'target5xx',
			header: 'T5XX',
			priority: 1,
			align: 'right',
			cell: (row) => countCell(row.counts.target5xx),
		},
		{
			id: 'elb5xx',
			header: 'LB5XX',
			priority: 1,
			align: 'right',
			cell: (row) => countCell(row.counts.elb5xx),
		},
		{
			id: 'status4xx',
			header: '4XX',
			priority: 5,
			align: 'right',
			cell: (row) => countCell(row.counts.status4xx, 'yellow'),
		},
		{
			id: 'p50',
			header: 'p50',
			priority: 4,
			align: 'right',
			cell: (row) => line(secondsCell(row.p50)),
		},
		{
			id: 'p99',
			header: 'p99',
			priority: 3,
			align: 'right',
			cell: (row) => line(secondsCell(row.p99)),
		},
		{
			id: 'group',
			header: 'group',
			priority: 7,
			maxWidth: 24,
			cutOutliers: true,
			cell: (row) => line(row.group ?? '-', 'dim'),
		},
		{
			id: 'why',
			header: 'error_reason',
			priority: 6,
			minWidth: 8,
			maxWidth: 40,
			optional: true,
			cell: (row) =>
				row.errorReasons.top.length === 0
					? line('')
					: line(topCountsText(row.errorReasons, 1), 'dim'),
		},
	];
}

// Made once, not with each frame: V8 keeps optimized code only for functions that stay alive, and
// cells made per frame lose theirs at each full collection and are compiled again.
const requestsColumnList = requestsColumns();

/** The window's requests and 5XX a minute, on the same minute columns as the metrics. */
function timelineLines(requests: RequestsView, snapshot: Snapshot, context: PaneContext): Line[] {
	const label = 10;
	const width = Math.max(0, context.width - label);
	const window = {start: snapshot.window.start, end: snapshot.window.end, periodMs: 60_000};
	const series = (pick: (bucket: RequestsView['timeline'][number]) => number) =>
		sparkline(
			requests.timeline.map((bucket) => ({t: bucket.start, v: pick(bucket)})),
			window,
			width,
			context.glyphs,
			{
				...(requests.coverage === undefined ? {} : {loadedFrom: requests.coverage.start}),
				...(requests.dataThrough === undefined ? {} : {dataThrough: requests.dataThrough}),
			},
		);
	const row = (name: string, spark: string, tone: 'green' | 'red'): Line => [
		...fitLineExactly(line(name, 'dim'), label, context.glyphs.ellipsis),
		seg(spark, tone),
	];
	return [
		row(
			'requests',
			series((bucket) => bucket.requests),
			'green',
		),
		row(
			'5XX',
			series((bucket) => bucket.target5xx + bucket.elb5xx),
			'red',
		),
	];
}

/** Rows of the pane when there is room for the timeline and still a few rows under it. */
const timelineMinHeight = 9;

export function requestsLines(
	snapshot: Snapshot,
	context: PaneContext,
	view: PaneView = defaultView,
): Line[] {
	return withinPane(requestsBody(snapshot, context, view), context);
}

function requestsBody(snapshot: Snapshot, context: PaneContext, view: PaneView): Line[] {
	const {requests} = snapshot;
	const gaps = [
		...accessLogGapLines(snapshot.accessLogs, gapKinds, context),
		...accessLogFailureLines(snapshot.accessLogs, requests !== undefined, context),
	];
	if (requests === undefined) {
		return gaps.length > 0 ? gaps : waitingLines(snapshot.accessLogs, 'requests', context);
	}

	const all = requestsRows(snapshot);
	const sortLabel = chosenOrder(requestsOrders, view.sortStep).label;
	const lines: Line[] = [
		...gaps,
		accessLogFreshnessLine(
			requests,
			'requests',
			context,
			defaultSortPart(view, sortLabel, all.length),
		),
	];
	if (context.height >= timelineMinHeight) {
		lines.push(...timelineLines(requests, snapshot, context));
	}

	return accessLogListing(
		{
			above: lines,
			total: all.length,
			rows: requestsInView(snapshot, view),
			columns: requestsColumnList,
			sortLabel,
			none: 'No requests in the logs read',
			noMatch: 'No targets match the filter',
		},
		view,
		context,
	);
}
