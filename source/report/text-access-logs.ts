// The access logs in the paste: per target the ALB's requests, 5XX share and timings, per TLS
// listener the NLB's handshakes, where the figures come from (Athena, or the objects read), and
// what keeps lbtop from reading them, and the newest failing and slowest request lines (query
// strings hidden: they carry tokens). Short, like every section: the worst rows first.
import {accessLogEvidenceText} from '../domain/access-logs/index.js';
import {formatDuration} from '../domain/duration.js';
import {sanitizeText} from '../domain/sanitize.js';
import type {
	AccessLogReads,
	RequestsView,
	Snapshot,
	TlsListenerStats,
	TlsView,
	TopCounts,
} from '../domain/snapshot.js';
import {utcClock} from '../domain/time-format.js';
import {formatNumber} from '../domain/units.js';

const maxRows = 5;
const maxRequests = 3;

const percent = (part: number, whole: number) =>
	whole === 0 ? '0%' : `${formatNumber(Math.round((part / whole) * 1000) / 10)}%`;

const seconds = (value: number | undefined) =>
	value === undefined
		? '-'
		: value < 1
			? `${Math.round(value * 1000)} ms`
			: `${value.toFixed(2)} s`;

function basis(
	reads: AccessLogReads | undefined,
	view: RequestsView | TlsView,
	now: number,
): string {
	const from =
		reads?.basis === 'athena' ? `Athena ${reads.table ?? ''}`.trim() : 'the objects read';
	const through =
		view.dataThrough === undefined
			? ''
			: ` · through ${utcClock(view.dataThrough)} (lag ${formatDuration(now - view.dataThrough)})`;
	return `from ${from}, ${view.precision}${through}`;
}

/** The request lines the bridge asks for first, in the words of the findings' evidence. */
function recordLines(
	snapshot: Snapshot,
	title: string,
	records: RequestsView['failing'],
): string[] {
	return records.length === 0
		? []
		: [
				`  ${title}:`,
				...records
					.slice(0, maxRequests)
					.map(
						(record) =>
							`    ${sanitizeText(accessLogEvidenceText({kind: 'request', id: record.id}, snapshot))}`,
					),
			];
}

function requestLines(
	snapshot: Snapshot,
	view: RequestsView,
	reads: AccessLogReads | undefined,
	now: number,
): string[] {
	const {totals} = view;
	const lbCodes = totals.elbCodes
		.map((code) => `${code.name} ×${formatNumber(code.count)}`)
		.join(', ');
	const notDispatched = view.notDispatched.reduce((sum, group) => sum + group.requests, 0);
	return [
		`Requests (ALB access logs, ${basis(reads, view, now)}): ${formatNumber(totals.requests)} requests, target 5XX ${percent(totals.target5xx, totals.requests)}, LB 5XX ${formatNumber(totals.elb5xx)}${lbCodes === '' ? '' : ` (${lbCodes})`}, not dispatched ${formatNumber(notDispatched)}`,
		...view.targets
			.slice(0, maxRows)
			.map(
				(target) =>
					`  ${sanitizeText(target.target)}: ${formatNumber(target.requests)} req · target 5XX ${percent(target.target5xx, target.requests)} (${formatNumber(target.target5xx)}) · no answer ${formatNumber(target.noAnswer)} · p50 ${seconds(target.targetTime.p50)} p99 ${seconds(target.targetTime.p99)}`,
			),
		...(view.targets.length > maxRows ? [`  … ${view.targets.length - maxRows} more targets`] : []),
		...recordLines(snapshot, 'Failing requests, newest first', view.failing),
		...recordLines(snapshot, 'Slowest requests', view.slowest),
	];
}

const topNames = (counts: TopCounts) =>
	counts.top
		.slice(0, 3)
		.map((item) => `${sanitizeText(item.name, 60)} ×${formatNumber(item.count)}`)
		.join(', ');

function listenerLine(listener: TlsListenerStats): string {
	const alerts = topNames(listener.alerts);
	const ms = (value: number | undefined) =>
		value === undefined ? '-' : `${formatNumber(Math.round(value))} ms`;
	return `  ${sanitizeText(listener.listener, 40)}: ${formatNumber(listener.connections)} conns · handshake p50 ${ms(listener.handshake.p50)} p99 ${ms(listener.handshake.p99)} · failed ${percent(listener.failedHandshakes, listener.connections)} · TLS 1.0/1.1 ${percent(listener.oldProtocol, listener.connections)}${alerts === '' ? '' : ` · alerts ${alerts}`}`;
}

export function accessLogLines(snapshot: Snapshot, now: number): string[] {
	const setup = snapshot.accessLogs;
	const reads = setup?.reads;
	return [
		...(snapshot.requests === undefined
			? []
			: requestLines(snapshot, snapshot.requests, reads, now)),
		...(snapshot.tls === undefined
			? []
			: [
					`TLS (NLB access logs, ${basis(reads, snapshot.tls, now)}):`,
					...snapshot.tls.listeners.slice(0, maxRows).map(listenerLine),
				]),
		...(setup?.gaps ?? []).map((gap) => `Access logs: ${sanitizeText(gap.message)}`),
	];
}
