// The line above every flow pane: how fresh the flow data is, which part of the window is still
// loading, and what the connection rows were read from.
import {sanitizeText} from '../../domain/sanitize.js';
import type {FlowsView, TimeWindow} from '../../domain/snapshot.js';
import {formatNumber} from '../../domain/units.js';
import {formatClock} from './format-cells.js';
import {joinParts, type Line, line, type Part, seg} from './line.js';
import {type Loading, loadingSpan, loadingText} from './loading.js';
import {lagText} from './pane-ages.js';
import {headerClock} from './pane-clock.js';
import {dayNow, type PaneContext} from './pane-context.js';

export type FreshnessOptions = {
	/** The window the pane draws: the part of it the aggregates do not reach yet is loading. */
	readonly window?: TimeWindow;
	/** Whether the pane lists the connection rows (default) rather than aggregates only. */
	readonly rows?: boolean;
};

/** The part of the window the aggregates (totals, timeline, tables) do not cover yet. */
export function flowsLoading(flows: FlowsView, window: TimeWindow): Loading | undefined {
	const bucketMs = Math.max(1, flows.aggregates.bucketSeconds) * 1000;
	return loadingSpan(flows.aggregatesFrom, Math.floor(window.start / bucketMs) * bucketMs);
}

/** "rows 13:02-13:17: 4,812 of 9,630 records": the span the rows were read from and their share. */
function rowsPart(flows: FlowsView, context: PaneContext): Part | undefined {
	const read = formatNumber(flows.recordsRead);
	const matched = formatNumber(flows.recordsMatched);
	if (flows.rowsFrom === undefined) {
		return flows.sampled
			? {line: line(`sample of ${read} of ${matched} records`, 'yellow'), priority: 2}
			: undefined;
	}

	const clock = (time: number) =>
		formatClock(time, {timeZone: context.timeZone, seconds: false, now: dayNow(context)});
	const span = `rows ${clock(flows.rowsFrom)}-${clock(flows.dataThrough ?? context.now)}`;
	return flows.sampled
		? {line: line(`${span}: ${read} of ${matched} records`, 'yellow'), priority: 2}
		: {line: line(`${span}: all ${matched} records`, 'dim'), priority: 2};
}

/**
 * "flows through 13:42:10Z · lag 4m50s · aggregation 60 s · via S3 + Athena · rows 13:02-13:17: N
 * of M records", "loading …" first while part of the window is read, then the pane's own `extra`
 * parts while they fit.
 */
export function flowsFreshnessLine(
	flows: FlowsView,
	stale: boolean,
	context: PaneContext,
	extra: readonly Part[] = [],
	options: FreshnessOptions = {},
): Line {
	const stalePrefix = stale ? [seg('STALE ', 'yellow')] : [];
	const parts: Part[] = [];
	const loading = options.window === undefined ? undefined : flowsLoading(flows, options.window);
	if (loading !== undefined) {
		parts.push({line: line(loadingText(loading, context), 'yellow'), priority: 0});
	}

	if (flows.dataThrough === undefined) {
		parts.push({line: [...stalePrefix, seg('no flow records yet', 'dim')], priority: 0});
	} else {
		const clock = headerClock(flows.dataThrough, context);
		parts.push(
			{line: [...stalePrefix, seg(`flows through ${clock}`, 'dim')], priority: 0},
			{
				line: line(`lag ${lagText(flows.dataThrough, context)}`, 'dim'),
				priority: 1,
			},
		);
	}

	parts.push({line: line(`aggregation ${flows.aggregationSeconds} s`, 'dim'), priority: 3});
	if (flows.via !== undefined) {
		parts.push({line: line(`via ${sanitizeText(flows.via, 40)}`, 'dim'), priority: 3});
	}
	const rows = options.rows === false ? undefined : rowsPart(flows, context);
	if (rows !== undefined) {
		parts.push(rows);
	}

	if (flows.malformedRecords > 0) {
		parts.push({
			line: line(`${formatNumber(flows.malformedRecords)} malformed skipped`, 'dim'),
			priority: 4,
		});
	}

	parts.push(...extra);
	return joinParts(parts, context.width, line(context.glyphs.separator, 'dim'));
}
