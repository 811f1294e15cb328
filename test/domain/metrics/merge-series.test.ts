import {describe, expect, it} from 'vitest';
import {
	type FetchedSeries,
	mergeSeries,
	metricsDataThrough,
	newestPeriodHeld,
} from '../../../source/domain/metrics/merge-series.js';
import {buildMetricSpecs, type MetricSpec} from '../../../source/domain/metrics/metric-specs.js';
import type {MetricSeries} from '../../../source/domain/snapshot.js';
import {metricsTopology} from './topology-fixture.js';

const minute = 60_000;
const t0 = Date.UTC(2025, 2, 14, 13, 30);
const at = (minutes: number) => t0 + minutes * minute;

const specs = buildMetricSpecs(metricsTopology(), {breakdown: false});
function spec(seriesId: string): MetricSpec {
	const found = specs.find((entry) => entry.seriesId === seriesId);
	if (found === undefined) {
		throw new Error(`no spec ${seriesId}`);
	}
	return found;
}
const newFlows = spec('NewFlowCount.Sum');
const unhealthy = spec('UnHealthyHostCount.Minimum.tg/web');

function fetched(
	target: MetricSpec,
	points: readonly (readonly [number, number])[],
): FetchedSeries {
	return {
		queryId: target.queryId,
		timestamps: points.map(([minutes]) => at(minutes)),
		values: points.map(([, value]) => value),
	};
}

function pointsOf(series: readonly MetricSeries[], id: string): [number, number][] {
	const found = series.find((entry) => entry.id === id);
	return (found?.points ?? []).map((point) => [(point.t - t0) / minute, point.v]);
}

function merge(
	held: readonly MetricSeries[],
	answers: readonly FetchedSeries[],
	windowStartMinutes = 0,
	asked: readonly MetricSpec[] = [newFlows, unhealthy],
) {
	return mergeSeries(held, asked, answers, at(windowStartMinutes));
}

describe('mergeSeries', () => {
	it.each([
		{
			name: 'the first answer becomes the series, oldest first',
			held: [],
			answer: [
				[2, 20],
				[0, 5],
				[1, 10],
			],
			windowStart: 0,
			expected: [
				[0, 5],
				[1, 10],
				[2, 20],
			],
		},
		{
			name: 'a period missing from the answer stays a gap, never a zero',
			held: [],
			answer: [
				[0, 5],
				[3, 7],
			],
			windowStart: 0,
			expected: [
				[0, 5],
				[3, 7],
			],
		},
		{
			name: 'late data overwrites the periods read again, older periods are kept',
			held: [
				[0, 5],
				[1, 10],
				[2, 3],
			],
			answer: [
				[1, 10],
				[2, 12],
				[3, 1],
			],
			windowStart: 0,
			expected: [
				[0, 5],
				[1, 10],
				[2, 12],
				[3, 1],
			],
		},
		{
			name: 'periods that left the window are dropped',
			held: [
				[0, 5],
				[1, 10],
			],
			answer: [[16, 4]],
			windowStart: 1,
			expected: [
				[1, 10],
				[16, 4],
			],
		},
		{
			name: 'an empty answer keeps what was held',
			held: [[4, 2]],
			answer: [],
			windowStart: 0,
			expected: [[4, 2]],
		},
		{
			name: 'zero is a value like any other',
			held: [],
			answer: [[5, 0]],
			windowStart: 0,
			expected: [[5, 0]],
		},
	] as const)('$name', ({held, answer, windowStart, expected}) => {
		const first = merge([], [fetched(newFlows, held)], -1000).series;
		const {series} = merge(first, [fetched(newFlows, answer)], windowStart);
		expect(pointsOf(series, 'NewFlowCount.Sum')).toEqual(expected);
	});

	it('joins the pages of one query', () => {
		const {series} = merge(
			[],
			[
				fetched(newFlows, [
					[0, 1],
					[1, 2],
				]),
				fetched(newFlows, [[2, 3]]),
			],
		);
		expect(pointsOf(series, 'NewFlowCount.Sum')).toEqual([
			[0, 1],
			[1, 2],
			[2, 3],
		]);
	});

	it('keeps each answer on its own series, with the spec’s identity', () => {
		const {series} = merge([], [fetched(unhealthy, [[0, 1]]), fetched(newFlows, [[0, 9]])]);
		expect(series.map((entry) => [entry.id, entry.stat, entry.label, entry.points])).toEqual([
			['NewFlowCount.Sum', 'Sum', 'new flows', [{t: at(0), v: 9}]],
			['UnHealthyHostCount.Minimum.tg/web', 'Minimum', 'unhealthy web', [{t: at(0), v: 1}]],
		]);
	});

	it('lists a series asked for even before it has any datapoint', () => {
		const {series} = merge([], []);
		expect(series.map((entry) => [entry.id, entry.points.length])).toEqual([
			['NewFlowCount.Sum', 0],
			['UnHealthyHostCount.Minimum.tg/web', 0],
		]);
	});

	it('drops series no longer asked for', () => {
		const first = merge([], [fetched(unhealthy, [[0, 1]])]).series;
		const {series} = merge(first, [], 0, [newFlows]);
		expect(series.map((entry) => entry.id)).toEqual(['NewFlowCount.Sum']);
	});

	it('aligns timestamps to the period start', () => {
		const {series} = merge(
			[],
			[{queryId: newFlows.queryId, timestamps: [at(2) + 1500], values: [4]}],
		);
		expect(pointsOf(series, 'NewFlowCount.Sum')).toEqual([[2, 4]]);
	});

	it('counts and skips datapoints that are not numbers or lack a timestamp', () => {
		const result = merge(
			[],
			[
				{
					queryId: newFlows.queryId,
					timestamps: [at(0), at(1), Number.NaN, at(3)],
					values: [1, Number.NaN, 3],
				},
			],
		);
		expect(pointsOf(result.series, 'NewFlowCount.Sum')).toEqual([[0, 1]]);
		expect(result.skipped).toBe(3);
	});

	it('ignores answers to queries it did not ask', () => {
		const {series} = merge([], [{queryId: 'm999', timestamps: [at(0)], values: [1]}]);
		expect(series.flatMap((entry) => entry.points)).toEqual([]);
	});
});

describe('newestPeriodHeld and metricsDataThrough', () => {
	it.each([
		{name: 'nothing held', answers: [], newest: undefined, through: undefined},
		{
			name: 'the newest period of any series, and its end',
			answers: [
				fetched(newFlows, [
					[0, 1],
					[4, 1],
				]),
				fetched(unhealthy, [[6, 0]]),
			],
			newest: at(6),
			through: at(7),
		},
	])('$name', ({answers, newest, through}) => {
		const {series} = merge([], answers);
		expect(newestPeriodHeld(series)).toBe(newest);
		expect(metricsDataThrough(series)).toBe(through);
	});
});
