// Sections of the text summary that list rows: kept short so the paste stays readable.
import {formatDuration} from '../domain/duration.js';
import {pairingLabel, pairingLabels} from '../domain/flows/pairing-labels.js';
import {formatMetricValue} from '../domain/metrics/metric-values.js';
import {sanitizeText} from '../domain/sanitize.js';
import {type Connection, type Finding, type Snapshot, sourceNames} from '../domain/snapshot.js';
import {utcClock} from '../domain/time-format.js';
import {formatBytes, formatNumber} from '../domain/units.js';
import {clipAtWord} from './text-wrap.js';

const maxRows = 5;

/** "resolved at 13:52:00Z: " before the title, "(since before 13:40:00Z, last seen 13:51:10Z)" after. */
function findingTimes(finding: Finding): {before: string; after: string} {
	const before =
		finding.resolvedAt === undefined ? '' : `resolved at ${utcClock(finding.resolvedAt)}: `;
	const times = [
		...(finding.since === undefined
			? []
			: [`since ${finding.sinceBefore === true ? 'before ' : ''}${utcClock(finding.since)}`]),
		...(finding.lastSeen === undefined || finding.resolvedAt !== undefined
			? []
			: [`last seen ${utcClock(finding.lastSeen)}`]),
	];
	return {before, after: times.length > 0 ? ` (${times.join(', ')})` : ''};
}

export function findingLines(snapshot: Snapshot): string[] {
	if (snapshot.findings.length === 0) {
		const allOk = sourceNames.every((name) => snapshot.sources[name].status === 'ok');
		return [
			allOk ? 'Findings: none' : 'Findings: none so far (some sources have no data: see Sources)',
		];
	}
	return [
		'Findings:',
		...snapshot.findings.map((finding) => {
			const {before, after} = findingTimes(finding);
			return `  [${finding.severity.toUpperCase()}] ${before}${sanitizeText(finding.title)}${after} — confidence ${finding.confidence}\n      next: ${sanitizeText(finding.next)}`;
		}),
	];
}

export function rejectedLines(snapshot: Snapshot): string[] {
	const sources = snapshot.flows?.aggregates.rejectedSources ?? [];
	if (sources.length === 0) {
		return [];
	}
	return [
		'Top rejected sources:',
		...sources
			.slice(0, maxRows)
			.map(
				(source) =>
					`  ${source.addr} → ports ${source.ports.slice(0, 6).join(',')}${source.ports.length > 6 ? ',…' : ''} · ${formatNumber(source.flows)} records · rejected at ${source.where === 'target' ? 'target' : 'LB'}`,
			),
	];
}

export function connectionLines(snapshot: Snapshot, now: number): string[] {
	const connections = snapshot.flows?.connections ?? [];
	if (connections.length === 0) {
		return [];
	}
	const action = (leg: {readonly action: string} | undefined) =>
		leg ? leg.action.slice(0, 3) : '-';
	return [
		`Connections (${connections.length} rows: ${kindCounts(connections)}; first ${Math.min(maxRows, connections.length)}):`,
		...connections.slice(0, maxRows).map((connection) => {
			const target = connection.targetAddr
				? `${connection.targetAddr}:${connection.targetPort ?? '?'}`
				: '?';
			return `  ${connection.clientAddr}:${connection.clientPort} → :${connection.listenerPort ?? '?'} ⇒ ${target} [${action(connection.frontend)} ${action(connection.backend)} ${action(connection.targetView)}] ${pairingLabel(connection)} · ${formatBytes(connection.bytes)} · ${formatDuration(now - connection.end * 1000)} ago`;
		}),
	];
}

/** "413 exact, 20 likely, 83 health chk": rows per kind, in the labels' order, as the screen words them. */
function kindCounts(connections: readonly Connection[]): string {
	const counts = new Map<string, number>();
	for (const label of Object.values(pairingLabels)) {
		counts.set(label, 0);
	}

	for (const connection of connections) {
		const label = pairingLabel(connection);
		counts.set(label, (counts.get(label) ?? 0) + 1);
	}

	return [...counts]
		.filter(([, count]) => count > 0)
		.map(([label, count]) => `${count} ${label}`)
		.join(', ');
}

export function metricLines(snapshot: Snapshot): string[] {
	const metrics = snapshot.metrics;
	if (!metrics) {
		return [];
	}
	const alarms = metrics.alarms.filter((alarm) => alarm.state === 'ALARM');
	// The LB-wide series only: the per-AZ and per-target-group breakdowns belong on the screen.
	const latest = metrics.series
		.filter((series) => series.dimensions.AvailabilityZone === undefined)
		.flatMap((series) => {
			const point = series.points.at(-1);
			// Formatted as on the screen: rates per second, latencies in ms, so a paste matches it.
			return point
				? [`  ${series.label}: ${formatMetricValue(series, point.v)} at ${utcClock(point.t)}`]
				: [];
		});
	return [
		...(alarms.length > 0
			? [
					'Alarms in ALARM:',
					...alarms.map(
						(alarm) =>
							`  ${sanitizeText(alarm.name)} since ${utcClock(alarm.since)}: ${clipAtWord(sanitizeText(alarm.reason), 600)}`,
					),
				]
			: []),
		...(latest.length > 0 ? ['Metrics (latest):', ...latest] : []),
	];
}

export function changeLines(snapshot: Snapshot, now: number): string[] {
	const events = snapshot.changes?.events ?? [];
	if (events.length === 0) {
		return [];
	}
	return [
		'Recent changes:',
		...events
			.slice(0, maxRows)
			.map(
				(event) =>
					`  ${utcClock(event.time)} (${formatDuration(now - event.time)} ago) ${sanitizeText(event.actor.name)} ${sanitizeText(event.name)} ${clipAtWord(sanitizeText(event.summary), 600)}${event.errorCode ? ` FAILED ${sanitizeText(event.errorCode)}` : ''}`,
			),
	];
}
