// The paste-ready summary: what `--once` prints and what `y` copies into the incident channel.
// Plain text, no color, short lines, every time in UTC with the local time beside it.
import {formatDuration} from '../domain/duration.js';
import {tableShares} from '../domain/flows/aggregate-shares.js';
import {sanitizeText} from '../domain/sanitize.js';
import {
	type FlowAction,
	type FlowAggregates,
	type Snapshot,
	type SourceName,
	type SourceState,
	sourceNames,
} from '../domain/snapshot.js';
import {localClock, localOffset, utcClock, utcDateTime} from '../domain/time-format.js';
import {formatBytes, formatGb, formatNumber, formatUsd} from '../domain/units.js';
import {accessLogLines} from './text-access-logs.js';
import {
	changeLines,
	connectionLines,
	findingLines,
	metricLines,
	rejectedLines,
} from './text-sections.js';
import {wrapSummary} from './text-wrap.js';

function sourceLine(name: SourceName | 'access logs', state: SourceState, now: number): string {
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

function flowTotals(snapshot: Snapshot): string[] {
	const flows = snapshot.flows;
	if (!flows) {
		return [];
	}
	const {accepted, rejected, precision} = flows.aggregates;
	return [
		`Flow records (${precision}; not connections: each record is one direction on one interface): accepted ${formatNumber(accepted.flows)} / ${formatBytes(accepted.bytes)}${sharesText(flows.aggregates, 'ACCEPT')}, rejected ${formatNumber(rejected.flows)} / ${formatBytes(rejected.bytes)}${sharesText(flows.aggregates, 'REJECT')}${flows.sampled ? ` · connection rows are a sample of ${flows.recordsRead} of ${flows.recordsMatched} records` : ''}`,
	];
}

/** " (3255 from clients, 6144 the LB's and targets' own)": what the source lists count of a total. */
function sharesText(aggregates: FlowAggregates, action: FlowAction): string {
	const {split} = tableShares(aggregates, action);
	return split === undefined
		? ''
		: ` (${formatNumber(split.fromClients.flows)} from clients, ${formatNumber(split.own.flows)} the LB's and targets' own)`;
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
		...accessLogLines(snapshot, now),
		...metricLines(snapshot),
		...changeLines(snapshot, now),
		...(gaps.length > 0
			? ['', 'Monitoring gaps:', ...gaps.map((gap) => `  - ${sanitizeText(gap.message)}`)]
			: []),
		'',
		'Sources:',
		...sourceNames.map((name) => sourceLine(name, snapshot.sources[name], now)),
		...(snapshot.accessLogs?.reads === undefined
			? []
			: [sourceLine('access logs', snapshot.accessLogs.reads.state, now)]),
		`Cost: ${formatGb(snapshot.cost.bytesScanned)} scanned by ${snapshot.cost.queries} Insights queries ≈ ${formatUsd(snapshot.cost.usd)}`,
		...dataLakeCostLines(snapshot),
	];
	return `${wrapSummary(lines.join('\n'))}\n`;
}

/** Flow logs in S3: what Athena scanned and billed, and the S3 requests that read the files. */
function dataLakeCostLines(snapshot: Snapshot): string[] {
	const {athena, s3} = snapshot.cost;
	return [
		...(athena === undefined
			? []
			: [
					`  Athena: ${formatGb(athena.bytesScanned)} scanned by ${athena.queries} queries (${formatGb(athena.billedBytes)} billed, 10 MB minimum each) ≈ ${formatUsd(athena.usd)}`,
				]),
		...(s3 === undefined
			? []
			: [
					`  S3: ${s3.listRequests} LIST and ${s3.getRequests} GET requests (${formatGb(s3.bytesRead)} read) ≈ ${formatUsd(s3.usd)}`,
				]),
	];
}
