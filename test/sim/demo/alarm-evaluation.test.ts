import {describe, expect, it} from 'vitest';
import {evaluateAlarm, updateAlarm} from '../../../source/sim/demo/alarm-evaluation.js';
import type {MetricAlarm, MetricDatum} from '../../../source/sim/world/types.js';

const minute = 60_000;
const start = Date.UTC(2025, 4, 1, 12, 0, 0);
const dimensions = [{name: 'LoadBalancer', value: 'net/demo/50dc6c495c0c9188'}];

function alarm(overrides: Partial<MetricAlarm> = {}): MetricAlarm {
	return {
		alarmName: 'resets',
		alarmArn: 'arn:aws:cloudwatch:us-east-1:123456789012:alarm:resets',
		namespace: 'AWS/NetworkELB',
		metricName: 'TCP_Target_Reset_Count',
		dimensions,
		statistic: 'Sum',
		periodSeconds: 60,
		evaluationPeriods: 2,
		threshold: 10,
		comparisonOperator: 'GreaterThanThreshold',
		stateValue: 'INSUFFICIENT_DATA',
		stateReason: '',
		stateUpdatedTimestamp: 0,
		...overrides,
	};
}

function datum(
	minuteIndex: number,
	values: number[],
	overrides: Partial<MetricDatum> = {},
): MetricDatum {
	return {
		namespace: 'AWS/NetworkELB',
		metricName: 'TCP_Target_Reset_Count',
		dimensions,
		timestamp: start + minuteIndex * minute,
		values,
		...overrides,
	};
}

describe('evaluateAlarm', () => {
	it.each([
		{name: 'every period breaches', data: [datum(0, [6, 6]), datum(1, [20])], state: 'ALARM'},
		{name: 'one of two periods breaches', data: [datum(0, [3]), datum(1, [20])], state: 'OK'},
		{name: 'no period breaches', data: [datum(0, [1]), datum(1, [2])], state: 'OK'},
		{name: 'no data at all', data: [], state: 'INSUFFICIENT_DATA'},
		{
			name: 'data only for another load balancer',
			data: [datum(1, [50], {dimensions: [{name: 'LoadBalancer', value: 'net/other/1'}]})],
			state: 'INSUFFICIENT_DATA',
		},
		{
			name: 'data only outside the evaluated periods',
			data: [datum(-5, [50])],
			state: 'INSUFFICIENT_DATA',
		},
	])('is $state when $name', ({data, state}) => {
		expect(evaluateAlarm(alarm(), data, start + 2 * minute).state).toBe(state);
	});

	it.each([
		{statistic: 'Maximum', operator: 'GreaterThanThreshold', threshold: 4, state: 'ALARM'},
		{statistic: 'Minimum', operator: 'LessThanThreshold', threshold: 2, state: 'ALARM'},
		{statistic: 'Average', operator: 'GreaterThanOrEqualToThreshold', threshold: 3, state: 'ALARM'},
		{statistic: 'Average', operator: 'LessThanOrEqualToThreshold', threshold: 2, state: 'OK'},
		{statistic: 'SampleCount', operator: 'GreaterThanThreshold', threshold: 3, state: 'OK'},
	])('applies $statistic $operator $threshold', ({statistic, operator, threshold, state}) => {
		const target = alarm({
			statistic,
			comparisonOperator: operator,
			threshold,
			evaluationPeriods: 1,
		});
		expect(evaluateAlarm(target, [datum(0, [1, 3, 5])], start + minute).state).toBe(state);
	});

	it('explains the transition the way CloudWatch does', () => {
		const {reason} = evaluateAlarm(alarm({evaluationPeriods: 1}), [datum(0, [12])], start + minute);
		expect(reason).toBe(
			'Threshold Crossed: 1 datapoint [12.0 (01/05/25 12:00:00)] was greater than the threshold (10.0).',
		);
	});
});

describe('updateAlarm', () => {
	it('moves the timestamp only when the state changes', () => {
		const target = alarm({evaluationPeriods: 1});
		updateAlarm(target, [datum(0, [12])], start + minute);
		expect([target.stateValue, target.stateUpdatedTimestamp]).toEqual(['ALARM', start + minute]);
		updateAlarm(target, [datum(0, [12]), datum(1, [15])], start + 2 * minute);
		expect([target.stateValue, target.stateUpdatedTimestamp]).toEqual(['ALARM', start + minute]);
		updateAlarm(target, [datum(2, [0])], start + 3 * minute);
		expect([target.stateValue, target.stateUpdatedTimestamp]).toEqual(['OK', start + 3 * minute]);
	});
});
