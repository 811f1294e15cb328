// The metrics pane: alarms in ALARM on top, then one row per series with its sparkline, in the
// catalog's order or, after `s`, the series with alarms firing first.
import {formatMetricValue, summarizeSeries} from '../../domain/metrics/metric-values.js';
import {metricPeriodMs} from '../../domain/metrics/metric-window.js';
import type {MetricSeries, MetricsView, SourceState, TimeWindow} from '../../domain/snapshot.js';
import {changeAxis} from './change-axis.js';
import {formatDurationCoarse} from './format-cells.js';
import {joinParts, type Line, line, type Part, seg} from './line.js';
import {type Loading, loadingSpan, loadingText} from './loading.js';
import {alarmLines} from './metrics-alarms.js';
import {seriesInView, seriesOrders} from './metrics-view.js';
import {lagText} from './pane-ages.js';
import {headerClock} from './pane-clock.js';
import {type PaneContext, withinPane} from './pane-context.js';
import {chosenOrder, defaultSortPart, defaultView, type PaneView, viewLine} from './pane-view.js';
import {drawVisible} from './scroll.js';
import {sourceBanner} from './source-status.js';
import {sparkline} from './sparkline.js';
import {type Column, layoutTable, tableHeader, tableLine, tableRow} from './table.js';
import {axisReads} from './time-axis.js';

export type MetricsInput = {
	readonly metrics?: MetricsView;
	readonly state: SourceState;
	readonly window: TimeWindow;
	/** Unix ms of the changes in the path (CloudTrail), marked on the sparklines' time axis. */
	readonly changeTimes?: readonly number[];
	/** Unix ms: CloudTrail has been read from here on; before it the axis is loading. */
	readonly changesFrom?: number;
	/** The NLB's own security groups reject traffic its metrics never count (see the reminder). */
	readonly rejectedAtLoadBalancer?: boolean;
};

type SeriesRow = {
	readonly series: MetricSeries;
	readonly current?: number;
	readonly min?: number;
	readonly max?: number;
};

function valueCell(series: MetricSeries, value: number | undefined): Line {
	return value === undefined ? line('-', 'dim') : line(formatMetricValue(series, value));
}

/** Min and max over part of the window would be wrong, not merely incomplete. */
function extremeCell(series: MetricSeries, value: number | undefined, loading: boolean): Line {
	return loading ? line('loading', 'dim') : valueCell(series, value);
}

/** The part of the window the series held do not reach yet. */
export function metricsLoading(metrics: MetricsView, window: TimeWindow): Loading | undefined {
	return loadingSpan(
		metrics.coveredFrom,
		Math.floor(window.start / metricPeriodMs) * metricPeriodMs,
	);
}

function seriesColumns(
	window: TimeWindow,
	context: PaneContext,
	loading: Loading | undefined,
): Array<Column<SeriesRow>> {
	const span = formatDurationCoarse(window.end - window.start);
	return [
		{
			id: 'label',
			header: 'metric',
			priority: 0,
			minWidth: 12,
			maxWidth: 28,
			cell: (row) => line(row.series.label),
		},
		{
			id: 'spark',
			header: `last ${span}`,
			priority: 2,
			flex: true,
			minWidth: 12,
			cell: (row, width) =>
				line(
					sparkline(
						row.series.points,
						{start: window.start, end: window.end, periodMs: row.series.periodSeconds * 1000},
						width,
						context.glyphs,
						loading === undefined ? {} : {loadedFrom: loading.to},
					),
				),
		},
		{
			id: 'now',
			header: 'now',
			priority: 1,
			align: 'right',
			cell: (row) => valueCell(row.series, row.current),
		},
		{
			id: 'min',
			header: 'min',
			priority: 4,
			align: 'right',
			cell: (row) => extremeCell(row.series, row.min, loading !== undefined),
		},
		{
			id: 'max',
			header: 'max',
			priority: 3,
			align: 'right',
			cell: (row) => extremeCell(row.series, row.max, loading !== undefined),
		},
	];
}

export function seriesRows(
	metrics: MetricsView,
	window: TimeWindow,
	shown: readonly MetricSeries[] = metrics.series,
): SeriesRow[] {
	const reference = metrics.dataThrough ?? window.end;
	return shown.map((series) => ({
		series,
		...summarizeSeries(series, reference, window.start),
	}));
}

function freshnessLine(
	metrics: MetricsView,
	stale: boolean,
	context: PaneContext,
	extra: readonly Part[],
	loading: Loading | undefined,
): Line {
	const parts: Part[] = [];
	const stalePrefix = stale ? [seg('STALE ', 'yellow')] : [];
	if (loading !== undefined) {
		parts.push({line: line(loadingText(loading, context), 'yellow'), priority: 0});
	}

	if (metrics.dataThrough === undefined) {
		parts.push({line: [...stalePrefix, seg('no datapoints yet', 'dim')], priority: 0});
	} else {
		const clock = headerClock(metrics.dataThrough, context);
		parts.push(
			{line: [...stalePrefix, seg(`metrics through ${clock}`, 'dim')], priority: 0},
			{
				line: line(`lag ${lagText(metrics.dataThrough, context)}`, 'dim'),
				priority: 2,
			},
		);
	}

	const firing = metrics.alarms.filter((alarm) => alarm.state === 'ALARM').length;
	const alarms =
		metrics.alarms.length === 0
			? line('no alarms on this load balancer', 'dim')
			: [
					seg(`${metrics.alarms.length} alarm${metrics.alarms.length === 1 ? '' : 's'}`, 'dim'),
					...(firing > 0 ? [seg(`, ${firing} in ALARM`, 'red')] : []),
				];
	parts.push({line: alarms, priority: 1}, ...extra);
	return joinParts(parts, context.width, line(context.glyphs.separator, 'dim'));
}

/** How many of `times` fall before `time`: equal counts leave every time on the same side. */
function countBefore(times: Iterable<number>, time: number): number {
	let count = 0;
	for (const each of times) {
		if (each < time) {
			count += 1;
		}
	}
	return count;
}

function* pointTimes(series: MetricSeries): Iterable<number> {
	for (const point of series.points) {
		yield point.t;
	}
}

/**
 * Everything the pane draws from the window, for its reads (PaneEntry.reads). The window slides
 * with every write of any source, but this pane changes only when a period boundary passes its end
 * (the axes), a datapoint or a change passes its start or end (minimums, maximums, the marks), or
 * it starts elsewhere while part of it is loading: equal values draw equal lines.
 */
export function metricsWindowReads(input: Omit<MetricsInput, 'state'>): unknown[] {
	const {metrics, window} = input;
	if (metrics === undefined) {
		return [];
	}

	const changeTimes = input.changeTimes ?? [];
	const reads: unknown[] = [
		window.end - window.start,
		Math.floor(window.start / metricPeriodMs),
		metrics.dataThrough === undefined ? window.end : undefined,
		loadingSpan(input.changesFrom, window.start)?.from,
		countBefore(changeTimes, window.start),
		countBefore(changeTimes, window.end),
		...axisReads(window, metricPeriodMs),
	];
	for (const series of metrics.series) {
		reads.push(
			...axisReads(window, series.periodSeconds * 1000),
			countBefore(pointTimes(series), window.start),
		);
	}
	return reads;
}

export function metricsLines(
	input: MetricsInput,
	context: PaneContext,
	view: PaneView = defaultView,
): Line[] {
	return withinPane(metricsBody(input, context, view), context);
}

function metricsBody(input: MetricsInput, context: PaneContext, view: PaneView): Line[] {
	const {metrics} = input;
	const banner = sourceBanner(input.state, metrics !== undefined, context);
	if (!banner.showData || metrics === undefined) {
		return [...banner.lines];
	}

	const sortLabel = chosenOrder(seriesOrders(metrics.alarms), view.sortStep).label;
	const loading = metricsLoading(metrics, input.window);
	const shown = seriesInView({metrics}, view);
	const header = viewLine(
		view,
		{shown: shown.length, total: metrics.series.length},
		sortLabel,
		context,
	);
	const lines: Line[] = [
		...banner.lines,
		freshnessLine(
			metrics,
			banner.stale,
			context,
			defaultSortPart(view, sortLabel, metrics.series.length),
			loading,
		),
		...(header === undefined ? [] : [header]),
		...alarmLines(metrics.alarms, context),
		...(input.rejectedAtLoadBalancer === true
			? [
					line(
						"note: NLB metrics do not count flows the LB's security groups reject: see Rejected (at LB)",
						'dim',
					),
				]
			: []),
	];
	if (metrics.series.length === 0) {
		lines.push(line('No metric series for this load balancer', 'dim'));
		return lines;
	}

	if (shown.length === 0) {
		lines.push(line('No metric series match the filter', 'dim'));
		return lines;
	}

	const rows = seriesRows(metrics, input.window, shown);
	const layout = layoutTable(seriesColumns(input.window, context, loading), rows, context.width);
	const ellipsis = context.glyphs.ellipsis;
	lines.push(tableHeader(layout, ellipsis));
	const marked = (input.changeTimes ?? []).filter(
		(time) => time >= input.window.start && time < input.window.end,
	);
	const changesLoading = loadingSpan(input.changesFrom, input.window.start);
	if (marked.length > 0 || changesLoading !== undefined) {
		const mark = context.glyphs.changeMark;
		lines.push(
			tableLine(
				layout,
				(id, width) =>
					id === 'label'
						? line(`changes ${mark}`, 'dim')
						: id === 'spark'
							? line(
									changeAxis(marked, input.window, width, mark, metricPeriodMs, changesLoading?.to),
									'yellow',
								)
							: line(''),
				ellipsis,
			),
		);
	}
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
