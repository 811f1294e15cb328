// The line above every flow pane: how fresh the flow data is, which part of the window is still
// loading, and what the connection rows were read from.
import {sanitizeText} from '../../domain/sanitize.js';
import type {FlowsView, TimeWindow} from '../../domain/snapshot.js';
import {formatNumber} from '../../domain/units.js';
import {formatClock} from './format-cells.js';
import {joinParts, type Line, line, lineWidth, type Part, seg} from './line.js';
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

/**
 * How much of each part a pane of a given width shows. The first step whose parts that must show
 * fit is drawn; parts not required by it still show where room is left, by priority.
 */
type Step = {
	readonly through: 'long' | 'short' | 'optional';
	readonly lag: boolean;
	readonly loading: 'long' | 'short';
	readonly sample: 'long' | 'counts' | 'share' | 'word';
};

// The sampling note and "STALE" always show (they say what the rows cannot be trusted for); the
// lag and the "through" time go or shorten before the note loses its counts and then its share.
const steps: readonly Step[] = [
	{through: 'long', lag: true, loading: 'long', sample: 'long'},
	{through: 'long', lag: true, loading: 'long', sample: 'counts'},
	{through: 'long', lag: false, loading: 'long', sample: 'counts'},
	{through: 'long', lag: false, loading: 'long', sample: 'share'},
	{through: 'short', lag: false, loading: 'short', sample: 'share'},
	{through: 'short', lag: false, loading: 'short', sample: 'word'},
	{through: 'optional', lag: false, loading: 'short', sample: 'word'},
];

/**
 * "0.05%": unlike the findings' `shareText` ("0.1%", "0.0%"), a small share keeps a significant
 * digit, so a thin sample never reads as none of the records; and every share is cut, never rounded
 * up, so 99.95% of them never reads as all of them.
 */
function sampledShare(read: number, matched: number): string {
	const percent = matched > 0 ? (read / matched) * 100 : 0;
	if (percent >= 10 || percent === 0) {
		return `${Math.floor(percent + 1e-9)}%`;
	}

	if (percent >= 1) {
		return `${cut(percent, 0.1).toFixed(1)}%`;
	}

	if (percent < 0.01) {
		return '<0.01%';
	}

	const digit = 10 ** Math.floor(Math.log10(percent));
	return `${Number(cut(percent, digit).toPrecision(1))}%`;
}

/** `value` cut down to a multiple of `step`; a hair of slack, so 4.1 is not cut to 4.0 by its binary form. */
function cut(value: number, step: number): number {
	return Math.floor(value / step + 1e-9) * step;
}

/** "rows 13:02-13:17: 4,812 of 9,630 records": the span the rows were read from and their share. */
function rowsPart(flows: FlowsView, context: PaneContext, step: Step): Part | undefined {
	const read = formatNumber(flows.recordsRead);
	const matched = formatNumber(flows.recordsMatched);
	if (flows.sampled && step.sample !== 'long') {
		const note = {
			counts: `sampled ${read} of ${matched}`,
			share: `sampled ${sampledShare(flows.recordsRead, flows.recordsMatched)}`,
			word: 'sampled',
		}[step.sample];
		return {line: line(note, 'yellow'), priority: 0};
	}

	if (flows.rowsFrom === undefined) {
		return flows.sampled
			? {line: line(`sample of ${read} of ${matched} records`, 'yellow'), priority: 0}
			: undefined;
	}

	const clock = (time: number) =>
		formatClock(time, {timeZone: context.timeZone, seconds: false, now: dayNow(context)});
	const span = `rows ${clock(flows.rowsFrom)}-${clock(flows.dataThrough ?? context.now)}`;
	return flows.sampled
		? {line: line(`${span}: ${read} of ${matched} records`, 'yellow'), priority: 0}
		: {line: line(`${span}: all ${matched} records`, 'dim'), priority: 2};
}

/** "STALE flows through 13:42:10Z", or what of it the step keeps. */
function throughParts(flows: FlowsView, stale: boolean, context: PaneContext, step: Step): Part[] {
	const stalePrefix = stale ? [seg('STALE ', 'yellow')] : [];
	const through =
		flows.dataThrough === undefined
			? 'no flow records yet'
			: `${step.through === 'long' ? 'flows ' : ''}through ${headerClock(flows.dataThrough, context)}`;
	if (step.through !== 'optional') {
		return [{line: [...stalePrefix, seg(through, 'dim')], priority: 0}];
	}

	const parts: Part[] = [{line: line(through, 'dim'), priority: 1}];
	return stale ? [{line: line('STALE', 'yellow'), priority: 0}, ...parts] : parts;
}

function stepParts(
	flows: FlowsView,
	stale: boolean,
	context: PaneContext,
	options: FreshnessOptions,
	step: Step,
): Part[] {
	const parts: Part[] = [];
	const loading = options.window === undefined ? undefined : flowsLoading(flows, options.window);
	if (loading !== undefined) {
		const text = step.loading === 'long' ? loadingText(loading, context) : 'loading';
		parts.push({line: line(text, 'yellow'), priority: 0});
	}

	parts.push(...throughParts(flows, stale, context, step));
	if (flows.dataThrough !== undefined) {
		parts.push({
			line: line(`lag ${lagText(flows.dataThrough, context)}`, 'dim'),
			priority: step.lag ? 0 : 1,
		});
	}

	parts.push({line: line(`aggregation ${flows.aggregationSeconds} s`, 'dim'), priority: 3});
	if (flows.via !== undefined) {
		parts.push({line: line(`via ${sanitizeText(flows.via, 40)}`, 'dim'), priority: 3});
	}
	const rows = options.rows === false ? undefined : rowsPart(flows, context, step);
	if (rows !== undefined) {
		parts.push(rows);
	}

	if (flows.malformedRecords > 0) {
		parts.push({
			line: line(`${formatNumber(flows.malformedRecords)} malformed skipped`, 'dim'),
			priority: 4,
		});
	}

	return parts;
}

/** Cells the parts that must show take, with the separators between them. */
function requiredWidth(parts: readonly Part[], separator: Line): number {
	const required = parts.filter((part) => part.priority === 0);
	const cells = required.reduce((total, part) => total + lineWidth(part.line), 0);
	return cells + Math.max(0, required.length - 1) * lineWidth(separator);
}

/**
 * "flows through 13:42:10Z · lag 4m50s · aggregation 60 s · via S3 + Athena · rows 13:02-13:17: N
 * of M records", "loading …" first while part of the window is read, then the pane's own `extra`
 * parts while they fit. Narrower, the sampling note, "loading" and "STALE" stay in shorter forms.
 */
export function flowsFreshnessLine(
	flows: FlowsView,
	stale: boolean,
	context: PaneContext,
	extra: readonly Part[] = [],
	options: FreshnessOptions = {},
): Line {
	const separator = line(context.glyphs.separator, 'dim');
	let parts: Part[] = [];
	for (const step of steps) {
		parts = stepParts(flows, stale, context, options, step);
		if (requiredWidth(parts, separator) <= context.width) {
			break;
		}
	}

	return joinParts([...parts, ...extra], context.width, separator);
}
