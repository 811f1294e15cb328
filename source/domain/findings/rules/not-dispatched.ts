// Requests the LB answered 5XX without sending them to any target (target:port `-`, timings -1):
// no registered or healthy target to send them to (503), or a failure before a target was chosen.
// Judged as a share of all the LB's requests; redirects, fixed responses, WAF blocks and
// authentication answer without a target on purpose and are left out.
import type {Snapshot} from '../../snapshot.js';
import type {NotDispatchedStats} from '../../types/access-logs.js';
import {type DraftFinding, draft, type FindingRule} from '../draft.js';
import {countText, listNames} from '../format.js';
import {
	beganBefore,
	confidenceOf,
	failureSeverity,
	groupName,
	isFailing,
	requestRefs,
	requestsRef,
	shareText,
} from './request-evidence.js';

export const notDispatchedRule: FindingRule = {
	name: 'not-dispatched',
	evaluate: (snapshot) => notDispatched(snapshot),
};

export function notDispatched(snapshot: Snapshot): DraftFinding[] {
	const view = snapshot.requests;
	if (view === undefined) {
		return [];
	}

	const all = view.totals.requests;
	return view.notDispatched.flatMap((row) => {
		if (!isFailing(row.elb5xx, all)) {
			return [];
		}

		const group = groupName(snapshot, row.targetGroupArn);
		const codes = row.elbCodes.map((code) => `${code.name} ×${countText(code.count)}`).join(', ');
		return [
			draft({
				rule: 'not-dispatched',
				key: row.targetGroupArn ?? '-',
				severity: failureSeverity(row.elb5xx, all),
				confidence: confidenceOf(view.precision),
				title: `The LB answered ${countText(row.elb5xx)} requests (${shareText(row.elb5xx, all)} of all) with 5XX without sending them to a target${group === undefined ? '' : ` of ${group}`}${codes === '' ? '' : `: ${codes}`}`,
				since: row.firstFailure,
				sinceBefore: beganBefore(view.coverage, row.firstFailure),
				lastSeen: row.lastFailure,
				evidence: [
					requestsRef({
						...(row.targetGroupArn === undefined ? {} : {targetGroupArn: row.targetGroupArn}),
					}),
					...requestRefs(
						view.failing,
						(record) =>
							record.targetAddr === undefined &&
							record.targetStatusCode === undefined &&
							record.targetGroupArn === row.targetGroupArn,
					),
				],
				next: nextStep(row, group),
				relatedResources: [row.targetGroupArn, snapshot.topology?.arn],
				metricNames: ['HTTPCode_ELB_5XX_Count', 'HTTPCode_ELB_503_Count', 'HTTPCode_ELB_500_Count'],
			}),
		];
	});
}

function nextStep(row: NotDispatchedStats, group: string | undefined): string {
	const reasons = row.errorReasons.top.map((reason) => reason.name);
	const only503 = row.elbCodes.length > 0 && row.elbCodes.every((code) => code.name === '503');
	const scope = group ?? 'the target group the rule forwards to';
	const because = reasons.length > 0 ? ` The log gives the reason: ${listNames(reasons, 3)}.` : '';
	return only503
		? `503 without a target: ${scope} has no registered target the LB can use (none registered, all draining, or none in an enabled AZ), or a rule forwards to an empty group: check its registered targets and their health.${because}`
		: `The LB failed before choosing a target: check the listener rules and their actions (authenticate, forward) and ${scope}'s registered targets.${because}`;
}
