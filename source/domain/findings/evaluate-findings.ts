// Runs every rule over one Snapshot and turns the drafts into the findings line: alarms and the
// change that likely caused each finding are added as evidence, then critical first, newest first.
import type {Snapshot} from '../snapshot.js';
import type {Finding, FindingSeverity} from '../types/findings.js';
import {alarmEvidence} from './alarm-evidence.js';
import {findCausingChange, withCausingChange} from './change-correlation.js';
import {type DraftFinding, draft, type FindingRule} from './draft.js';
import {beganBeforeRows} from './evidence-time.js';
import {resolvedFinding} from './resolved.js';
import type {RuleMemo} from './rule-memo.js';
import {accessLogGapsRule} from './rules/access-log-gaps.js';
import {alarmFindings} from './rules/alarm-firing.js';
import {applicationErrorsRule} from './rules/application-errors.js';
import {blockedAtLbRule} from './rules/blocked-at-lb.js';
import {handshakeUnansweredRule} from './rules/handshake-unanswered.js';
import {heavySourcesRule} from './rules/heavy-sources.js';
import {monitoringGapsRule} from './rules/monitoring-gaps.js';
import {newSourceRule} from './rules/new-source.js';
import {notDispatchedRule} from './rules/not-dispatched.js';
import {oldTlsRule} from './rules/old-tls.js';
import {portAllocationErrorsRule} from './rules/port-allocation-errors.js';
import {resetSpikeRule} from './rules/reset-spike.js';
import {slowTargetRule} from './rules/slow-target.js';
import {sourceProbesRule} from './rules/source-probes.js';
import {sourceScanRule} from './rules/source-scan.js';
import {target5xxRule} from './rules/target-5xx.js';
import {targetDeregisteredRule} from './rules/target-deregistered.js';
import {targetNoAnswerRule} from './rules/target-no-answer.js';
import {targetRejectsRule} from './rules/target-rejects.js';
import {tlsHandshakeFailuresRule} from './rules/tls-handshakes.js';
import {unhealthyTargetsRule} from './rules/unhealthy-targets.js';
import {
	defaultChangeWindowMinutes,
	resolveQuietIntervals,
	resolveQuietMinMs,
} from './thresholds.js';

/** What lbtop remembers of a finding across refreshes: its evidence may have left the window. */
export type FindingHistory = {
	/** Unix ms. */
	readonly since: number;
	readonly sinceBefore: boolean;
};

export type EvaluateOptions = {
	/** Unix ms; defaults to the snapshot's generatedAt, so the same snapshot gives the same findings. */
	readonly now?: number;
	/** A finding that began within this many minutes after a related change names it. */
	readonly changeWindowMinutes?: number;
	/** Earlier refreshes' starts, by finding id (source/live keeps them). */
	readonly history?: ReadonlyMap<string, FindingHistory>;
	/** What the rules returned for the previous snapshot: a rule whose inputs held is not rerun. */
	readonly memo?: RuleMemo;
	/** The rules to run; all of lbtop's by default. */
	readonly rules?: readonly FindingRule[];
};

export const findingRules: readonly FindingRule[] = [
	targetRejectsRule,
	blockedAtLbRule,
	sourceScanRule,
	sourceProbesRule,
	newSourceRule,
	heavySourcesRule,
	unhealthyTargetsRule,
	resetSpikeRule,
	targetDeregisteredRule,
	applicationErrorsRule,
	portAllocationErrorsRule,
	monitoringGapsRule,
	target5xxRule,
	targetNoAnswerRule,
	handshakeUnansweredRule,
	slowTargetRule,
	notDispatchedRule,
	tlsHandshakeFailuresRule,
	oldTlsRule,
	accessLogGapsRule,
];

const severityRank: Readonly<Record<FindingSeverity, number>> = {critical: 0, warning: 1, info: 2};

export function evaluateFindings(snapshot: Snapshot, options: EvaluateOptions = {}): Finding[] {
	const now = options.now ?? snapshot.generatedAt;
	// The rules read the clock from the snapshot, where a memo sees them read it.
	const clocked = now === snapshot.generatedAt ? snapshot : {...snapshot, generatedAt: now};
	const windowMs = (options.changeWindowMinutes ?? defaultChangeWindowMinutes) * 60_000;
	const changes = snapshot.changes?.events ?? [];
	const seen = new Set<string>();
	const findings: Finding[] = [];
	const settle = (candidate: DraftFinding): void => {
		if (seen.has(candidate.finding.id)) {
			return;
		}

		seen.add(candidate.finding.id);
		const remembered = withHistory(
			beganWhen(clocked, candidate),
			options.history?.get(candidate.finding.id),
		);
		const withAlarms: Finding = {
			...remembered,
			evidence: [...remembered.evidence, ...alarmEvidence(snapshot, candidate)],
		};
		const change = findCausingChange(candidate, remembered.since, changes, windowMs);
		const named = change === undefined ? withAlarms : withCausingChange(withAlarms, change);
		const resolved = resolvedAt(snapshot, candidate, named);
		findings.push(resolved === undefined ? named : resolvedFinding(named, resolved));
	};

	const {memo} = options;
	for (const rule of options.rules ?? findingRules) {
		const drafts =
			memo === undefined ? runRule(rule, clocked) : memo.evaluate(rule, clocked, runRule);
		for (const candidate of drafts) {
			settle(candidate);
		}
	}

	for (const candidate of alarmFindings(snapshot, now, findings)) {
		settle(candidate);
	}

	return findings.sort(compareFindings);
}

/** A start taken from the connection rows may lie before them: "began by", not "began at". */
function beganWhen(snapshot: Snapshot, candidate: DraftFinding): Finding {
	const {finding} = candidate;
	if (candidate.sinceFromRows !== true || finding.since === undefined) {
		return finding;
	}

	const {sinceBefore: _unknown, ...rest} = finding;
	return beganBeforeRows(snapshot, finding.since) ? {...rest, sinceBefore: true} : rest;
}

/** The earliest start any refresh saw: the window slides, what began earlier did not move. */
function withHistory(finding: Finding, history: FindingHistory | undefined): Finding {
	if (history === undefined || finding.since === undefined || history.since > finding.since) {
		return finding;
	}

	const sinceBefore =
		history.since < finding.since
			? history.sinceBefore
			: history.sinceBefore && finding.sinceBefore === true;
	const {sinceBefore: _dropped, ...rest} = finding;
	return {...rest, since: history.since, ...(sinceBefore ? {sinceBefore: true} : {})};
}

/**
 * The evidence stopped where traffic kept flowing: long enough quiet (several aggregation
 * intervals), or at once when the rules read since allow what was rejected.
 */
function resolvedAt(
	snapshot: Snapshot,
	candidate: DraftFinding,
	finding: Finding,
): number | undefined {
	const last = finding.lastSeen;
	const clear = candidate.clearThrough;
	if (last === undefined || clear === undefined || clear <= last) {
		return undefined;
	}

	const interval = (snapshot.flows?.aggregationSeconds ?? 60) * 1000;
	const quiet = Math.max(resolveQuietMinMs, resolveQuietIntervals * interval);
	return candidate.rulesAllowNow === true || clear - last >= quiet ? last : undefined;
}

export function compareFindings(a: Finding, b: Finding): number {
	return (
		severityRank[a.severity] - severityRank[b.severity] ||
		(b.since ?? Number.NEGATIVE_INFINITY) - (a.since ?? Number.NEGATIVE_INFINITY) ||
		a.id.localeCompare(b.id)
	);
}

/**
 * Rules are pure, but snapshots also come back from JSON files and older versions: one rule
 * tripping over odd data must not take the other findings with it, so its failure is reported
 * as a finding of its own.
 */
function runRule(rule: FindingRule, snapshot: Snapshot): readonly DraftFinding[] {
	try {
		return rule.evaluate(snapshot);
	} catch (error) {
		const message = error instanceof Error ? error.message : String(error);
		return [
			draft({
				rule: 'rule-error',
				key: rule.name,
				severity: 'info',
				confidence: 'low',
				title: `lbtop could not evaluate ${rule.name} on this data: ${message}`,
				evidence: [],
				next: 'The other findings are unaffected; please report this with `lbtop --json` output',
			}),
		];
	}
}
