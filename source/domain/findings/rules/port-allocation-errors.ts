// Rule 7: PortAllocationErrorCount > 0. With client IP preservation off the NLB opens backend
// connections from its own address, about 55,000 at a time per target IP:port; past that, new
// connections are dropped.
import type {Snapshot} from '../../snapshot.js';
import {type DraftFinding, draft, type FindingRule} from '../draft.js';
import {countText, listNames, periodText} from '../format.js';
import {recentNonZero, seriesFor} from '../metric-series.js';
import {maxNamesInTitle, recentPeriods} from '../thresholds.js';

export const portAllocationErrorsRule: FindingRule = {
	name: 'port-allocation-errors',
	evaluate: (snapshot) => portAllocationErrors(snapshot),
};

const metricName = 'PortAllocationErrorCount';

export function portAllocationErrors(
	snapshot: Snapshot,
	now: number = snapshot.generatedAt,
): DraftFinding[] {
	const translating = (snapshot.topology?.targetGroups ?? []).filter(
		(group) => !group.preserveClientIp,
	);
	return seriesFor(snapshot.metrics, metricName).flatMap((series) => {
		const run = recentNonZero(series, now);
		if (run === undefined) {
			return [];
		}

		const zone = series.dimensions.AvailabilityZone;
		const names = translating.map((group) => group.name);
		const groupsText = names.length > 0 ? listNames(names, maxNamesInTitle) : 'its target groups';
		const targets = translating.flatMap((group) =>
			group.targets.map((target) => `${target.ip ?? target.id}:${target.port}`),
		);
		const window = periodText(series.periodSeconds * recentPeriods);
		return [
			draft({
				rule: 'port-allocation-errors',
				key: zone === undefined ? metricName : `${metricName}:${zone}`,
				severity: 'critical',
				confidence: 'high',
				title:
					`Port allocation errors${zone === undefined ? '' : ` in ${zone}`}: ${countText(run.recentSum)} in the last ${window}, ` +
					`connections dropped to ${groupsText}${targets.length > 0 ? ` (${listNames(targets, maxNamesInTitle)})` : ''}: ` +
					'too many connections per target IP:port with client IP preservation off',
				since: run.since,
				sinceBefore: run.sinceBefore,
				lastSeen: run.lastSeen,
				evidence: [{kind: 'metric', seriesId: series.id}],
				next:
					`Each target IP:port takes about 55,000 concurrent connections from the NLB: register more targets or ports in ${groupsText}, ` +
					'or turn on client IP preservation (preserve_client_ip.enabled) so connections keep the client address',
				relatedResources: [
					...translating.map((group) => group.arn),
					...translating.flatMap((group) => group.targets.map((target) => target.id)),
				],
				metricNames: [metricName],
			}),
		];
	});
}
