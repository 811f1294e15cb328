// The header's targets figure and the unhealthy-targets finding read the same data at the same
// moment: whichever of discovery and CloudWatch saw the targets last.
import {describe, expect, it} from 'vitest';
import {evaluateFindings} from '../../../source/domain/findings/evaluate-findings.js';
import type {Snapshot} from '../../../source/domain/snapshot.js';
import {healthSegments} from '../../../source/ui/shell/header-text.js';
import {
	buildSnapshot,
	healthyMetrics,
	ids,
	minute,
	now,
	series,
	steady,
	withSeries,
} from '../../domain/findings/snapshot-builder.js';

const dimensions = {LoadBalancer: ids.lbDimension, TargetGroup: ids.tgDimension};

/** Discovery read both targets healthy `discoveryAgo` ago; CloudWatch's last minute says one is not. */
function snapshotWith(
	discoveryAgo: number,
	lastMetricAt: number,
	status: 'ok' | 'stale' = 'ok',
): Snapshot {
	const base = buildSnapshot();
	return buildSnapshot({
		sources: {...base.sources, discovery: {status, fetchedAt: now - discoveryAgo}},
		metrics: {
			series: withSeries(
				healthyMetrics(),
				series('UnHealthyHostCount', [...steady(0, 12), 1, 1, 1], {
					dimensions,
					stat: 'Maximum',
					lastAt: lastMetricAt,
				}),
				series('HealthyHostCount', [...steady(2, 12), 1, 1, 1], {
					dimensions,
					stat: 'Minimum',
					lastAt: lastMetricAt,
				}),
			),
			alarms: [],
		},
	});
}

const targetsText = (snapshot: Snapshot) =>
	healthSegments(snapshot).find((segment) => segment.key === 'targets');
const unhealthyTitle = (snapshot: Snapshot) =>
	evaluateFindings(snapshot).find((finding) => finding.rule === 'unhealthy-targets')?.title;

describe('the targets figure', () => {
	it('follows CloudWatch when its minute is newer than discovery, as the finding does', () => {
		const snapshot = snapshotWith(3 * minute, now - minute);
		expect(targetsText(snapshot)).toEqual({
			key: 'targets',
			text: 'targets 1/2 healthy',
			tone: 'error',
		});
		expect(unhealthyTitle(snapshot)).toBe('CloudWatch reports 1 unhealthy in web-tg');
	});

	it('follows discovery when it read the targets after that minute, and no finding contradicts it', () => {
		const snapshot = snapshotWith(30_000, now - 3 * minute);
		expect(targetsText(snapshot)?.text).toBe('targets 2/2 healthy');
		expect(unhealthyTitle(snapshot)).toBeUndefined();
	});

	it("is marked when discovery's last attempt failed", () => {
		const snapshot = snapshotWith(30_000, now - 3 * minute, 'stale');
		expect(targetsText(snapshot)).toEqual({
			key: 'targets',
			text: 'targets 2/2 healthy (stale)',
			tone: 'warn',
		});
	});
});
