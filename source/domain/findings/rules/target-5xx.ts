// A target that answers 5XX itself (target_status_code 5XX in the ALB's access logs), judged by
// its own requests. Worth most when its health checks pass: the health endpoint answers while real
// requests fail, so the LB keeps sending it traffic.
import type {Snapshot} from '../../snapshot.js';
import type {TargetRequestStats} from '../../types/access-logs.js';
import {type DraftFinding, draft, type FindingRule} from '../draft.js';
import {countText, utcTime} from '../format.js';
import {
	beganBefore,
	confidenceOf,
	failureSeverity,
	groupName,
	isFailing,
	registeredTarget,
	requestRefs,
	requestsRef,
	shareText,
	targetEvidence,
	targetText,
} from './request-evidence.js';

export const target5xxRule: FindingRule = {
	name: 'target-5xx',
	evaluate: (snapshot) => target5xx(snapshot),
};

const isTarget5xx = (code: number | undefined) => code !== undefined && code >= 500 && code < 600;

export function target5xx(snapshot: Snapshot): DraftFinding[] {
	const view = snapshot.requests;
	if (view === undefined) {
		return [];
	}

	const failing = view.targets.filter((row) => isFailing(row.target5xx, row.requests));
	return failing.map((row) => {
		const registered = registeredTarget(snapshot, row);
		const health = registered?.target.health.state;
		const peers = view.targets.filter(
			(peer) =>
				peer !== row &&
				peer.targetGroupArn === row.targetGroupArn &&
				!isFailing(peer.target5xx, peer.requests),
		);
		const healthText =
			health === 'healthy'
				? ' while its health checks pass'
				: health === undefined
					? ''
					: ` (${health})`;
		const peersText =
			peers.length > 0
				? `; ${countText(peers.length)} other targets of its group answer normally`
				: '';
		return draft({
			rule: 'target-5xx',
			key: `${row.targetGroupArn ?? ''}|${row.target}`,
			severity: failureSeverity(row.target5xx, row.requests),
			confidence: confidenceOf(view.precision),
			title: `Target ${targetText(snapshot, row)} answers 5XX to ${shareText(row.target5xx, row.requests)} of its requests (${countText(row.target5xx)} of ${countText(row.requests)})${healthText}${peersText}`,
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
						isTarget5xx(record.targetStatusCode),
				),
				...targetEvidence(snapshot, row),
				...peers.slice(0, 2).map(requestsRef),
			],
			next: nextStep(snapshot, row, health === 'healthy', peers.length > 0),
			relatedResources: [
				row.targetGroupArn,
				registered?.target.id,
				...(registered?.target.securityGroups ?? []),
			],
			metricNames: ['HTTPCode_Target_5XX_Count'],
		});
	});
}

function nextStep(
	snapshot: Snapshot,
	row: TargetRequestStats,
	healthy: boolean,
	peersFine: boolean,
): string {
	const when = row.firstFailure === undefined ? '' : ` from ${utcTime(row.firstFailure)}`;
	const who = targetText(snapshot, row);
	const scope = peersFine
		? `only ${who} fails, so look at what differs on it (a bad deploy, a full disk, a dependency it alone reaches)`
		: `the other targets of ${groupName(snapshot, row.targetGroupArn) ?? 'its group'} fail too, so look at what they share (the release, a database, a downstream service)`;
	const health = healthy
		? '; its health check passes, so make the health check exercise what the failing requests need, or the LB keeps sending it traffic'
		: '';
	return `The application on ${who} returns the errors itself (the network delivered them): read its logs${when} for the failing requests in the drill-down; ${scope}${health}`;
}
