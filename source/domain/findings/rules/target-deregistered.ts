// A target deregistered while it carried connections. A deregistered target drains for the target
// group's deregistration delay and gets no new connections; with connection termination on
// (deregistration_delay.connection_termination.enabled) the NLB resets the connections still open
// at the end of the delay (ELB target group attributes), which NLB counts in TCP_ELB_Reset_Count
// (aws-facts §4). A DeregisterTargets call on one of this LB's target groups followed by a rise of
// the LB's own resets is clients losing their connections to a planned change: named with the
// call, the resets and the connections the flow logs show reset.
import type {Snapshot} from '../../snapshot.js';
import type {ChangeEvent} from '../../types/changes.js';
import type {EvidenceRef} from '../../types/findings.js';
import type {MetricPoint, MetricSeries} from '../../types/metrics.js';
import {type DraftFinding, draft, type FindingRule} from '../draft.js';
import {countText, listNames, periodText, utcTime} from '../format.js';
import {median, perPeriod, seriesFor} from '../metric-series.js';
import {baselineMinPoints, maxEvidenceRows, maxNamesInTitle, spikeFactor} from '../thresholds.js';
import {resetFloorPerMinute} from './reset-spike.js';

export const targetDeregisteredRule: FindingRule = {
	name: 'target-deregistered',
	evaluate: (snapshot) => deregisteredTargets(snapshot),
};

const rstFlag = 4;

type ResetRise = {
	readonly series: MetricSeries;
	readonly peak: MetricPoint;
	readonly baseline?: number;
	readonly total: number;
	readonly first: number;
	readonly last: number;
};

/** The LB's resets from the period of the call on, against the same series before it. */
function resetsAfter(snapshot: Snapshot, time: number): ResetRise | undefined {
	const series = seriesFor(snapshot.metrics, 'TCP_ELB_Reset_Count')[0];
	if (series === undefined) {
		return undefined;
	}

	const period = series.periodSeconds * 1000;
	const from = Math.floor(time / period) * period;
	const points = series.points.filter((point) => Number.isFinite(point.v));
	const before = points.filter((point) => point.t < from).map((point) => point.v);
	const baseline = before.length >= baselineMinPoints ? median(before) : undefined;
	const threshold = Math.max(
		perPeriod(resetFloorPerMinute(snapshot), series),
		spikeFactor * (baseline ?? 0),
	);
	const risen = points.filter((point) => point.t >= from && point.v >= threshold && point.v > 0);
	const peak = risen.reduce<MetricPoint | undefined>(
		(best, point) => (best === undefined || point.v > best.v ? point : best),
		undefined,
	);
	if (peak === undefined) {
		return undefined;
	}

	return {
		series,
		peak,
		...(baseline === undefined ? {} : {baseline}),
		total: risen.reduce((sum, point) => sum + point.v, 0),
		first: Math.min(...risen.map((point) => point.t)),
		last: Math.max(...risen.map((point) => point.t)) + period,
	};
}

/** The target ids a DeregisterTargets call named: its resources other than ARNs. */
function deregistered(change: ChangeEvent): string[] {
	return change.resources.filter((resource) => !resource.startsWith('arn:'));
}

export function deregisteredTargets(snapshot: Snapshot): DraftFinding[] {
	const groups = snapshot.topology?.targetGroups ?? [];
	return (snapshot.changes?.events ?? []).flatMap((change) => {
		const group = groups.find((candidate) => change.resources.includes(candidate.arn));
		const targets = deregistered(change);
		if (
			change.name !== 'DeregisterTargets' ||
			change.readOnly ||
			change.errorCode !== undefined ||
			group === undefined ||
			targets.length === 0
		) {
			return [];
		}

		const rise = resetsAfter(snapshot, change.time);
		if (rise === undefined) {
			return [];
		}

		const reset = (snapshot.flows?.connections ?? []).filter(
			(connection) =>
				connection.end * 1000 >= change.time &&
				connection.start * 1000 <= rise.last &&
				((connection.frontend?.reverse?.tcpFlags ?? 0) & rstFlag) !== 0,
		);
		const evidence: EvidenceRef[] = [
			{kind: 'metric', seriesId: rise.series.id},
			...reset
				.slice(0, maxEvidenceRows)
				.map((connection) => ({kind: 'connection' as const, id: connection.id})),
		];
		const usual =
			rise.baseline === undefined
				? ''
				: `, usually ${countText(rise.baseline)} per ${periodText(rise.series.periodSeconds)}`;
		return [
			draft({
				rule: 'target-deregistered',
				key: `${group.arn}|${change.id}`,
				severity: 'warning',
				confidence: 'high',
				title:
					`Target ${listNames(targets, maxNamesInTitle)} deregistered from ${group.name} at ${utcTime(change.time)} ` +
					`while carrying connections: the LB reset ${countText(rise.total)} connections (TCP_ELB_Reset_Count ` +
					`${countText(rise.peak.v)} at ${utcTime(rise.peak.t)}${usual})`,
				since: rise.first,
				lastSeen: rise.last,
				evidence,
				next:
					`The connections still open on ${listNames(targets, maxNamesInTitle)} were reset when its deregistration delay ended. ` +
					`If this was a deploy, give ${group.name} a deregistration delay longer than its longest connections, or turn off deregistration_delay.connection_termination.enabled, and have clients reconnect on reset; if nobody meant to remove it, register it again`,
				relatedResources: [group.arn, ...targets],
				metricNames: ['TCP_ELB_Reset_Count'],
			}),
		];
	});
}
