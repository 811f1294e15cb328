// Alarms the user already set up are the strongest corroboration a finding can have: an alarm in
// ALARM on the metric a rule read becomes evidence on that finding.
import type {Snapshot} from '../snapshot.js';
import type {EvidenceRef} from '../types/findings.js';
import type {AlarmInfo} from '../types/metrics.js';
import type {DraftFinding} from './draft.js';

export function alarmEvidence(snapshot: Snapshot, draft: DraftFinding): EvidenceRef[] {
	if (draft.metricNames.length === 0) {
		return [];
	}

	const dimension = snapshot.topology?.metricDimension;
	return (snapshot.metrics?.alarms ?? [])
		.filter(
			(alarm) =>
				alarm.state === 'ALARM' &&
				alarm.metricName !== undefined &&
				draft.metricNames.includes(alarm.metricName) &&
				namesThisLoadBalancer(alarm, dimension) &&
				namesRelatedTargetGroup(alarm, draft),
		)
		.map((alarm) => ({kind: 'alarm', name: alarm.name}));
}

/** The metrics source already keeps this LB's alarms; the check guards a mixed list. */
function namesThisLoadBalancer(alarm: AlarmInfo, dimension: string | undefined): boolean {
	const value = alarm.dimensions.LoadBalancer;
	return dimension === undefined || value === undefined || value === dimension;
}

/** An alarm on one target group backs a finding only when that finding is about that group. */
function namesRelatedTargetGroup(alarm: AlarmInfo, draft: DraftFinding): boolean {
	const group = alarm.dimensions.TargetGroup;
	return (
		group === undefined ||
		draft.relatedResources.some((id) => id === group || id.endsWith(`:${group}`))
	);
}
