// Rule 6: slow or failing responses while the network delivers the traffic. ALB's
// TargetResponseTime and 5XX counts above their baseline, with flows accepted, point at the
// application on the targets (or the LB's view of it), not at security groups or ACLs.
import type {Snapshot} from '../../snapshot.js';
import {allTargets} from '../../topology/topology-lookup.js';
import {type DraftFinding, draft, type FindingRule} from '../draft.js';
import {countText, listNames, periodText, secondsText, unique} from '../format.js';
import {detectSpike, perPeriod, type Spike, seriesFor} from '../metric-series.js';
import {
	errorsMinPerMinute,
	errorsWithoutBaselineMinPerMinute,
	latencyFactor,
	latencyFloorSeconds,
	latencyWithoutBaselineSeconds,
	maxNamesInTitle,
	networkHealthyMaxRejectedShare,
	spikeFactor,
} from '../thresholds.js';

export const applicationErrorsRule: FindingRule = {
	name: 'application-errors',
	evaluate: (snapshot) => applicationErrors(snapshot),
};

type NetworkView = 'delivered' | 'rejecting' | 'unknown';

export function applicationErrors(
	snapshot: Snapshot,
	now: number = snapshot.generatedAt,
): DraftFinding[] {
	const network = networkView(snapshot);
	const latency = seriesFor(snapshot.metrics, 'TargetResponseTime').flatMap((series) => {
		const spike = detectSpike(series, now, {
			floor: latencyFloorSeconds,
			factor: latencyFactor,
			floorWithoutBaseline: latencyWithoutBaselineSeconds,
		});
		return spike === undefined ? [] : [latencyFinding(snapshot, spike, network)];
	});
	const errors = ['HTTPCode_Target_5XX_Count', 'HTTPCode_ELB_5XX_Count'].flatMap((metricName) =>
		seriesFor(snapshot.metrics, metricName).flatMap((series) => {
			const spike = detectSpike(series, now, {
				floor: perPeriod(errorsMinPerMinute, series),
				factor: spikeFactor,
				floorWithoutBaseline: perPeriod(errorsWithoutBaselineMinPerMinute, series),
			});
			return spike === undefined ? [] : [errorFinding(snapshot, metricName, spike, network)];
		}),
	);
	return [...latency, ...errors];
}

function networkView(snapshot: Snapshot): NetworkView {
	const aggregates = snapshot.flows?.aggregates;
	if (aggregates === undefined || aggregates.accepted.flows === 0) {
		return 'unknown';
	}

	const total = aggregates.accepted.flows + aggregates.rejected.flows;
	return aggregates.rejected.flows / total > networkHealthyMaxRejectedShare
		? 'rejecting'
		: 'delivered';
}

function groupKey(spike: Spike): string {
	const group = spike.series.dimensions.TargetGroup;
	return `${spike.series.metricName}${group === undefined ? '' : `:${group}`}`;
}

function scope(
	snapshot: Snapshot,
	spike: Spike,
): {where: string; related: string[]; targets: string} {
	const dimension = spike.series.dimensions.TargetGroup;
	const groups = (snapshot.topology?.targetGroups ?? []).filter(
		(group) => dimension === undefined || group.arn.endsWith(`:${dimension}`),
	);
	const refs = allTargets(snapshot.topology).filter(({group}) => groups.includes(group));
	return {
		where:
			groups.length > 0
				? ` (${listNames(
						groups.map((group) => group.name),
						maxNamesInTitle,
					)})`
				: '',
		related: [...groups.map((group) => group.arn), ...refs.map(({target}) => target.id)],
		targets: listNames(unique(refs.map(({target}) => target.id)), maxNamesInTitle),
	};
}

function networkClause(network: NetworkView): {title: string; next: string} {
	if (network === 'delivered') {
		return {
			title: ' while flows are accepted: the application, not the network',
			next: 'The flow logs show the traffic accepted end to end, so look at the application',
		};
	}

	if (network === 'rejecting') {
		return {
			title: '',
			next: 'Some flows are also rejected: rule out the REJECT pane first, then look at the application',
		};
	}

	return {
		title: '',
		next: 'Without flow data lbtop cannot rule out the network; look at the application first',
	};
}

function latencyFinding(snapshot: Snapshot, spike: Spike, network: NetworkView): DraftFinding {
	const {where, related, targets} = scope(snapshot, spike);
	const clause = networkClause(network);
	const usual =
		spike.baseline === undefined ? 'no baseline yet' : `usual ${secondsText(spike.baseline)}`;
	return draft({
		rule: 'app-latency',
		key: groupKey(spike),
		severity: 'warning',
		confidence: network === 'delivered' ? 'high' : 'medium',
		title: `Targets answer slowly${where}: TargetResponseTime ${secondsText(spike.peak)} (${usual})${clause.title}`,
		since: spike.since,
		sinceBefore: spike.sinceBefore,
		lastSeen: spike.lastSeen,
		evidence: [{kind: 'metric', seriesId: spike.series.id}],
		next: `${clause.next}: response times on ${targets || 'the targets'} (CPU, dependencies, database, thread pools) and the application's own logs`,
		relatedResources: related,
		metricNames: ['TargetResponseTime'],
	});
}

function errorFinding(
	snapshot: Snapshot,
	metricName: string,
	spike: Spike,
	network: NetworkView,
): DraftFinding {
	const {where, related, targets} = scope(snapshot, spike);
	const clause = networkClause(network);
	const fromLb = metricName === 'HTTPCode_ELB_5XX_Count';
	const usual =
		spike.baseline === undefined ? 'no baseline yet' : `usual ${countText(spike.baseline)}`;
	const rate = `${metricName} ${countText(spike.peak)} per ${periodText(spike.series.periodSeconds)} (${usual})`;
	const title = fromLb
		? `The LB answers 5XX${where}: ${rate}: targets unreachable, failing or too slow`
		: `Targets answer 5XX${where}: ${rate}${clause.title}`;
	const next = fromLb
		? `Split by code: HTTPCode_ELB_502 (target closed or sent a bad response), 503 (no healthy targets), 504 (target timed out); check target health and ${targets || 'the targets'}`
		: `${clause.next}: the application on ${targets || 'the targets'} returns the errors; check its logs around the first error`;
	return draft({
		rule: 'app-errors',
		key: groupKey(spike),
		severity: 'warning',
		confidence: network === 'delivered' ? 'high' : 'medium',
		title,
		since: spike.since,
		sinceBefore: spike.sinceBefore,
		lastSeen: spike.lastSeen,
		evidence: [{kind: 'metric', seriesId: spike.series.id}],
		next,
		relatedResources: related,
		metricNames: fromLb
			? [metricName, 'HTTPCode_ELB_502_Count', 'HTTPCode_ELB_503_Count', 'HTTPCode_ELB_504_Count']
			: [metricName],
	});
}
