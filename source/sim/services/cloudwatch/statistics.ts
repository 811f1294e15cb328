// CloudWatch statistics over raw samples. The world keeps every published value (with its count),
// so Sum, SampleCount, Average, Minimum, Maximum and percentiles are computed per period on read.
import type {MetricDatum} from '../../world/types.js';

export type Sample = {readonly value: number; readonly count: number};

export type BasicStatistic = 'SampleCount' | 'Sum' | 'Average' | 'Minimum' | 'Maximum';

export type Statistic =
	| {readonly kind: 'basic'; readonly name: BasicStatistic}
	| {readonly kind: 'percentile'; readonly name: string; readonly percent: number};

const basicStatistics: readonly string[] = ['SampleCount', 'Sum', 'Average', 'Minimum', 'Maximum'];

const percentilePattern = /^p(\d{1,3}(?:\.\d{1,10})?)$/;

/** `Sum`, `p99`, `p99.9`; undefined for anything else (trimmed means and friends are not served). */
export function parseStatistic(text: string): Statistic | undefined {
	if (basicStatistics.includes(text)) {
		return {kind: 'basic', name: text as BasicStatistic};
	}
	const percent = Number(percentilePattern.exec(text)?.[1]);
	if (Number.isFinite(percent) && percent >= 0 && percent <= 100) {
		return {kind: 'percentile', name: text, percent};
	}
	return undefined;
}

export function samplesOf(datum: MetricDatum): Sample[] {
	return datum.values.map((value, index) => ({value, count: datum.counts?.[index] ?? 1}));
}

function percentile(samples: readonly Sample[], percent: number): number {
	const sorted = [...samples].sort((left, right) => left.value - right.value);
	const total = sorted.reduce((sum, sample) => sum + sample.count, 0);
	const rank = (percent / 100) * total;
	let seen = 0;
	for (const sample of sorted) {
		seen += sample.count;
		if (seen >= rank && sample.count > 0) {
			return sample.value;
		}
	}
	return sorted.at(-1)?.value ?? Number.NaN;
}

/** The statistic of one period's samples; `samples` is never empty. */
export function computeStatistic(statistic: Statistic, samples: readonly Sample[]): number {
	if (statistic.kind === 'percentile') {
		return percentile(samples, statistic.percent);
	}
	const sampleCount = samples.reduce((sum, sample) => sum + sample.count, 0);
	const sum = samples.reduce((total, sample) => total + sample.value * sample.count, 0);
	switch (statistic.name) {
		case 'SampleCount':
			return sampleCount;
		case 'Sum':
			return sum;
		case 'Average':
			return sampleCount === 0 ? 0 : sum / sampleCount;
		case 'Minimum':
			return Math.min(...samples.map((sample) => sample.value));
		case 'Maximum':
			return Math.max(...samples.map((sample) => sample.value));
	}
}

/**
 * A statistic set (PutMetricData StatisticValues) as samples that reproduce its SampleCount, Sum,
 * Minimum and Maximum exactly: the extremes once each and the rest at their mean. Percentiles of
 * such data are approximate, as they are in CloudWatch.
 */
export function samplesOfStatisticSet(set: {
	readonly sampleCount: number;
	readonly sum: number;
	readonly minimum: number;
	readonly maximum: number;
}): Sample[] {
	const {sampleCount, sum, minimum, maximum} = set;
	if (sampleCount <= 1 || minimum === maximum) {
		return [{value: sampleCount === 0 ? 0 : sum / sampleCount, count: sampleCount}];
	}
	if (sampleCount <= 2) {
		const rest = sum - minimum;
		return [
			{value: minimum, count: 1},
			{value: rest / (sampleCount - 1), count: sampleCount - 1},
		];
	}
	return [
		{value: minimum, count: 1},
		{value: maximum, count: 1},
		{value: (sum - minimum - maximum) / (sampleCount - 2), count: sampleCount - 2},
	];
}
