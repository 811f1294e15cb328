// The paste-ready summary: what `--once` prints and what `y` copies into the incident channel.
// Plain text, no color, short lines, every time in UTC with the local time beside it.
import {formatDuration} from '../domain/duration.js';
import {sanitizeText} from '../domain/sanitize.js';
import {type Snapshot, type SourceName, type SourceState, sourceNames} from '../domain/snapshot.js';
import {localClock, localOffset, utcClock, utcDateTime} from '../domain/time-format.js';
import {formatBytes, formatGb, formatNumber, formatUsd} from '../domain/units.js';
import {changeLines, connectionLines, metricLines, rejectedLines} from './text-sections.js';
import {wrapSummary} from './text-wrap.js';

function sourceLine(name: SourceName, state: SourceState, now: number): string {
	const through =
		state.dataThrough === undefined
			? ''
			: ` data through ${utcClock(state.dataThrough)} (lag ${formatDuration(now - state.dataThrough)})`;
	switch (state.status) {
		case 'ok':
			return `  ${name}: ok${through}`;
		case 'pending':
			return `  ${name}: no data yet`;
		case 'unavailable':
			return `  ${name}: unavailable${state.note ? ` — ${state.note}` : ''}`;
		case 'stale':
		case 'error':
			return `  ${name}: ${state.status === 'stale' ? 'STALE' : 'ERROR'} ${state.error?.message ?? ''}${state.error?.hint ? ` — ${state.error.hint}` : ''}${through}`;
	}
}

function header(snapshot: Snapshot): string[] {
	const topology = snapshot.topology;
	const name = topology
		? `${topology.name} (${topology.type}, ${topology.scheme})`
		: snapshot.target;
	const account = snapshot.identity ? ` · account ${snapshot.identity.account}` : '';
	const {start, end} = snapshot.window;
	return [
		`lbtop · ${sanitizeText(name)} · ${snapshot.region}${account}`,
		`window ${utcDateTime(start)} – ${utcClock(end)} (local ${localClock(start)} – ${localClock(end)} ${localOffset(end)})`,
	];
}

function findingLines(snapshot: Snapshot): string[] {
	if (snapshot.findings.length === 0) {
		const allOk = sourceNames.every((name) => snapshot.sources[name].status === 'ok');
		return [
			allOk ? 'Findings: none' : 'Findings: none so far (some sources have no data: see Sources)',
		];
	}
	return [
		'Findings:',
		...snapshot.findings.map(
			(finding) =>
				`  [${finding.severity.toUpperCase()}] ${sanitizeText(finding.title)}${finding.since === undefined ? '' : ` (since ${utcClock(finding.since)})`} — confidence ${finding.confidence}\n      next: ${sanitizeText(finding.next)}`,
		),
	];
}

function flowTotals(snapshot: Snapshot): string[] {
	const flows = snapshot.flows;
	if (!flows) {
		return [];
	}
	const {accepted, rejected, precision} = flows.aggregates;
	return [
		`Flows (${precision}): accepted ${formatNumber(accepted.flows)} flows / ${formatBytes(accepted.bytes)}, rejected ${formatNumber(rejected.flows)} flows / ${formatBytes(rejected.bytes)}${flows.sampled ? ` · rows are a sample of ${flows.recordsRead} of ${flows.recordsMatched} records` : ''}`,
	];
}

export function textSummary(snapshot: Snapshot, now: number): string {
	const gaps = snapshot.topology?.gaps ?? [];
	const lines = [
		...header(snapshot),
		'',
		...findingLines(snapshot),
		...flowTotals(snapshot),
		...rejectedLines(snapshot),
		...connectionLines(snapshot, now),
		...metricLines(snapshot),
		...changeLines(snapshot, now),
		...(gaps.length > 0
			? ['', 'Monitoring gaps:', ...gaps.map((gap) => `  - ${sanitizeText(gap.message)}`)]
			: []),
		'',
		'Sources:',
		...sourceNames.map((name) => sourceLine(name, snapshot.sources[name], now)),
		`Cost: ${formatGb(snapshot.cost.bytesScanned)} scanned by ${snapshot.cost.queries} Insights queries ≈ ${formatUsd(snapshot.cost.usd)}`,
	];
	return `${wrapSummary(lines.join('\n'))}\n`;
}
