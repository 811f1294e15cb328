// Rule 5: TCP resets above the series' own baseline, read by who sent them. NLB publishes three
// counters: clients closing (TCP_Client_Reset_Count), the LB itself resetting, e.g. on idle
// timeout or when it cannot reach a target (TCP_ELB_Reset_Count), and the targets resetting,
// which is the application (TCP_Target_Reset_Count).
import type {Snapshot} from '../../snapshot.js';
import {allTargets} from '../../topology/topology-lookup.js';
import type {Topology} from '../../types/topology.js';
import {type DraftFinding, draft, type FindingRule} from '../draft.js';
import {countText, listNames, periodText, unique} from '../format.js';
import {detectSpike, median, perPeriod, type Spike, seriesFor} from '../metric-series.js';
import {
	maxNamesInTitle,
	resetShareOfNewFlows,
	resetSpikeMinPerMinute,
	resetSpikeSmallestPerMinute,
	resetWithoutBaselineMinPerMinute,
	spikeFactor,
} from '../thresholds.js';

export const resetSpikeRule: FindingRule = {
	name: 'reset-spike',
	evaluate: (snapshot) => resetSpikes(snapshot),
};

type Side = 'client' | 'elb' | 'target';

const sides: ReadonlyArray<readonly [Side, string]> = [
	['client', 'TCP_Client_Reset_Count'],
	['elb', 'TCP_ELB_Reset_Count'],
	['target', 'TCP_Target_Reset_Count'],
];

/** Resets a minute worth a line for this load balancer: lower when it carries few new flows. */
export function resetFloorPerMinute(snapshot: Snapshot): number {
	const newFlows = seriesFor(snapshot.metrics, 'NewFlowCount').flatMap((series) =>
		series.points.map((point) => (point.v * 60) / series.periodSeconds),
	);
	if (newFlows.length === 0) {
		return resetSpikeMinPerMinute;
	}
	const share = resetShareOfNewFlows * median(newFlows);
	return Math.min(resetSpikeMinPerMinute, Math.max(resetSpikeSmallestPerMinute, share));
}

export function resetSpikes(
	snapshot: Snapshot,
	now: number = snapshot.generatedAt,
): DraftFinding[] {
	const floorPerMinute = resetFloorPerMinute(snapshot);
	return sides.flatMap(([side, metricName]) =>
		seriesFor(snapshot.metrics, metricName).flatMap((series) => {
			const spike = detectSpike(series, now, {
				floor: perPeriod(floorPerMinute, series),
				factor: spikeFactor,
				floorWithoutBaseline: perPeriod(resetWithoutBaselineMinPerMinute, series),
			});
			return spike === undefined ? [] : [findingFor(snapshot, side, metricName, spike)];
		}),
	);
}

function findingFor(
	snapshot: Snapshot,
	side: Side,
	metricName: string,
	spike: Spike,
): DraftFinding {
	const topology = snapshot.topology;
	const zone = spike.series.dimensions.AvailabilityZone;
	const where = zone === undefined ? '' : ` in ${zone}`;
	const usual =
		spike.baseline === undefined ? 'no baseline yet' : `usual ${countText(spike.baseline)}`;
	const rate = `${metricName} ${countText(spike.peak)} per ${periodText(spike.series.periodSeconds)} (${usual})${where}`;
	const targets = allTargets(topology).filter(
		({target}) => zone === undefined || target.availabilityZone === zone,
	);
	const targetNames = listNames(unique(targets.map(({target}) => target.id)), maxNamesInTitle);
	const lbGroups = topology?.securityGroups ?? [];
	const targetGroups = unique(targets.flatMap(({target}) => target.securityGroups));

	const text: Record<Side, {title: string; next: string}> = {
		client: {
			title: `Clients resetting connections: ${rate}`,
			next: 'Clients are closing connections with RST: check client timeouts and any client-side deploy or retry storm; compare with NewFlowCount and the REJECT pane',
		},
		elb: {
			title: `The LB is resetting connections: ${rate}: idle timeouts or unreachable targets`,
			next:
				`Look for REJECTs at targets and unhealthy targets${targetNames === '' ? '' : ` (${targetNames})`}` +
				`${targetGroups.length > 0 ? `; ${targetGroups.join(', ')} must allow the LB's traffic` : ''}; ` +
				'for long-lived idle connections the LB resets after its TCP idle timeout (350 s by default): use TCP keepalives or raise the listener idle timeout',
		},
		target: {
			title: `Targets resetting connections (the application)${targetNames === '' ? '' : ` on ${targetNames}`}: ${rate}`,
			next: `The network delivered these connections and the targets answered with RST: check the application on ${targetNames || 'the targets'} (crashes, restarts, listen backlog, connection limits) and its logs`,
		},
	};

	return draft({
		rule: 'reset-spike',
		key: zone === undefined ? metricName : `${metricName}:${zone}`,
		severity: 'warning',
		confidence: spike.baseline === undefined ? 'medium' : 'high',
		title: text[side].title,
		since: spike.since,
		sinceBefore: spike.sinceBefore,
		lastSeen: spike.lastSeen,
		evidence: [{kind: 'metric', seriesId: spike.series.id}],
		next: text[side].next,
		relatedResources: relatedFor(side, topology, lbGroups, targetGroups),
		metricNames: [metricName],
	});
}

function relatedFor(
	side: Side,
	topology: Topology | undefined,
	lbGroups: readonly string[],
	targetGroups: readonly string[],
): (string | undefined)[] {
	if (side === 'client') {
		return [topology?.arn, ...lbGroups];
	}

	const groups = (topology?.targetGroups ?? []).map((group) => group.arn);
	const targets = allTargets(topology).map(({target}) => target.id);
	if (side === 'target') {
		return [...groups, ...targets];
	}

	return [
		topology?.arn,
		...(topology?.listeners ?? []).map((listener) => listener.arn),
		...groups,
		...targets,
		...lbGroups,
		...targetGroups,
	];
}
