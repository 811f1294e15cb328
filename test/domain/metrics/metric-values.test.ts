import {describe, expect, it} from 'vitest';
import {formatMetricValue, summarizeSeries} from '../../../source/domain/metrics/metric-values.js';
import type {MetricSeries} from '../../../source/domain/snapshot.js';

type Shape = Pick<MetricSeries, 'unit' | 'stat' | 'periodSeconds' | 'metricName'>;
const shape = (unit: Shape['unit'], metricName: string, stat = 'Sum'): Shape => ({
	unit,
	stat,
	periodSeconds: 60,
	metricName,
});

describe('formatMetricValue', () => {
	it.each<[string, Shape, number, string]>([
		['new flows per second', shape('count', 'NewFlowCount'), 600, '10/s'],
		['new flows per second, fractional', shape('count', 'NewFlowCount_TCP'), 402, '6.7/s'],
		['requests per second', shape('count', 'RequestCount'), 90, '1.5/s'],
		['resets as counts', shape('count', 'TCP_Target_Reset_Count'), 50, '50'],
		['active flows as counts', shape('count', 'ActiveFlowCount', 'Average'), 1206, '1206'],
		['healthy hosts', shape('count', 'HealthyHostCount', 'Minimum'), 2, '2'],
		['bytes per second', shape('bytes', 'ProcessedBytes'), 20_904_000, '340KB/s'],
		['bytes as bytes when not a sum', shape('bytes', 'ProcessedBytes', 'Average'), 2048, '2KB'],
		['seconds as ms', shape('seconds', 'TargetResponseTime', 'Average'), 0.3, '300ms'],
		[
			'small latencies keep a decimal',
			shape('seconds', 'TargetResponseTime', 'Average'),
			0.0025,
			'2.5ms',
		],
		['long latencies in seconds', shape('seconds', 'TargetResponseTime', 'p99'), 12.5, '12.5s'],
		['percent', shape('percent', 'CPUUtilization', 'Average'), 12.5, '12.5%'],
		['no unit', shape('none', 'ConsumedLCUs', 'Sum'), 0.25, '0.25'],
		['not a number', shape('count', 'NewFlowCount'), Number.NaN, '-'],
	])('%s', (_name, series, value, expected) => {
		expect(formatMetricValue(series, value)).toBe(expected);
	});
});

describe('summarizeSeries', () => {
	const minute = 60_000;
	const series = (values: ReadonlyArray<number | undefined>) => ({
		periodSeconds: 60,
		points: values.flatMap((v, index) => (v === undefined ? [] : [{t: index * minute, v}])),
	});

	it('has current, min and max over the window', () => {
		expect(summarizeSeries(series([5, 1, 9, 4]), 4 * minute, 0)).toEqual({
			current: 4,
			min: 1,
			max: 9,
		});
	});

	it('has no current value when the newest datapoint is older than a period', () => {
		expect(summarizeSeries(series([5, 1, undefined, undefined, undefined]), 5 * minute, 0)).toEqual(
			{
				min: 1,
				max: 5,
			},
		);
	});

	it('leaves out datapoints before the window', () => {
		expect(summarizeSeries(series([100, 1, 2]), 3 * minute, minute)).toEqual({
			current: 2,
			min: 1,
			max: 2,
		});
	});

	it('has nothing to say without datapoints', () => {
		expect(summarizeSeries(series([]), 3 * minute, 0)).toEqual({});
	});
});
