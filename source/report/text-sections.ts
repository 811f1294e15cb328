// Sections of the text summary that list rows: kept short so the paste stays readable.
import {formatDuration} from '../domain/duration.js';
import {formatMetricValue} from '../domain/metrics/metric-values.js';
import {sanitizeText} from '../domain/sanitize.js';
import type {Snapshot} from '../domain/snapshot.js';
import {utcClock} from '../domain/time-format.js';
import {formatBytes, formatNumber} from '../domain/units.js';
import {clipAtWord} from './text-wrap.js';

const maxRows = 5;

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
					`  ${source.addr} → ports ${source.ports.slice(0, 6).join(',')}${source.ports.length > 6 ? ',…' : ''} · ${formatNumber(source.flows)} flows · rejected at ${source.where === 'target' ? 'target' : 'LB'}`,
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
		`Connections (${connections.length}, first ${Math.min(maxRows, connections.length)}):`,
		...connections.slice(0, maxRows).map((connection) => {
			const target = connection.targetAddr
				? `${connection.targetAddr}:${connection.targetPort ?? '?'}`
				: '?';
			return `  ${connection.clientAddr}:${connection.clientPort} → :${connection.listenerPort ?? '?'} ⇒ ${target} [${action(connection.frontend)} ${action(connection.backend)} ${action(connection.targetView)}] ${connection.kind} · ${formatBytes(connection.bytes)} · ${formatDuration(now - connection.end * 1000)} ago`;
		}),
	];
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
