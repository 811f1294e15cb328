// Rule 4: targets failing health checks, worst when an AZ is left without a healthy target (with
// cross-zone off, that AZ's LB node has nowhere to send traffic). Discovery's target health is
// refreshed every few minutes; HealthyHostCount / UnHealthyHostCount are fresher and give the
// time it began, so both are read.
import type {Snapshot} from '../../snapshot.js';
import type {EvidenceRef} from '../../types/findings.js';
import {type DraftFinding, draft, type FindingRule} from '../draft.js';
import {countText, listNames, unique} from '../format.js';
import {maxNamesInTitle} from '../thresholds.js';
import {type GroupState, groupStates, healthMetricNames} from './target-group-health.js';

export const unhealthyTargetsRule: FindingRule = {
	name: 'unhealthy-targets',
	evaluate: (snapshot) => unhealthyTargets(snapshot),
};

export function unhealthyTargets(
	snapshot: Snapshot,
	now: number = snapshot.generatedAt,
): DraftFinding[] {
	return groupStates(snapshot, now)
		.filter((state) => state.health.unhealthy > 0 || state.emptyZones.length > 0)
		.map((state) => findingFor(snapshot, state));
}
function findingFor(snapshot: Snapshot, state: GroupState): DraftFinding {
	const total = state.group?.targets.length;
	const {health} = state;
	const unhealthyCount = state.metricUnhealthy ?? state.unhealthy.length;
	const allDown = health.healthy === 0 && health.unhealthy > 0;
	// Discovery's named targets lead when they are the figure; CloudWatch's count otherwise.
	const head =
		total === undefined || state.unhealthy.length !== unhealthyCount
			? `CloudWatch reports ${countText(unhealthyCount)} unhealthy in ${state.name}`
			: `${countText(unhealthyCount)} of ${countText(total)} targets unhealthy in ${state.name}`;
	const zones =
		state.emptyZones.length > 0 ? `; no healthy target in ${state.emptyZones.join(', ')}` : '';
	const reasons = [...new Set(state.unhealthy.flatMap((target) => target.health.reason ?? []))];
	// Counts, zones and reasons first; the instance ids follow (the drill-down lists them all).
	const title = `${head}${zones}${reasons.length > 0 ? ` (${reasons.join(', ')})` : ''}${
		state.unhealthy.length > 0
			? `: ${listNames(
					state.unhealthy.map((target) => target.id),
					maxNamesInTitle,
				)}`
			: ''
	}`;

	const evidence: EvidenceRef[] = [
		...state.unhealthy.map((target) => ({
			kind: 'target' as const,
			targetGroupArn: state.group?.arn ?? state.key,
			id: target.id,
		})),
		...state.series.map((series) => ({kind: 'metric' as const, seriesId: series.id})),
	];

	return draft({
		rule: 'unhealthy-targets',
		key: state.key,
		severity: state.emptyZones.length > 0 || allDown ? 'critical' : 'warning',
		confidence: state.unhealthy.length > 0 && state.series.length > 0 ? 'high' : 'medium',
		title,
		since: state.since,
		sinceBefore: state.sinceBefore,
		lastSeen: state.lastSeen,
		evidence,
		next: nextStep(snapshot, state),
		relatedResources: [
			state.group?.arn,
			...state.unhealthy.flatMap((target) => [
				target.id,
				target.interfaceId,
				target.subnetId,
				...target.securityGroups,
			]),
			...(snapshot.topology?.securityGroups ?? []),
		],
		metricNames: healthMetricNames,
		networkAclChanges: true,
	});
}

function nextStep(snapshot: Snapshot, state: GroupState): string {
	const reasons = new Set(state.unhealthy.map((target) => target.health.reason));
	const first = state.unhealthy[0];
	const who =
		first === undefined
			? `the targets of ${state.name}`
			: listNames(
					state.unhealthy.map((target) => target.id),
					maxNamesInTitle,
				);
	const port = first?.port ?? state.group?.port;
	const portText = port === undefined ? 'the health check port' : `port ${port}`;
	const groups = unique(state.unhealthy.flatMap((target) => target.securityGroups));
	const lbGroups = snapshot.topology?.securityGroups ?? [];
	const from =
		lbGroups.length > 0 ? `the LB's security group ${lbGroups.join(', ')}` : "the LB's subnets";
	const guard = groups.length > 0 ? groups.join(', ') : "the targets' security groups";

	if (reasons.has('Target.ResponseCodeMismatch')) {
		return `The health check reaches ${who} but gets the wrong status code: check the application's health endpoint and the matcher of ${state.name}`;
	}

	if (reasons.has('Target.Timeout') || reasons.has('Target.FailedHealthChecks')) {
		return `Check that ${guard} allows the health check from ${from} on ${portText}, and that the service on ${who} listens on ${portText}`;
	}

	if (reasons.has('Target.NotInUse') || reasons.has('Target.InvalidState')) {
		return `Check that ${who} is running and that its AZ is enabled on the LB`;
	}

	return `Check the health check settings of ${state.name} and the service on ${who} (${portText}); ${guard} must allow health checks from ${from}`;
}
