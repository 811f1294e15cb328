// The accepted and rejected panes: totals, a sparkline of flows per time bucket, then the top
// sources and ports. Rejected traffic also says where it was rejected: a REJECT at the LB's
// interface and one at the target's interface have different fixes.
import type {
	FlowAggregates,
	FlowsView,
	PortAggregate,
	Precision,
	SourceAggregate,
	SourceState,
	TimeWindow,
} from '../../domain/snapshot.js';
import {flowsFreshnessLine} from './flows-freshness.js';
import {formatBytes, formatClock, formatNumber} from './format-cells.js';
import type {Glyphs} from './glyphs.js';
import {fitLineExactly, joinParts, type Line, line, type Part, seg, type Tone} from './line.js';
import {type PaneContext, withinPane} from './pane-context.js';
import {drawVisible} from './scroll.js';
import {sourceBanner} from './source-status.js';
import {sparkline} from './sparkline.js';
import {type Column, layoutTable, naturalWidth, tableHeader, tableRow} from './table.js';
import {cellWidth} from './text-width.js';
import {portColumns, sourceColumns} from './traffic-columns.js';

export type TrafficAction = 'accepted' | 'rejected';

export type TrafficInput = {
	readonly flows?: FlowsView;
	readonly state: SourceState;
	readonly window: TimeWindow;
	readonly action: TrafficAction;
};

const actionTone: Readonly<Record<TrafficAction, Tone>> = {accepted: 'green', rejected: 'red'};
const precisionTone: Readonly<Record<Precision, Tone | undefined>> = {
	exact: undefined,
	provisional: 'yellow',
	sampled: 'yellow',
};

function precisionPart(aggregates: FlowAggregates, context: PaneContext): Line {
	const tone = precisionTone[aggregates.precision];
	const firstUnsettled = aggregates.timeline.find((bucket) => bucket.precision !== 'exact');
	if (aggregates.precision === 'exact' || firstUnsettled === undefined) {
		return [seg(aggregates.precision, tone)];
	}

	const clock = formatClock(firstUnsettled.start * 1000, {
		timeZone: context.timeZone,
		seconds: false,
		now: context.now,
	});
	return [seg(`${aggregates.precision} since ${clock}`, tone)];
}

function totalsLine(input: TrafficInput, aggregates: FlowAggregates, context: PaneContext): Line {
	const totals = aggregates[input.action];
	const flows = `${formatNumber(totals.flows)} ${input.action} flows`;
	const parts: Part[] = [
		{line: [seg(flows, actionTone[input.action])], priority: 0},
		{line: line(`${formatNumber(totals.packets)} pkts`), priority: 2},
		{line: line(formatBytes(totals.bytes)), priority: 1},
		{line: precisionPart(aggregates, context), priority: 0},
	];
	return joinParts(parts, context.width, line(context.glyphs.separator, 'dim'));
}

function timelineLine(input: TrafficInput, aggregates: FlowAggregates, context: PaneContext): Line {
	const points = aggregates.timeline.map((bucket) => ({
		t: bucket.start * 1000,
		v: input.action === 'accepted' ? bucket.accepted : bucket.rejected,
	}));
	const peak = points.reduce((highest, point) => Math.max(highest, point.v), 0);
	const label = 'flows ';
	const suffix =
		points.length === 0 ? '' : ` peak ${formatNumber(peak)}/${aggregates.bucketSeconds}s`;
	const cells = Math.max(1, context.width - label.length - suffix.length);
	const drawn = sparkline(
		points,
		{start: input.window.start, end: input.window.end, periodMs: aggregates.bucketSeconds * 1000},
		cells,
		context.glyphs,
	);
	return [seg(label, 'dim'), seg(drawn, actionTone[input.action]), seg(suffix, 'dim')];
}

function tableLines<Row>(
	columns: ReadonlyArray<Column<Row>>,
	rows: readonly Row[],
	width: number,
	room: number,
	selection: {readonly selected: number; readonly focused: boolean},
	context: PaneContext,
): Line[] {
	if (room <= 0) {
		return [];
	}

	const ellipsis = context.glyphs.ellipsis;
	const layout = layoutTable(columns, rows, width);
	return [
		tableHeader(layout, ellipsis),
		...drawVisible(rows, (row) => tableRow(layout, row, ellipsis), {
			visible: room - 1,
			...selection,
			width,
			ellipsis,
		}),
	];
}

/** Side by side, padded so the right table starts in the same column on every line. */
function besideEachOther(
	left: readonly Line[],
	right: readonly Line[],
	leftWidth: number,
	glyphs: Glyphs,
): Line[] {
	const rule = seg(glyphs.columnRule, 'dim');
	const lines: Line[] = [];
	for (let index = 0; index < Math.max(left.length, right.length); index += 1) {
		const leftLine = fitLineExactly(left[index] ?? [], leftWidth, glyphs.ellipsis);
		lines.push([...leftLine, rule, ...(right[index] ?? [])]);
	}

	return lines;
}

/** Wide enough for both tables side by side even when they have to be cut. */
const sideBySideWidth = 100;

export function trafficLines(input: TrafficInput, context: PaneContext): Line[] {
	return withinPane(trafficBody(input, context), context);
}

function trafficBody(input: TrafficInput, context: PaneContext): Line[] {
	const {flows} = input;
	const banner = sourceBanner(input.state, flows !== undefined, context);
	if (!banner.showData || flows === undefined) {
		return [...banner.lines];
	}

	const aggregates = flows.aggregates;
	const lines: Line[] = [
		...banner.lines,
		flowsFreshnessLine(flows, banner.stale, context),
		totalsLine(input, aggregates, context),
		timelineLine(input, aggregates, context),
	];
	const sources =
		input.action === 'accepted' ? aggregates.acceptedSources : aggregates.rejectedSources;
	const ports = input.action === 'accepted' ? aggregates.acceptedPorts : aggregates.rejectedPorts;
	if (sources.length === 0 && ports.length === 0) {
		lines.push(line(`No ${input.action} flows in the window`, 'dim'));
		return lines;
	}

	lines.push(...trafficTables(sources, ports, context.height - lines.length, context));
	return lines;
}

/** Sources and ports side by side when both fit (or the pane is wide), else one above the other. */
function trafficTables(
	sources: readonly SourceAggregate[],
	ports: readonly PortAggregate[],
	room: number,
	context: PaneContext,
): Line[] {
	const selection = {selected: context.selected, focused: context.focused};
	const unselected = {selected: 0, focused: false};
	const sourceTable = sourceColumns(sources.length);
	const portTable = portColumns(ports.length);
	const ruleWidth = cellWidth(context.glyphs.columnRule);
	const sourcesNatural = naturalWidth(sourceTable, sources);
	const portsNatural = naturalWidth(portTable, ports);
	const {width} = context;
	if (width >= sideBySideWidth || sourcesNatural + ruleWidth + portsNatural <= width) {
		const portsWidth = Math.min(portsNatural, Math.floor((width - ruleWidth) / 3));
		const sourcesWidth = Math.min(sourcesNatural, width - portsWidth - ruleWidth);
		const left = tableLines(sourceTable, sources, sourcesWidth, room, selection, context);
		const right = tableLines(portTable, ports, portsWidth, room, unselected, context);
		return besideEachOther(left, right, sourcesWidth, context.glyphs);
	}

	// The sources table gets half the room, more when the ports need less.
	const sourceRoom = Math.min(
		sources.length + 1,
		Math.max(Math.ceil(room / 2), room - (ports.length + 1)),
	);
	return [
		...tableLines(sourceTable, sources, width, sourceRoom, selection, context),
		...tableLines(portTable, ports, width, room - sourceRoom, unselected, context),
	];
}
