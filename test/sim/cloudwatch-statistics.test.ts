import {describe, expect, it} from 'vitest';
import {
	computeStatistic,
	parseStatistic,
	type Sample,
	type Statistic,
	samplesOfStatisticSet,
} from '../../source/sim/services/cloudwatch/statistics.js';

function statistic(text: string): Statistic {
	const parsed = parseStatistic(text);
	if (parsed === undefined) {
		throw new Error(`not a statistic: ${text}`);
	}
	return parsed;
}

const samples: Sample[] = [
	{value: 10, count: 1},
	{value: 1, count: 3},
	{value: 5, count: 6},
];

describe('CloudWatch statistics', () => {
	it.each([
		['SampleCount', 10],
		['Sum', 43],
		['Average', 4.3],
		['Minimum', 1],
		['Maximum', 10],
		['p0', 1],
		['p30', 1],
		['p31', 5],
		['p90', 5],
		['p90.1', 10],
		['p100', 10],
	])('computes %s over weighted samples', (name, expected) => {
		expect(computeStatistic(statistic(name), samples)).toBeCloseTo(expected, 10);
	});

	it.each(['tm99', 'p101', 'sum', 'IQM', 'p', ''])('does not serve %j', (name) => {
		expect(parseStatistic(name)).toBeUndefined();
	});

	it.each([
		{sampleCount: 10, sum: 100, minimum: 2, maximum: 30},
		{sampleCount: 2, sum: 9, minimum: 4, maximum: 5},
		{sampleCount: 1, sum: 7, minimum: 7, maximum: 7},
		{sampleCount: 4, sum: 12, minimum: 3, maximum: 3},
	])('keeps a statistic set exact: %o', (set) => {
		const expanded = samplesOfStatisticSet(set);
		expect(computeStatistic(statistic('SampleCount'), expanded)).toBe(set.sampleCount);
		expect(computeStatistic(statistic('Sum'), expanded)).toBeCloseTo(set.sum, 10);
		expect(computeStatistic(statistic('Minimum'), expanded)).toBe(set.minimum);
		expect(computeStatistic(statistic('Maximum'), expanded)).toBe(set.maximum);
	});
});
