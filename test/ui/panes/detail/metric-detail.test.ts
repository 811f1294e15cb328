import {describe, expect, it} from 'vitest';
import type {MetricSeries, MetricsView} from '../../../../source/domain/snapshot.js';
import {
	datapointLines,
	metricDetailLines,
} from '../../../../source/ui/panes/detail/metric-detail.js';
import {lineText} from '../../../../source/ui/panes/line.js';
import {context, snapshot, targetGroupArn, topology} from '../fixture.js';

const metrics = snapshot.metrics as MetricsView;
const byId = (id: string) => metrics.series.find((series) => series.id === id) as MetricSeries;

describe('datapointLines', () => {
	it('lists the datapoints newest first, down the columns', () => {
		const lines = datapointLines(byId('resets'), 6, context({width: 80})).map(lineText);
		expect(lines).toEqual([
			'15 datapoints, newest first',
			'13:44:00Z  50    13:40:00Z  50    13:36:00Z  0     13:32:00Z  0',
			'13:43:00Z  49    13:39:00Z  48    13:35:00Z  0     13:31:00Z  0',
			'13:42:00Z  51    13:38:00Z  52    13:34:00Z  0     13:30:00Z  0',
			'13:41:00Z  47    13:37:00Z  45    13:33:00Z  0',
		]);
	});

	it('counts what does not fit in the last cell', () => {
		const lines = datapointLines(byId('resets'), 4, context({width: 36})).map(lineText);
		expect(lines).toEqual([
			'15 datapoints, newest first',
			'13:44:00Z  50    13:42:00Z  51',
			'13:43:00Z  49    13:41:00Z  47',
			'… 11 more datapoints',
		]);
	});

	it('says so when the series has no datapoints, never a zero', () => {
		expect(datapointLines({...byId('new'), points: []}, 5, context()).map(lineText)).toEqual([
			'no datapoints in the window',
		]);
	});
});

describe('metricDetailLines', () => {
	const input = (series: MetricSeries) => ({series, metrics, window: snapshot.window, topology});

	it('shows the series, its alarm, the targets behind a host count, then datapoints', () => {
		const lines = metricDetailLines(input(byId('healthy')), context({width: 120, height: 30})).map(
			lineText,
		);
		expect(lines.slice(0, 7)).toEqual([
			'Healthy hosts · HealthyHostCount Minimum · 60 s periods · AWS/NetworkELB',
			'LoadBalancer=net/web-nlb/50dc6c495c0c9188',
			'now 1 · min 1 · max 2',
			'ALARM web-nlb-healthy-hosts · since 13:41Z (4m) · Threshold Crossed: 1 datapoint [1.0] was less than the threshold (2.0)',
			'targets in web-tg:',
			'  i-0abc1234 (10.0.1.10:8443) · us-east-1a · healthy',
			'  i-0def5678 (10.0.2.20:8443) · us-east-1b · unhealthy · Target.FailedHealthChecks · Health checks failed',
		]);
		expect(lines[7]).toBe('15 datapoints, newest first');
	});

	it('narrows the targets to the series target group and AZ', () => {
		const perZone = {
			...byId('healthy'),
			metricName: 'UnHealthyHostCount',
			dimensions: {
				LoadBalancer: 'net/web-nlb/50dc6c495c0c9188',
				TargetGroup: 'targetgroup/web-tg/6d0ecf831eec9f09',
				AvailabilityZone: 'us-east-1b',
			},
		};
		expect(targetGroupArn.endsWith(':targetgroup/web-tg/6d0ecf831eec9f09')).toBe(true);
		const lines = metricDetailLines(input(perZone), context({width: 120, height: 30})).map(
			lineText,
		);
		expect(lines).toContain('targets in web-tg (us-east-1b):');
		expect(lines.filter((text) => text.startsWith('  i-'))).toEqual([
			'  i-0def5678 (10.0.2.20:8443) · us-east-1b · unhealthy · Target.FailedHealthChecks · Health checks failed',
		]);
	});

	it('lists no targets for other metrics, and says when no alarm watches the series', () => {
		const lines = metricDetailLines(input(byId('new')), context({width: 120, height: 30})).map(
			lineText,
		);
		expect(lines).toContain('no alarm watches this series');
		expect(lines.join('\n')).not.toContain('targets in');
	});
});
