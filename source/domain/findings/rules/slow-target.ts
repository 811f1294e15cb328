// One target much slower than its peers in the same target group (target_processing_time from
// the ALB's access logs). Targets of a group run the same code behind the same LB, so one of them
// far off the others' median points at that host, not at the application or the load.
import type {Snapshot} from '../../snapshot.js';
import type {TargetRequestStats} from '../../types/access-logs.js';
import {type DraftFinding, draft, type FindingRule} from '../draft.js';
import {countText, secondsText} from '../format.js';
import {
	latencyFloorSeconds,
	slowTargetFactor,
	slowTargetMinGapSeconds,
	slowTargetMinTimed,
	slowTargetTailGapSeconds,
	slowTargetTailMinTimed,
} from '../thresholds.js';
import {
	confidenceOf,
	groupName,
	registeredTarget,
	requestRefs,
	requestsRef,
	targetEvidence,
	targetText,
} from './request-evidence.js';

export const slowTargetRule: FindingRule = {
	name: 'slow-target',
	evaluate: (snapshot) => slowTargets(snapshot),
};

function median(values: readonly number[]): number | undefined {
	const sorted = [...values].sort((a, b) => a - b);
	if (sorted.length === 0) {
		return undefined;
	}

	const middle = Math.floor(sorted.length / 2);
	return sorted.length % 2 === 1
		? sorted[middle]
		: ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

type Slowness = {readonly which: 'p50' | 'p99'; readonly value: number; readonly peers: number};

function slowness(
	row: TargetRequestStats,
	peers: readonly TargetRequestStats[],
): Slowness | undefined {
	const check = (which: 'p50' | 'p99', gap: number, minTimed: number): Slowness | undefined => {
		const value = row.targetTime[which];
		const usual = median(
			peers.flatMap((peer) =>
				peer.targetTime.count >= minTimed ? (peer.targetTime[which] ?? []) : [],
			),
		);
		return value !== undefined &&
			usual !== undefined &&
			row.targetTime.count >= minTimed &&
			value >= slowTargetFactor * usual &&
			value - usual >= gap
			? {which, value, peers: usual}
			: undefined;
	};
	return (
		check('p50', slowTargetMinGapSeconds, slowTargetMinTimed) ??
		check('p99', slowTargetTailGapSeconds, slowTargetTailMinTimed)
	);
}

export function slowTargets(snapshot: Snapshot): DraftFinding[] {
	const view = snapshot.requests;
	if (view === undefined) {
		return [];
	}

	const timed = view.targets.filter(
		(row) => row.targetTime.count >= slowTargetMinTimed && row.target !== 'lambda',
	);
	return timed.flatMap((row) => {
		const peers = timed.filter(
			(peer) => peer !== row && peer.targetGroupArn === row.targetGroupArn,
		);
		const slow = slowness(row, peers);
		if (slow === undefined) {
			return [];
		}

		const registered = registeredTarget(snapshot, row);
		const group = groupName(snapshot, row.targetGroupArn) ?? 'its target group';
		const {p50, p99} = row.targetTime;
		const figures = [
			p50 === undefined ? '' : `p50 ${secondsText(p50)}`,
			p99 === undefined ? '' : `p99 ${secondsText(p99)}`,
		]
			.filter((text) => text !== '')
			.join(', ');
		return [
			draft({
				rule: 'slow-target',
				key: `${row.targetGroupArn ?? ''}|${row.target}`,
				severity: slow.value >= latencyFloorSeconds ? 'warning' : 'info',
				confidence:
					row.targetTime.count >= slowTargetTailMinTimed ? confidenceOf(view.precision) : 'medium',
				title: `Target ${targetText(snapshot, row)} answers slower than its ${countText(peers.length)} peers in ${group}: ${figures} (peers' ${slow.which} ${secondsText(slow.peers)})`,
				since: row.firstSeen,
				// Judged over all the logs read: slow since their start, or before.
				sinceBefore: true,
				lastSeen: row.lastSeen,
				evidence: [
					requestsRef(row),
					...requestRefs(
						view.slowest,
						(record) =>
							record.targetAddr === row.targetAddr && record.targetPort === row.targetPort,
						3,
					),
					...targetEvidence(snapshot, row),
					...peers.slice(0, 3).map(requestsRef),
				],
				next: `The same application on its peers answers in ${secondsText(slow.peers)}, so look at ${targetText(snapshot, row)} itself: CPU steal or credits, memory and GC, disk, a noisy neighbour, a version the others do not run; deregister it if it keeps its clients waiting`,
				relatedResources: [row.targetGroupArn, registered?.target.id],
				metricNames: ['TargetResponseTime'],
			}),
		];
	});
}
