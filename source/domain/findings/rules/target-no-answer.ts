// The LB answered 502 or 504 for requests it did send to a target that gave no answer
// (target_status_code `-`): the target timed out (504: no response before the idle timeout, the
// timings -1) or closed the connection / answered with something that is not HTTP (502). The
// metrics only count HTTPCode_ELB_5XX; the access logs name the target.
import type {Snapshot} from '../../snapshot.js';
import type {TargetRequestStats} from '../../types/access-logs.js';
import {type DraftFinding, draft, type FindingRule} from '../draft.js';
import {countText, utcTime} from '../format.js';
import {
	beganBefore,
	confidenceOf,
	failureSeverity,
	isFailing,
	registeredTarget,
	requestRefs,
	requestsRef,
	shareText,
	targetEvidence,
	targetText,
} from './request-evidence.js';

export const targetNoAnswerRule: FindingRule = {
	name: 'target-no-answer',
	evaluate: (snapshot) => targetNoAnswer(snapshot),
};

const noAnswerCodes = new Set(['502', '504']);

function codeCount(row: TargetRequestStats, code: string): number {
	return row.elbCodes.find((entry) => entry.name === code)?.count ?? 0;
}

export function targetNoAnswer(snapshot: Snapshot): DraftFinding[] {
	const view = snapshot.requests;
	if (view === undefined) {
		return [];
	}

	return view.targets.flatMap((row) => {
		const bad502 = codeCount(row, '502');
		const bad504 = codeCount(row, '504');
		const failed = bad502 + bad504;
		if (row.target === 'lambda' || !isFailing(failed, row.requests)) {
			return [];
		}

		const registered = registeredTarget(snapshot, row);
		const codes = [
			bad504 > 0 ? `504 ×${countText(bad504)}` : '',
			bad502 > 0 ? `502 ×${countText(bad502)}` : '',
		]
			.filter((text) => text !== '')
			.join(', ');
		const why =
			bad504 >= bad502 ? 'no answer in time' : 'the connection closed, or the answer was not HTTP';
		return [
			draft({
				rule: 'target-no-answer',
				key: `${row.targetGroupArn ?? ''}|${row.target}`,
				severity: failureSeverity(failed, row.requests),
				confidence: confidenceOf(view.precision),
				title: `The LB answered ${codes} for ${shareText(failed, row.requests)} of the requests sent to ${targetText(snapshot, row)}: ${why}`,
				since: row.firstFailure,
				sinceBefore: beganBefore(view.coverage, row.firstFailure),
				lastSeen: row.lastFailure,
				evidence: [
					requestsRef(row),
					...requestRefs(
						view.failing,
						(record) =>
							record.targetAddr === row.targetAddr &&
							record.targetPort === row.targetPort &&
							record.targetStatusCode === undefined &&
							noAnswerCodes.has(String(record.elbStatusCode)),
					),
					...targetEvidence(snapshot, row),
				],
				next: nextStep(snapshot, row, bad504 >= bad502),
				relatedResources: [
					row.targetGroupArn,
					registered?.target.id,
					...(registered?.target.securityGroups ?? []),
				],
				metricNames: ['HTTPCode_ELB_5XX_Count', 'HTTPCode_ELB_502_Count', 'HTTPCode_ELB_504_Count'],
			}),
		];
	});
}

function nextStep(snapshot: Snapshot, row: TargetRequestStats, timeouts: boolean): string {
	const who = targetText(snapshot, row);
	const when = row.firstFailure === undefined ? '' : ` (from ${utcTime(row.firstFailure)})`;
	return timeouts
		? `Requests to ${who} got no answer in time${when}: either the LB could not connect within 10 s (the target's security group or network ACL dropping the LB's traffic: see the REJECT pane) or the target did not answer before the LB's idle timeout (idle_timeout.timeout_seconds, 60 s by default): check what the application waits on (database, downstream calls, thread pool)`
		: `${who} closed connections the LB was using, or answered with something that is not HTTP${when}: a keep-alive timeout on the target shorter than the LB's idle timeout is the usual cause; check the target's keep-alive setting, crashes and restarts in its logs`;
}
