// What the Requests and TLS panes say above their rows: how fresh the access logs are and what
// the figures were computed from (Athena over settled time, or only the objects read so far), or,
// before any data, why there is none and what to enable.
import type {
	AccessLogGap,
	AccessLogGapKind,
	AccessLogsSetup,
	Precision,
	RequestsView,
	TlsView,
} from '../../domain/snapshot.js';
import {formatNumber} from '../../domain/units.js';
import {formatClock} from './format-cells.js';
import {joinParts, type Line, line, type Part, seg, wrapLines} from './line.js';
import {lagText} from './pane-ages.js';
import {headerClock} from './pane-clock.js';
import {dayNow, type PaneContext} from './pane-context.js';
import {sourceBanner} from './source-status.js';

/** What both access-log slices carry about where their figures come from. */
export type AccessLogFreshness = Pick<
	RequestsView | TlsView,
	'precision' | 'percentiles' | 'coverage' | 'dataThrough' | 'entriesRead' | 'malformedEntries'
>;

const precisionWords: Readonly<Record<Precision, string>> = {
	exact: 'exact (Athena)',
	provisional: 'from the objects read',
	sampled: 'sampled: not every object read',
};

/**
 * "logs through 13:40:00Z · lag 5m · from the objects read · 13:25-13:40: 12,408 entries · p50/p99
 * within 1%", then the pane's own parts while they fit.
 */
export function accessLogFreshnessLine(
	view: AccessLogFreshness,
	noun: string,
	context: PaneContext,
	extra: readonly Part[] = [],
): Line {
	const parts: Part[] = [];
	if (view.dataThrough === undefined) {
		parts.push({line: line(`no ${noun} read yet`, 'dim'), priority: 0});
	} else {
		parts.push(
			{line: line(`logs through ${headerClock(view.dataThrough, context)}`, 'dim'), priority: 0},
			{
				line: line(`lag ${lagText(view.dataThrough, context)}`, 'dim'),
				priority: 2,
			},
		);
	}

	parts.push({
		line: line(precisionWords[view.precision], view.precision === 'exact' ? 'dim' : 'yellow'),
		priority: 1,
	});
	const clock = (time: number) =>
		formatClock(time, {timeZone: context.timeZone, seconds: false, now: dayNow(context)});
	const span =
		view.coverage === undefined
			? ''
			: `${clock(view.coverage.start)}-${clock(view.coverage.end)}: `;
	parts.push({
		line: line(`${span}${formatNumber(view.entriesRead)} ${noun}`, 'dim'),
		priority: 3,
	});
	if (view.malformedEntries > 0) {
		parts.push({
			line: line(`${formatNumber(view.malformedEntries)} malformed skipped`, 'dim'),
			priority: 4,
		});
	}

	parts.push({
		line: line(view.percentiles === 'athena' ? 'p: Athena approx' : 'p: sketch, within 1%', 'dim'),
		priority: 6,
	});
	parts.push(...extra);
	return joinParts(parts, context.width, line(context.glyphs.separator, 'dim'));
}

/** A gap, wrapped: what is missing, then the attributes to set and the command that sets them. */
function gapLines(gap: AccessLogGap): Line[] {
	return [
		[seg(gap.message, 'yellow')],
		...(gap.attributes === undefined || gap.attributes.length === 0
			? []
			: [line(`enable: ${gap.attributes.join(' ')}`)]),
		...(gap.command === undefined ? [] : [line(`run: ${gap.command}`, 'dim')]),
	];
}

/** The setup's gaps of these kinds, each wrapped to the pane's width. */
export function accessLogGapLines(
	setup: AccessLogsSetup | undefined,
	kinds: readonly AccessLogGapKind[],
	context: PaneContext,
): Line[] {
	const gaps = (setup?.gaps ?? []).filter((gap) => kinds.includes(gap.kind));
	return wrapLines(gaps.flatMap(gapLines), context.width);
}

/**
 * A read that failed (S3 or Athena denied, throttled, unreachable): what failed, what to do and
 * when lbtop tries again, as every pane says its source's failure; nothing while reads succeed.
 */
export function accessLogFailureLines(
	setup: AccessLogsSetup | undefined,
	hasData: boolean,
	context: PaneContext,
): Line[] {
	const state = setup?.reads?.state;
	if (state === undefined || (state.status !== 'error' && state.status !== 'stale')) {
		return [];
	}

	return wrapLines(sourceBanner(state, hasData, context).lines, context.width);
}

/** Before any data and without a gap: where lbtop reads from, or that discovery has not said yet. */
export function waitingLines(
	setup: AccessLogsSetup | undefined,
	noun: string,
	context: PaneContext,
): Line[] {
	const where =
		setup?.access === undefined
			? 'where the access logs are is not known yet (DescribeLoadBalancerAttributes)'
			: `reading ${setup.access.location}`;
	return wrapLines(
		[
			line(`No ${noun} read yet`, 'dim'),
			line(`${where}; ELB writes a file every 5 minutes, a few minutes late`, 'dim'),
		],
		context.width,
	);
}
