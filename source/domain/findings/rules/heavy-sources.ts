// Who is behind a traffic alarm. An alarm of the user's own on this LB's traffic volume (new flows,
// active flows, bytes, requests) in ALARM says the traffic is abnormal by their own threshold;
// CloudWatch cannot say from where (aws-facts §4: metrics carry no addresses). The flow logs can:
// when a few sources carry most of the clients' records, those are the traffic the alarm counts,
// the unexpected-source scenario of the troubleshooting guide (seed 004: unexpected source IPs in
// the flow logs, a CloudWatch alarm). Traffic spread over many sources names nobody: the alarm
// stands on its own.
import type {Snapshot} from '../../snapshot.js';
import {loadBalancerSubnets} from '../../topology/topology-lookup.js';
import type {EvidenceRef} from '../../types/findings.js';
import type {SourceAggregate} from '../../types/flows.js';
import type {AlarmInfo} from '../../types/metrics.js';
import {type DraftFinding, draft, type FindingRule} from '../draft.js';
import {listNames, plural, utcTime} from '../format.js';
import {maxEvidenceRows, maxNamesInTitle} from '../thresholds.js';

export const heavySourcesRule: FindingRule = {
	name: 'heavy-sources',
	evaluate: (snapshot) => heavySources(snapshot),
};

/** The LBs' traffic-volume metrics (aws-facts §4): an alarm on one of these counts clients' traffic. */
const volumeMetrics = new Set([
	'NewFlowCount',
	'NewFlowCount_TCP',
	'NewFlowCount_TLS',
	'NewFlowCount_UDP',
	'ActiveFlowCount',
	'ActiveFlowCount_TCP',
	'ActiveFlowCount_TLS',
	'ActiveFlowCount_UDP',
	'ProcessedBytes',
	'ProcessedPackets',
	'RequestCount',
	'NewConnectionCount',
	'ActiveConnectionCount',
	'ConsumedLCUs',
]);

/** "Most" of the clients' records: more than all the other sources together. */
const mostShare = 0.5;

function volumeAlarms(snapshot: Snapshot): AlarmInfo[] {
	const dimension = snapshot.topology?.metricDimension;
	return (snapshot.metrics?.alarms ?? []).filter(
		(alarm) =>
			alarm.state === 'ALARM' &&
			volumeMetrics.has(alarm.metricName ?? '') &&
			(dimension === undefined ||
				alarm.dimensions.LoadBalancer === undefined ||
				alarm.dimensions.LoadBalancer === dimension),
	);
}

/** The fewest top sources that together carry most of the clients' accepted records. */
function carriers(snapshot: Snapshot): {sources: SourceAggregate[]; total: number} | undefined {
	const aggregates = snapshot.flows?.aggregates;
	const listed = [...(aggregates?.acceptedSources ?? [])].sort((a, b) => b.flows - a.flows);
	const total =
		aggregates?.acceptedFromClients?.flows ?? listed.reduce((sum, source) => sum + source.flows, 0);
	const sources: SourceAggregate[] = [];
	let carried = 0;
	for (const source of listed) {
		if (carried > mostShare * total || sources.length >= maxEvidenceRows) {
			break;
		}

		sources.push(source);
		carried += source.flows;
	}

	return total > 0 && carried > mostShare * total ? {sources, total} : undefined;
}

export function heavySources(snapshot: Snapshot): DraftFinding[] {
	const alarms = volumeAlarms(snapshot);
	const found = alarms.length === 0 ? undefined : carriers(snapshot);
	if (found === undefined) {
		return [];
	}

	const {sources, total} = found;
	const addrs = new Set(sources.map((source) => source.addr));
	const carried = sources.reduce((sum, source) => sum + source.flows, 0);
	const rows = (snapshot.flows?.connections ?? []).filter((row) => addrs.has(row.clientAddr));
	const firstRow = Math.min(...rows.map((row) => row.start));
	// The rows may not reach back to the window's start: this is when the rows first show them.
	const seen = rows.length === 0 ? '' : `; first in the rows at ${utcTime(firstRow * 1000)}`;
	const share = (flows: number) => `${Math.round((flows / total) * 100)}%`;
	const names = sources.map((source) => `${source.addr} (${share(source.flows)})`);
	const evidence: EvidenceRef[] = rows
		.slice(0, maxEvidenceRows)
		.map((row) => ({kind: 'connection' as const, id: row.id}));
	const alarmNames = alarms.map((alarm) => `${alarm.name} (${alarm.metricName ?? ''})`);
	const subnets = loadBalancerSubnets(snapshot.topology);
	return [
		draft({
			rule: 'heavy-sources',
			key: alarms.map((alarm) => alarm.name).join('+'),
			severity: 'warning',
			confidence: 'high',
			title:
				`Alarm ${listNames(alarmNames, maxNamesInTitle)} in ALARM: ${plural(sources.length, 'source')} carry ` +
				`${share(carried)} of the clients' flow records: ${listNames(names, maxNamesInTitle)}${seen}`,
			since: rows.length === 0 ? Math.min(...alarms.map((alarm) => alarm.since)) : firstRow * 1000,
			lastSeen: rows.length === 0 ? undefined : Math.max(...rows.map((row) => row.end)) * 1000,
			evidence,
			next:
				`Check whether ${listNames([...addrs], maxNamesInTitle)} are known clients (a partner, a load test, an office behind NAT). ` +
				`If not, treat it as possible unauthorized use: deny them in the network ACL of the LB's subnets ${subnets.join(', ')} ` +
				"(or in the LB security group), and look at what they sent in the targets' logs",
			metricNames: alarms.flatMap((alarm) =>
				alarm.metricName === undefined ? [] : [alarm.metricName],
			),
		}),
	];
}
