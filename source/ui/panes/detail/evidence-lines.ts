// A finding's evidence, each item resolved to what it points at in the same snapshot: the
// connection row, the change, the alarm, the target and its health, the metric's latest value.
// An item no longer in the snapshot (aged out of the window) says so instead of vanishing.

import {accessLogEvidenceText} from '../../../domain/access-logs/evidence-text.js';
import {formatMetricValue, summarizeSeries} from '../../../domain/metrics/metric-values.js';
import type {EvidenceRef, Snapshot} from '../../../domain/snapshot.js';
import {formatBytes, formatNumber} from '../../../domain/units.js';
import {actorText} from '../changes-rows.js';
import {type Line, line, seg} from '../line.js';
import {alarmLines} from '../metrics-alarms.js';
import {clockText} from '../pane-clock.js';
import type {PaneContext} from '../pane-context.js';
import {whereText} from '../traffic-columns.js';
import {connectionSummary} from './connection-detail.js';
import {factsLine, indent, part} from './detail-lines.js';
import {findTargetById, targetHealthLine} from './target-health.js';

export type EvidenceSnapshot = Pick<
	Snapshot,
	'flows' | 'changes' | 'metrics' | 'topology' | 'window' | 'requests' | 'tls'
>;

function labelled(label: string, rest: Line): Line {
	return [seg(indent), seg(`${label} `, 'dim'), ...rest];
}

function gone(label: string, what: string): Line {
	return [seg(indent), seg(`${label} `, 'dim'), seg(`${what} (no longer in the window)`, 'dim')];
}

function connectionEvidence(snapshot: EvidenceSnapshot, id: string): Line {
	const connection = snapshot.flows?.connections.find((entry) => entry.id === id);
	return connection === undefined
		? gone('connection', id)
		: labelled('connection', connectionSummary(connection));
}

function sourceEvidence(snapshot: EvidenceSnapshot, addr: string, context: PaneContext): Line {
	const source = snapshot.flows?.aggregates.rejectedSources.find((entry) => entry.addr === addr);
	if (source === undefined) {
		return gone('rejected source', addr);
	}

	return factsLine(
		[
			{line: [seg('rejected source ', 'dim'), seg(source.addr)], priority: 0},
			part(whereText(source.where), 1, 'red'),
			part(`${formatNumber(source.flows)} records`, 2),
			part(`ports ${source.ports.join(',')}`, 3),
			part(formatBytes(source.bytes), 4),
		],
		context,
		indent,
	);
}

function metricEvidence(snapshot: EvidenceSnapshot, seriesId: string, context: PaneContext): Line {
	const metrics = snapshot.metrics;
	const series = metrics?.series.find((entry) => entry.id === seriesId);
	if (metrics === undefined || series === undefined) {
		return gone('metric', seriesId);
	}

	const summary = summarizeSeries(
		series,
		metrics.dataThrough ?? snapshot.window.end,
		snapshot.window.start,
	);
	const latest = [...series.points].sort((a, b) => b.t - a.t)[0];
	const now =
		summary.current === undefined
			? latest === undefined
				? 'no datapoints'
				: `last ${formatMetricValue(series, latest.v)} at ${clockText(latest.t, context)}`
			: `now ${formatMetricValue(series, summary.current)}`;
	return factsLine(
		[
			{line: [seg('metric ', 'dim'), seg(series.label)], priority: 0},
			part(now, 1),
			part(
				`max ${summary.max === undefined ? '-' : formatMetricValue(series, summary.max)}`,
				2,
				'dim',
			),
		],
		context,
		indent,
	);
}

function alarmEvidence(snapshot: EvidenceSnapshot, name: string, context: PaneContext): Line[] {
	const alarm = snapshot.metrics?.alarms.find((entry) => entry.name === name);
	if (alarm === undefined) {
		return [gone('alarm', name)];
	}

	const inner = {...context, width: Math.max(1, context.width - indent.length - 'alarm '.length)};
	return alarmLines([alarm], inner).map((entry) => labelled('alarm', entry));
}

function changeEvidence(snapshot: EvidenceSnapshot, id: string, context: PaneContext): Line {
	const event = snapshot.changes?.events.find((entry) => entry.id === id);
	if (event === undefined) {
		return gone('change', id);
	}

	// The summary says what changed: it is cut at the end rather than dropped.
	return [
		seg(indent),
		seg('change ', 'dim'),
		seg(`${clockText(event.time, context)} `),
		seg(event.name, 'bold'),
		...(event.errorCode === undefined ? [] : [seg(` failed: ${event.errorCode}`, 'red')]),
		seg(` ${event.summary}`),
		seg(` by ${actorText(event)}`, 'dim'),
	];
}

function targetEvidence(
	snapshot: EvidenceSnapshot,
	evidence: Extract<EvidenceRef, {kind: 'target'}>,
	context: PaneContext,
): Line {
	const ref = findTargetById(snapshot.topology, evidence.targetGroupArn, evidence.id);
	if (ref === undefined) {
		return [
			seg(indent),
			seg('target ', 'dim'),
			seg(evidence.id),
			seg(' (not among the registered targets discovery found)', 'dim'),
		];
	}

	return targetHealthLine(ref, context, `${indent}target `);
}

function gapEvidence(snapshot: EvidenceSnapshot, gap: string): Line {
	const found = snapshot.topology?.gaps.find((entry) => entry.kind === gap);
	return labelled('monitoring gap', line(found?.message ?? gap, 'yellow'));
}

export function evidenceLines(
	evidence: EvidenceRef,
	snapshot: EvidenceSnapshot,
	context: PaneContext,
): Line[] {
	switch (evidence.kind) {
		case 'connection': {
			return [connectionEvidence(snapshot, evidence.id)];
		}

		case 'rejected-source': {
			return [sourceEvidence(snapshot, evidence.addr, context)];
		}

		case 'metric': {
			return [metricEvidence(snapshot, evidence.seriesId, context)];
		}

		case 'alarm': {
			return alarmEvidence(snapshot, evidence.name, context);
		}

		case 'change': {
			return [changeEvidence(snapshot, evidence.id, context)];
		}

		case 'target': {
			return [targetEvidence(snapshot, evidence, context)];
		}

		case 'gap': {
			return [gapEvidence(snapshot, evidence.gap)];
		}

		case 'requests':
		case 'request':
		case 'tls-listener': {
			return [labelled('access logs', line(accessLogEvidenceText(evidence, snapshot)))];
		}
	}
}
