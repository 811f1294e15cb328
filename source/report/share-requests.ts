// What `y` adds to the summary from the access logs: which targets fail or are slow (ALB), and how
// TLS handshakes go per listener (NLB), each line the same words the findings' evidence uses.
// Short on purpose: the paste goes into a chat; the TUI's Requests and TLS panes hold the rest.
// Query strings stay hidden as everywhere (they carry tokens).
import {type AccessLogEvidence, accessLogEvidenceText} from '../domain/access-logs/index.js';
import {sanitizeText} from '../domain/sanitize.js';
import type {Precision, RequestsView, Snapshot, TlsView} from '../domain/snapshot.js';
import {utcClock} from '../domain/time-format.js';
import {formatNumber} from '../domain/units.js';

const maxRows = 5;
const maxRequests = 3;

const precisionWords: Readonly<Record<Precision, string>> = {
	exact: 'exact, Athena',
	provisional: 'from the log files read so far',
	sampled: 'sampled: not every log file read',
};

function heading(title: string, view: RequestsView | TlsView, noun: string): string {
	const span =
		view.coverage === undefined
			? ''
			: ` ${utcClock(view.coverage.start)}-${utcClock(view.coverage.end)}:`;
	const malformed =
		view.malformedEntries > 0 ? `, ${formatNumber(view.malformedEntries)} malformed skipped` : '';
	return `${title} (${precisionWords[view.precision]};${span} ${formatNumber(view.entriesRead)} ${noun}${malformed}):`;
}

function more(count: number, noun: string): string[] {
	return count > 0 ? [`  (+${count} more ${noun})`] : [];
}

function evidenceLines(refs: readonly AccessLogEvidence[], snapshot: Snapshot, indent: string) {
	return refs.map((ref) => `${indent}${sanitizeText(accessLogEvidenceText(ref, snapshot))}`);
}

function requestsLines(snapshot: Snapshot, view: RequestsView): string[] {
	const rows: AccessLogEvidence[] = [
		...view.targets.map((row) => ({
			kind: 'requests' as const,
			target: row.target,
			...(row.targetGroupArn === undefined ? {} : {targetGroupArn: row.targetGroupArn}),
		})),
		...view.notDispatched.map((row) => ({
			kind: 'requests' as const,
			...(row.targetGroupArn === undefined ? {} : {targetGroupArn: row.targetGroupArn}),
		})),
	];
	const requests = (title: string, records: RequestsView['failing']) =>
		records.length === 0
			? []
			: [
					`  ${title}:`,
					...evidenceLines(
						records.slice(0, maxRequests).map((record) => ({kind: 'request', id: record.id})),
						snapshot,
						'    ',
					),
				];
	return [
		'',
		heading('Requests per target, ALB access logs', view, 'requests'),
		...evidenceLines(rows.slice(0, maxRows), snapshot, '  '),
		...more(rows.length - maxRows, 'targets'),
		...requests('Failing requests, newest first', view.failing),
		...requests('Slowest requests', view.slowest),
	];
}

function tlsLines(snapshot: Snapshot, view: TlsView): string[] {
	const rows = view.listeners.map((row) => ({
		kind: 'tls-listener' as const,
		listener: row.listener,
	}));
	return [
		'',
		heading('TLS handshakes per listener, NLB access logs', view, 'connections'),
		...evidenceLines(rows.slice(0, maxRows), snapshot, '  '),
		...more(rows.length - maxRows, 'listeners'),
	];
}

/** The access-log lines of the share text; none while neither slice has data. */
export function shareRequestsLines(snapshot: Snapshot): string[] {
	return [
		...(snapshot.requests === undefined ? [] : requestsLines(snapshot, snapshot.requests)),
		...(snapshot.tls === undefined ? [] : tlsLines(snapshot, snapshot.tls)),
	];
}
