// The findings' memory across refreshes. Each store write re-derives the findings from the data;
// what the data alone cannot say comes from the findings held before the write: when a finding
// began (its evidence may have left the window since) and that a finding whose evidence is gone
// was resolved, not silently dropped. A resolved finding stays, as info, for a while, then goes.
import {
	compareFindings,
	type FindingHistory,
	resolvedFinding,
	resolvedKeepMs,
} from '../domain/findings/index.js';
import type {Finding} from '../domain/snapshot.js';

export function findingsHistory(previous: readonly Finding[]): Map<string, FindingHistory> {
	return new Map(
		previous.flatMap((finding) =>
			finding.since === undefined
				? []
				: [[finding.id, {since: finding.since, sinceBefore: finding.sinceBefore === true}]],
		),
	);
}

/** The findings now: those evaluated, plus those held before whose evidence is gone, resolved. */
export function trackFindings(
	previous: readonly Finding[],
	evaluated: readonly Finding[],
	now: number,
): Finding[] {
	const current = new Set(evaluated.map((finding) => finding.id));
	const gone = previous
		.filter((finding) => !current.has(finding.id))
		.map((finding) => resolvedFinding(finding, finding.lastSeen ?? now));
	return [...evaluated, ...gone]
		.filter(
			(finding) => finding.resolvedAt === undefined || now - finding.resolvedAt < resolvedKeepMs,
		)
		.sort(compareFindings);
}
