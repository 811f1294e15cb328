// Rule 8: what lbtop cannot see. A gap is not a fault of the LB, but it limits every other
// finding (no target flow logs means rule 1 can never fire), so it is stated as info.
import type {Snapshot} from '../../snapshot.js';
import type {GapKind, MonitoringGap} from '../../types/topology.js';
import {type DraftFinding, draft, type FindingRule} from '../draft.js';
import {listNames} from '../format.js';

export const monitoringGapsRule: FindingRule = {
	name: 'monitoring-gap',
	evaluate: (snapshot) => monitoringGaps(snapshot),
};

/** Resource ids listed in a gap's advice. */
const maxResourcesNamed = 4;

const advice: Record<GapKind, (resources: string) => string> = {
	'no-flow-logs': (resources) =>
		`Create a flow log for ${resources || "the LB's network interfaces"} to CloudWatch Logs with a 60-second aggregation interval; until then the connection panes stay empty`,
	's3-only': (resources) =>
		`Add a flow log to CloudWatch Logs or S3 for ${resources || 'these interfaces'}: lbtop cannot read flow logs delivered only to Kinesis Data Firehose`,
	'ten-minute-aggregation': (resources) =>
		`Recreate ${resources || 'the flow log'} with a 60-second maximum aggregation interval (flow logs cannot be modified); until then records arrive up to 10 minutes late`,
	'targets-without-flow-logs': (resources) =>
		`Create flow logs for ${resources || "the targets' interfaces or subnets"}: without them a REJECT by a target's security group is invisible and ACCEPT at the LB is the last thing lbtop sees`,
	'log-group-not-covering': (resources) =>
		`Point lbtop at the log group the flow log writes to (--log-group), or check ${resources || 'the flow log destination'}`,
	'traffic-type-partial': (resources) =>
		`Recreate ${resources || 'the flow log'} with traffic type ALL; with ACCEPT-only or REJECT-only logs one of the flow panes stays empty`,
	'interfaces-not-found': (resources) =>
		`lbtop could not find the LB's network interfaces${resources ? ` (${resources})` : ''}: check the ec2:DescribeNetworkInterfaces permission`,
};

export function monitoringGaps(snapshot: Snapshot): DraftFinding[] {
	return (snapshot.topology?.gaps ?? []).map((gap: MonitoringGap) => {
		const resources = [...gap.resources].sort();
		return draft({
			rule: 'monitoring-gap',
			key: resources.length > 0 ? `${gap.kind}:${resources.join(',')}` : gap.kind,
			severity: 'info',
			confidence: 'high',
			title: `Monitoring gap: ${gap.message}`,
			evidence: [{kind: 'gap', gap: gap.kind}],
			// Snapshots are also read back from JSON, where a newer lbtop may have written a new kind.
			next: Object.hasOwn(advice, gap.kind)
				? advice[gap.kind](listNames(resources, maxResourcesNamed))
				: `See the monitoring gap: ${listNames(resources, maxResourcesNamed)}`,
			relatedResources: resources,
		});
	});
}
