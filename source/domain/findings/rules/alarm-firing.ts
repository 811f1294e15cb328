// An alarm about this load balancer in ALARM is always on the findings line: the user set it up
// to mean "something is wrong". When a rule already names the cause the alarm is evidence on that
// finding; otherwise it stands on its own, with its metric as evidence, whatever the window (flow
// records can be minutes late, and a short window may hold none yet).
import type {Snapshot} from '../../snapshot.js';
import type {EvidenceRef, Finding} from '../../types/findings.js';
import type {AlarmInfo, MetricSeries} from '../../types/metrics.js';
import {type DraftFinding, draft} from '../draft.js';
import {utcTime} from '../format.js';

function namesThisLoadBalancer(alarm: AlarmInfo, dimension: string | undefined): boolean {
	const value = alarm.dimensions.LoadBalancer;
	return dimension === undefined || value === undefined || value === dimension;
}

/** The series lbtop reads for the alarm's metric: same name, every dimension the alarm names. */
function alarmSeries(snapshot: Snapshot, alarm: AlarmInfo): MetricSeries | undefined {
	return (snapshot.metrics?.series ?? []).find(
		(series) =>
			series.metricName === alarm.metricName &&
			Object.entries(alarm.dimensions).every(([key, value]) => series.dimensions[key] === value),
	);
}

export function alarmFindings(
	snapshot: Snapshot,
	now: number,
	findings: readonly Finding[],
): DraftFinding[] {
	const cited = new Set(
		findings.flatMap((finding) =>
			finding.evidence.flatMap((item) => (item.kind === 'alarm' ? [item.name] : [])),
		),
	);
	const dimension = snapshot.topology?.metricDimension;
	// Seen in ALARM when lbtop read the alarms, not at every refresh after: a metrics source that
	// stopped answering does not keep the alarm "seen", and the finding stays the same meanwhile.
	const readAt = snapshot.sources.metrics.fetchedAt ?? now;
	return (snapshot.metrics?.alarms ?? [])
		.filter(
			(alarm) =>
				alarm.state === 'ALARM' &&
				!cited.has(alarm.name) &&
				namesThisLoadBalancer(alarm, dimension),
		)
		.map((alarm) => {
			const series = alarmSeries(snapshot, alarm);
			const metric = alarm.metricName === undefined ? '' : ` on ${alarm.metricName}`;
			const evidence: EvidenceRef[] = [
				{kind: 'alarm', name: alarm.name},
				...(series === undefined ? [] : [{kind: 'metric' as const, seriesId: series.id}]),
			];
			return draft({
				rule: 'alarm',
				key: alarm.name,
				severity: 'warning',
				confidence: 'high',
				title: `Alarm ${alarm.name} in ALARM since ${utcTime(alarm.since)}${metric}: ${alarm.reason}`,
				since: alarm.since,
				lastSeen: readAt,
				evidence,
				next:
					`Your alarm fired and lbtop's rules found no cause in what it has read so far: look at ${alarm.metricName ?? 'its metric'} ` +
					'in the Metrics pane, and at the flows and changes of the same minutes (flow logs arrive minutes late; a longer window may show more)',
			});
		});
}
