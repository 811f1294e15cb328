// One CloudWatch series: what it is, its alarms, its datapoints newest first and, for the host
// counts, the targets behind the number with their health and reason codes.

import {formatMetricValue, summarizeSeries} from '../../../domain/metrics/metric-values.js';
import type {MetricSeries, MetricsView, TimeWindow, Topology} from '../../../domain/snapshot.js';
import {targetGroupByDimension} from '../../../domain/topology/topology-lookup.js';
import {type Line, line, seg} from '../line.js';
import {alarmLines} from '../metrics-alarms.js';
import {alarmsForSeries} from '../metrics-view.js';
import {clockText, offsetNote} from '../pane-clock.js';
import type {PaneContext} from '../pane-context.js';
import {cellWidth} from '../text-width.js';
import {factsLine, indent, moreLine, part} from './detail-lines.js';
import {targetHealthLine} from './target-health.js';

const hostCounts = new Set(['HealthyHostCount', 'UnHealthyHostCount']);

export type MetricDetailInput = {
	readonly series: MetricSeries;
	readonly metrics: MetricsView;
	readonly window: TimeWindow;
	readonly topology?: Topology | undefined;
};

function headLines(input: MetricDetailInput, context: PaneContext): Line[] {
	const {series} = input;
	const summary = summarizeSeries(
		series,
		input.metrics.dataThrough ?? input.window.end,
		input.window.start,
	);
	const value = (label: string, figure: number | undefined, priority: number) =>
		part(`${label} ${figure === undefined ? '-' : formatMetricValue(series, figure)}`, priority);
	const dimensions = Object.entries(series.dimensions).map(([name, text], index) =>
		part(`${name}=${text}`, index),
	);
	return [
		factsLine(
			[
				{line: [seg(series.label, 'bold')], priority: 0},
				part(`${series.metricName} ${series.stat}`, 1),
				part(`${series.periodSeconds} s periods`, 3, 'dim'),
				part(series.namespace, 4, 'dim'),
			],
			context,
		),
		...(dimensions.length === 0 ? [] : [factsLine(dimensions, context)]),
		factsLine(
			[
				value('now', summary.current, 0),
				value('min', summary.min, 1),
				value('max', summary.max, 1),
			],
			context,
		),
	];
}

/** The targets a host count counts: its target group's (all groups' when it names none), in its AZ. */
function targetLines(input: MetricDetailInput, context: PaneContext): Line[] {
	const {series, topology} = input;
	if (!hostCounts.has(series.metricName) || topology === undefined) {
		return [];
	}

	const groupDimension = series.dimensions.TargetGroup;
	const groups =
		groupDimension === undefined
			? topology.targetGroups
			: [targetGroupByDimension(topology, groupDimension)].filter((group) => group !== undefined);
	const zone = series.dimensions.AvailabilityZone;
	const refs = groups.flatMap((group) =>
		group.targets
			.filter((target) => zone === undefined || target.availabilityZone === zone)
			.map((target) => ({target, group})),
	);
	const where = groups.map((group) => group.name).join(', ');
	if (refs.length === 0) {
		return [line(`no registered targets${where === '' ? '' : ` in ${where}`}`, 'dim')];
	}

	return [
		line(
			`targets${where === '' ? '' : ` in ${where}`}${zone === undefined ? '' : ` (${zone})`}:`,
			'dim',
		),
		...refs.map((ref) => targetHealthLine(ref, context, indent)),
	];
}

/** Datapoints newest first, in as many columns as the width holds, filled top to bottom. */
const columnGap = 4;

/** Cells (ASCII: clock and value) laid out down the columns, as `ls` does: newest top left. */
function columnsDown(texts: readonly string[], columns: number, width: number): Line[] {
	const height = Math.ceil(texts.length / columns);
	const grid: Line[] = [];
	for (let row = 0; row < height; row += 1) {
		const cells: string[] = [];
		for (let column = 0; column < columns; column += 1) {
			const text = texts[column * height + row];
			if (text !== undefined) {
				cells.push(text);
			}
		}

		grid.push(
			cells.flatMap((text, index) =>
				index === cells.length - 1 ? [seg(text)] : [seg(text.padEnd(width + columnGap))],
			),
		);
	}

	return grid;
}

/** Datapoints newest first, in as many columns as the width holds; what does not fit is counted. */
export function datapointLines(series: MetricSeries, room: number, context: PaneContext): Line[] {
	const points = series.points
		.filter((point) => Number.isFinite(point.t) && Number.isFinite(point.v))
		.sort((a, b) => b.t - a.t);
	if (room <= 0) {
		return [];
	}

	if (points.length === 0) {
		return [line('no datapoints in the window', 'dim')];
	}

	const zone = offsetNote(points[0]?.t ?? context.now, context);
	const count = `${points.length} datapoint${points.length === 1 ? '' : 's'}`;
	const title = line(`${count}, newest first${zone === '' ? '' : ` (times${zone})`}`, 'dim');
	const texts = points.map(
		(point) => `${clockText(point.t, context)}  ${formatMetricValue(series, point.v)}`,
	);
	const width = Math.max(...texts.map((text) => cellWidth(text)));
	const columns = Math.max(1, Math.floor((context.width + columnGap) / (width + columnGap)));
	if (texts.length <= (room - 1) * columns) {
		return [title, ...columnsDown(texts, columns, width)];
	}

	const shown = Math.max(0, room - 2) * columns;
	return [
		title,
		...columnsDown(texts.slice(0, shown), columns, width),
		moreLine(texts.length - shown, 'datapoints', context.glyphs),
	].slice(0, room);
}

export function metricDetailLines(input: MetricDetailInput, context: PaneContext): Line[] {
	const alarms = alarmsForSeries(input.series, input.metrics.alarms);
	const lines: Line[] = [
		...headLines(input, context),
		...(alarms.length === 0
			? [line('no alarm watches this series', 'dim')]
			: alarmLines(alarms, context)),
		...targetLines(input, context),
	];
	return [...lines, ...datapointLines(input.series, context.height - lines.length, context)];
}
