// What pausing holds back: the screen keeps the snapshot of the moment `p` was pressed while the
// engine keeps collecting, so the banner says what arrived since (the things a bridge acts on:
// findings, alarms, changes, connections, a source that started failing), and resuming says what
// the screen now shows that it did not.
import type {Snapshot, SourceName} from '../../domain/snapshot.js';
import {sourceNames} from '../../domain/snapshot.js';
import {formatClock, formatDuration} from '../format.js';
import type {TimeZoneMode} from '../pane-types.js';

export type PauseSummary = {
	/** How much newer the live snapshot is than the one on screen. */
	readonly heldBackMs: number;
	readonly newFindings: number;
	/** Alarms in ALARM now that were not when the screen froze. */
	readonly newAlarms: number;
	readonly newChanges: number;
	readonly newConnections: number;
	/** Of the new connections, those with a leg REJECTed somewhere. */
	readonly newRejected: number;
	/** Sources that were answering when the screen froze and are failing now. */
	readonly failing: readonly SourceName[];
};

function newIds<T>(shown: readonly T[], live: readonly T[], id: (item: T) => string): T[] {
	const known = new Set(shown.map(id));
	return live.filter((item) => !known.has(id(item)));
}

function firing(snapshot: Snapshot): string[] {
	return (snapshot.metrics?.alarms ?? [])
		.filter((alarm) => alarm.state === 'ALARM')
		.map((alarm) => alarm.name);
}

export function pauseSummary(frozen: Snapshot, live: Snapshot): PauseSummary {
	const connections = newIds(
		frozen.flows?.connections ?? [],
		live.flows?.connections ?? [],
		(connection) => connection.id,
	);
	const rejected = connections.filter((connection) =>
		[connection.frontend, connection.backend, connection.targetView].some(
			(leg) => leg !== undefined && leg.action === 'REJECT',
		),
	);
	return {
		heldBackMs: live === frozen ? 0 : Math.max(0, live.generatedAt - frozen.generatedAt),
		newFindings: newIds(frozen.findings, live.findings, (finding) => finding.id).length,
		newAlarms: newIds(firing(frozen), firing(live), (name) => name).length,
		newChanges: newIds(
			frozen.changes?.events ?? [],
			live.changes?.events ?? [],
			(event) => event.id,
		).length,
		newConnections: connections.length,
		newRejected: rejected.length,
		failing: sourceNames.filter(
			(name) =>
				frozen.sources[name].status === 'ok' &&
				(live.sources[name].status === 'error' || live.sources[name].status === 'stale'),
		),
	};
}

function counted(count: number, one: string, many = `${one}s`): string {
	return `${count} ${count === 1 ? one : many}`;
}

/** What arrived, most actionable first. */
export function arrivals(summary: PauseSummary): string[] {
	const items: string[] = [];
	if (summary.newFindings > 0) {
		items.push(counted(summary.newFindings, 'new finding'));
	}

	if (summary.newAlarms > 0) {
		items.push(`${counted(summary.newAlarms, 'alarm')} firing`);
	}

	if (summary.newChanges > 0) {
		items.push(counted(summary.newChanges, 'change'));
	}

	if (summary.newConnections > 0) {
		const rejected = summary.newRejected > 0 ? ` (${summary.newRejected} rejected)` : '';
		items.push(`${counted(summary.newConnections, 'new connection')}${rejected}`);
	}

	for (const name of summary.failing) {
		items.push(`${name} failing`);
	}

	return items;
}

/**
 * Joins the parts and as many items as fit in `width`: `tail` goes first (the help bar names the
 * key too), then the least important items; what does not fit is counted, never cut mid-word.
 */
function fitted(head: string, items: readonly string[], tail: string, width: number): string {
	const compose = (shown: number, withTail: boolean) => {
		const rest = items.length - shown;
		const listed = [...items.slice(0, shown), ...(rest > 0 ? [`${rest} more`] : [])].join(', ');
		return [head + listed, ...(withTail ? [tail] : [])].join('');
	};
	for (let shown = items.length; shown >= 1; shown -= 1) {
		for (const withTail of shown === items.length ? [true, false] : [false]) {
			const text = compose(shown, withTail);
			if (text.length <= width) {
				return text;
			}
		}
	}

	return compose(Math.min(1, items.length), false);
}

export function pauseText(
	frozen: Snapshot,
	live: Snapshot,
	timeZone: TimeZoneMode,
	separator: string,
	width = Number.POSITIVE_INFINITY,
): string {
	const summary = pauseSummary(frozen, live);
	const head = `PAUSED at ${formatClock(frozen.generatedAt, timeZone)}${separator}`;
	const tail = `${separator}p resumes`;
	const items = arrivals(summary);
	if (summary.heldBackMs === 0 && items.length === 0) {
		return `${head}still collecting, nothing newer yet${tail}`;
	}

	const held = `held back${heldFor(summary)}`;
	if (items.length === 0) {
		return `${head}${held} of updates, nothing new in them${tail}`;
	}

	return fitted(`${head}${held}: `, items, tail, width);
}

/** Said once the screen moves on: what it now shows that it did not while paused. */
export function resumeText(frozen: Snapshot, live: Snapshot, width = Number.POSITIVE_INFINITY) {
	const summary = pauseSummary(frozen, live);
	const items = arrivals(summary);
	const caught = `RESUMED:${heldFor(summary)} caught up`;
	if (items.length === 0) {
		return `${caught}, nothing new in it`;
	}

	return fitted(`${caught}, now shown: `, items, '', width);
}

/**
 * How much newer the live snapshot is, after a space; nothing when it is not newer in time though
 * it holds more (a read that began before the screen froze wrote its rows after).
 */
function heldFor(summary: PauseSummary): string {
	return summary.heldBackMs === 0 ? '' : ` ${formatDuration(summary.heldBackMs)}`;
}
