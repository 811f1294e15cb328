// The unhealthy-targets finding reads target health from whichever source saw it last: CloudWatch's
// minute when it is newer than discovery's read, discovery's answer otherwise (and on a tie: its
// answer is one instant, the metric's a whole period before it).
import {describe, expect, it} from 'vitest';
import {evaluateFindings} from '../../../source/domain/findings/evaluate-findings.js';
import type {Snapshot} from '../../../source/domain/snapshot.js';
import {targetHealthNow} from '../../../source/domain/topology/target-health.js';
import {
	buildSnapshot,
	healthyMetrics,
	ids,
	minute,
	now,
	series,
	steady,
	withSeries,
} from './snapshot-builder.js';

const dimensions = {LoadBalancer: ids.lbDimension, TargetGroup: ids.tgDimension};

/** Discovery read both targets healthy at `discoveredAt`; CloudWatch's last three minutes say one is not. */
function snapshotWith(discoveredAt: number): Snapshot {
	const sources = {
		...buildSnapshot().sources,
		discovery: {status: 'ok', fetchedAt: discoveredAt},
	} as const;
	return buildSnapshot({
		sources,
		metrics: {
			series: withSeries(
				healthyMetrics(),
				series('UnHealthyHostCount', [...steady(0, 12), 1, 1, 1], {dimensions, stat: 'Maximum'}),
			),
			alarms: [],
		},
	});
}

describe('target health now', () => {
	it.each([
		{
			name: 'CloudWatch, when discovery read before its last minute',
			at: now - 3 * minute,
			source: 'metrics',
			unhealthy: 1,
		},
		{
			name: 'discovery, on a tie with the end of that minute',
			at: now,
			source: 'discovery',
			unhealthy: 0,
		},
	])('comes from $name', ({at, source, unhealthy}) => {
		const [group] = targetHealthNow(snapshotWith(at));
		expect(group).toMatchObject({source, unhealthy, registered: 2});
	});

	it('reports what CloudWatch sees before discovery catches up, with the time it began', () => {
		const finding = evaluateFindings(snapshotWith(now - 3 * minute)).find(
			(entry) => entry.rule === 'unhealthy-targets',
		);
		expect(finding?.title).toBe('CloudWatch reports 1 unhealthy in web-tg');
		expect(finding?.since).toBe(now - 3 * minute);
		expect(finding?.evidence).toEqual([
			{
				kind: 'metric',
				seriesId: `UnHealthyHostCount|LoadBalancer=${ids.lbDimension},TargetGroup=${ids.tgDimension}`,
			},
		]);
	});
});
