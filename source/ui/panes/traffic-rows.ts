// The accepted and rejected panes: totals, a sparkline of flows per time bucket, then the top
// sources and ports. Rejected traffic also says where it was rejected: a REJECT at the LB's
// interface and one at the target's interface have different fixes.
import {type TableShares, tableShares} from '../../domain/flows/aggregate-shares.js';
import type {
	FlowAction,
	FlowAggregates,
	FlowsView,
	Precision,
	SourceState,
	TimeWindow,
	TrafficTotals,
} from '../../domain/snapshot.js';
import {formatBytes, formatNumber} from '../../domain/units.js';
import {flowsFreshnessLine, flowsLoading} from './flows-freshness.js';
import {formatClock} from './format-cells.js';
import {joinParts, type Line, line, lineWidth, type Part, seg, type Tone} from './line.js';
import {type Loading, loadingText} from './loading.js';
import {dayNow, type PaneContext, withinPane} from './pane-context.js';
import {chosenOrder, defaultSortPart, defaultView, type PaneView, viewLine} from './pane-view.js';
import {sourceBanner} from './source-status.js';
import {sparkline} from './sparkline.js';
import {axisReads} from './time-axis.js';
import {trafficTables} from './traffic-tables.js';
import {
	portsInView,
	sourceOrders,
	sourcesInView,
	type TrafficAction,
	trafficSources,
} from './traffic-view.js';

export type {TrafficAction} from './traffic-view.js';

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
		now: dayNow(context),
	});
	return [seg(`${aggregates.precision} since ${clock}`, tone)];
}

function totalsLine(
	input: TrafficInput,
	aggregates: FlowAggregates,
	context: PaneContext,
	loading: Loading | undefined,
): Line {
	if (loading !== undefined) {
		// Totals over part of the window would read as the window's: none until it is all read.
		return [
			seg(`${input.action} records `, actionTone[input.action]),
			seg(loadingText(loading, context), 'yellow'),
		];
	}

	const totals = aggregates[input.action];
	// Flow log records (one direction of one conversation on one interface a minute), not
	// connections: a connection through the LB leaves four to six a minute.
	const flows = `${formatNumber(totals.flows)} ${input.action} records`;
	const parts: Part[] = [
		{line: [seg(flows, actionTone[input.action])], priority: 0},
		{line: line(`${formatNumber(totals.packets)} pkts`), priority: 2},
		{line: line(formatBytes(totals.bytes)), priority: 1},
		{line: precisionPart(aggregates, context), priority: 0},
	];
	return joinParts(parts, context.width, line(context.glyphs.separator, 'dim'));
}

function timelineLine(
	input: TrafficInput,
	aggregates: FlowAggregates,
	context: PaneContext,
	loading: Loading | undefined,
): Line {
	const points = aggregates.timeline.map((bucket) => ({
		t: bucket.start * 1000,
		v: input.action === 'accepted' ? bucket.accepted : bucket.rejected,
	}));
	const peak = points.reduce((highest, point) => Math.max(highest, point.v), 0);
	const label = 'records ';
	const suffix =
		points.length === 0 ? '' : ` peak ${formatNumber(peak)}/${aggregates.bucketSeconds}s`;
	const cells = Math.max(1, context.width - label.length - suffix.length);
	const drawn = sparkline(
		points,
		{start: input.window.start, end: input.window.end, periodMs: aggregates.bucketSeconds * 1000},
		cells,
		context.glyphs,
		loading === undefined ? {} : {loadedFrom: loading.to},
	);
	return [seg(label, 'dim'), seg(drawn, actionTone[input.action]), seg(suffix, 'dim')];
}

const flowAction: Readonly<Record<TrafficAction, FlowAction>> = {
	accepted: 'ACCEPT',
	rejected: 'REJECT',
};

/**
 * How the tables below add up to the totals: what they count (records from clients) and what they
 * leave out (the LB's and targets' own records, sources and ports past the lists).
 */
function sharesLine(shares: TableShares, context: PaneContext): Line {
	const separator = line(context.glyphs.separator, 'dim');
	const {split} = shares;
	if (split === undefined) {
		const left = Math.max(0, shares.total.flows - shares.sources.flows);
		if (left === 0) {
			return line(`tables: all ${formatNumber(shares.total.flows)}`);
		}

		return joinParts(
			[
				{line: line(`tables: ${formatNumber(shares.sources.flows)}`), priority: 0},
				{
					line: line(
						`not listed: ${formatNumber(left)} (the LB's and targets' own, sources past the list)`,
						'dim',
					),
					priority: 1,
				},
			],
			context.width,
			separator,
		);
	}

	const more = (totals: TrafficTotals, what: string, priority: number): Part[] =>
		totals.flows > 0
			? [{line: line(`+${formatNumber(totals.flows)} ${what}`, 'dim'), priority}]
			: [];
	const own = `not listed: ${formatNumber(split.own.flows)} LB/targets' own`;
	const parts = (ownText: string): Part[] => [
		{line: line(`tables: ${formatNumber(split.fromClients.flows)} from clients`), priority: 0},
		...more(split.sourcesPast, 'more sources', 2),
		...more(split.portsPast, 'more ports', 3),
		{line: line(ownText, 'dim'), priority: 1},
	];
	// Why the rest is not listed, where the whole line has room for it.
	const explained = parts(`${own} (replies, backend legs, health checks)`);
	const width = explained.reduce(
		(used, part, index) => used + lineWidth(part.line) + (index > 0 ? lineWidth(separator) : 0),
		0,
	);
	return joinParts(width <= context.width ? explained : parts(own), context.width, separator);
}

/**
 * Everything the pane draws from the window, for its reads (PaneEntry.reads): where the loading
 * part starts (a whole bucket) and the timeline's axis. The window slides with every write of any
 * source; within a bucket that leaves the pane as it was, and equal values draw equal lines.
 */
export function trafficWindowReads(flows: FlowsView | undefined, window: TimeWindow): unknown[] {
	if (flows === undefined) {
		return [];
	}

	return [
		flowsLoading(flows, window)?.from,
		...axisReads(window, flows.aggregates.bucketSeconds * 1000),
	];
}

export function trafficLines(
	input: TrafficInput,
	context: PaneContext,
	view: PaneView = defaultView,
): Line[] {
	return withinPane(trafficBody(input, context, view), context);
}

function trafficBody(input: TrafficInput, context: PaneContext, view: PaneView): Line[] {
	const {flows} = input;
	const banner = sourceBanner(input.state, flows !== undefined, context);
	if (!banner.showData || flows === undefined) {
		return [...banner.lines];
	}

	const aggregates = flows.aggregates;
	const sortLabel = chosenOrder(sourceOrders, view.sortStep).label;
	const allSources = trafficSources({flows}, input.action);
	const lines: Line[] = [
		...banner.lines,
		flowsFreshnessLine(
			flows,
			banner.stale,
			context,
			defaultSortPart(view, sortLabel, allSources.length),
			{window: input.window, rows: false},
		),
	];
	const sources = sourcesInView({flows}, input.action, view);
	const tally = {shown: sources.length, total: allSources.length};
	const header = viewLine(view, tally, sortLabel, context);
	if (header !== undefined) {
		lines.push(header);
	}

	const loading = flowsLoading(flows, input.window);
	lines.push(
		totalsLine(input, aggregates, context, loading),
		timelineLine(input, aggregates, context, loading),
		sharesLine(tableShares(aggregates, flowAction[input.action]), context),
	);
	const allPorts =
		input.action === 'accepted' ? aggregates.acceptedPorts : aggregates.rejectedPorts;
	if (allSources.length === 0 && allPorts.length === 0) {
		lines.push(line(`No ${input.action} records in the window`, 'dim'));
		return lines;
	}

	const ports = portsInView(allPorts, input.action, view);
	if (sources.length === 0 && ports.length === 0) {
		lines.push(line(`No ${input.action} records match the filter`, 'dim'));
		return lines;
	}

	lines.push(
		...keptTables(input, view, context.height - lines.length, context, () =>
			trafficTables(sources, ports, context.height - lines.length, context),
		),
	);
	return lines;
}

type TablesMemo = {readonly key: readonly unknown[]; readonly lines: readonly Line[]};

// The tables measure every source and port each time they are drawn, and a clock tick redraws
// the pane with the same rows: each pane's last tables are kept (two entries, one per action).
const lastTables = new Map<TrafficAction, TablesMemo>();

function keptTables(
	input: TrafficInput,
	view: PaneView,
	room: number,
	context: PaneContext,
	draw: () => Line[],
): readonly Line[] {
	// Everything the tables are drawn from: the rows come from the flows and the view.
	const key = [
		input.flows,
		view.filter?.text,
		view.sortStep,
		room,
		context.width,
		context.selected,
		context.focused,
		context.glyphs,
	];
	const last = lastTables.get(input.action);
	if (last?.key.every((part, index) => part === key[index])) {
		return last.lines;
	}
	const lines = draw();
	lastTables.set(input.action, {key, lines});
	return lines;
}
