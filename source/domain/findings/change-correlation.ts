// A finding that began shortly after a change to a resource it involves names that change: "who
// changed what" is usually the fastest way out of a network incident.
import {touchesAny} from '../changes/relevant-to-path.js';
import {sanitizeText} from '../sanitize.js';
import type {ChangeEvent} from '../types/changes.js';
import type {Finding} from '../types/findings.js';
import type {DraftFinding} from './draft.js';
import {durationText, utcTime} from './format.js';
import {changeClockToleranceMs} from './thresholds.js';

/** Room for the change's name and actor after a full rule title. */
const maxTitleLength = 320;
const maxNextLength = 720;

/**
 * Security group rules only allow: adding one never denies anything (AWS VPC User Guide, security
 * group rules), so an authorization made beside a revocation is never what blocked the traffic.
 */
const onlyAllows = new Set(['AuthorizeSecurityGroupIngress', 'AuthorizeSecurityGroupEgress']);

export function findCausingChange(
	draft: DraftFinding,
	since: number | undefined,
	changes: readonly ChangeEvent[],
	windowMs: number,
): ChangeEvent | undefined {
	if (since === undefined) {
		return undefined;
	}

	const related = new Set(draft.relatedResources);
	const candidates = changes.filter(
		(change) =>
			// Reads and failed calls changed nothing.
			!change.readOnly &&
			change.errorCode === undefined &&
			change.time <= since + changeClockToleranceMs &&
			change.time >= since - windowMs &&
			!(draft.deniesTraffic && onlyAllows.has(change.name)) &&
			(touchesAny(change, related) || (draft.networkAclChanges && /NetworkAcl/.test(change.name))),
	);
	// The latest change before the finding began is the most likely trigger.
	return candidates.sort((a, b) => b.time - a.time || a.id.localeCompare(b.id))[0];
}

export function withCausingChange(finding: Finding, change: ChangeEvent): Finding {
	const since = finding.since ?? change.time;
	const who = `${change.name} by ${change.actor.name}`;
	const lag = since > change.time ? `${durationText(since - change.time)} after` : 'right after';
	// Evidence reaching back to where lbtop's data begins may have begun earlier: no lag is claimed.
	const began =
		finding.sinceBefore === true
			? `began by ${utcTime(since)}; likely ${who} at ${utcTime(change.time)}`
			: `began ${lag} ${who}`;
	const summary = change.summary === '' ? '' : ` (${change.summary})`;
	return {
		...finding,
		title: sanitizeText(`${finding.title}; ${began}`, maxTitleLength),
		evidence: [...finding.evidence, {kind: 'change', id: change.id}],
		next: sanitizeText(
			`Likely cause: ${who} at ${utcTime(change.time)}${summary}: review or revert it. ${finding.next}`,
			maxNextLength,
		),
		relatedChangeId: change.id,
	};
}
