// Alarm state that follows the data: the most recent evaluation periods of the alarm's metric,
// with missing data treated as missing (CloudWatch's default).
import type {MetricAlarm, MetricDatum} from '../world/types.js';

type Dimensions = MetricAlarm['dimensions'];

function sameDimensions(left: Dimensions, right: Dimensions): boolean {
	return (
		left.length === right.length &&
		left.every((dimension) =>
			right.some((other) => other.name === dimension.name && other.value === dimension.value),
		)
	);
}

export function periodStatistic(
	datums: readonly MetricDatum[],
	statistic: string,
): number | undefined {
	let sum = 0;
	let sampleCount = 0;
	let maximum = Number.NEGATIVE_INFINITY;
	let minimum = Number.POSITIVE_INFINITY;
	for (const datum of datums) {
		datum.values.forEach((value, index) => {
			const count = datum.counts?.[index] ?? 1;
			sum += value * count;
			sampleCount += count;
			maximum = Math.max(maximum, value);
			minimum = Math.min(minimum, value);
		});
	}
	if (sampleCount === 0) {
		return undefined;
	}
	switch (statistic) {
		case 'Sum': {
			return sum;
		}
		case 'SampleCount': {
			return sampleCount;
		}
		case 'Maximum': {
			return maximum;
		}
		case 'Minimum': {
			return minimum;
		}
		default: {
			return sum / sampleCount;
		}
	}
}

const comparisons: Readonly<
	Record<
		string,
		{readonly breaches: (value: number, threshold: number) => boolean; readonly text: string}
	>
> = {
	GreaterThanThreshold: {breaches: (value, threshold) => value > threshold, text: 'greater than'},
	GreaterThanOrEqualToThreshold: {
		breaches: (value, threshold) => value >= threshold,
		text: 'greater than or equal to',
	},
	LessThanThreshold: {breaches: (value, threshold) => value < threshold, text: 'less than'},
	LessThanOrEqualToThreshold: {
		breaches: (value, threshold) => value <= threshold,
		text: 'less than or equal to',
	},
};

function pad(value: number): string {
	return String(value).padStart(2, '0');
}

/** CloudWatch's state reasons print datapoint times as `dd/MM/yy HH:mm:ss` (UTC). */
function reasonTime(ms: number): string {
	const date = new Date(ms);
	return `${pad(date.getUTCDate())}/${pad(date.getUTCMonth() + 1)}/${pad(date.getUTCFullYear() % 100)} ${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())}`;
}

function formatNumber(value: number): string {
	return Number.isInteger(value) ? value.toFixed(1) : String(value);
}

export type AlarmEvaluation = {
	readonly state: MetricAlarm['stateValue'];
	readonly reason: string;
};

/** Evaluates the `evaluationPeriods` periods that end at `through` (a period boundary, Unix ms). */
export function evaluateAlarm(
	alarm: MetricAlarm,
	metrics: readonly MetricDatum[],
	through: number,
): AlarmEvaluation {
	const periodMs = alarm.periodSeconds * 1000;
	const end = Math.floor(through / periodMs) * periodMs;
	const start = end - alarm.evaluationPeriods * periodMs;
	const relevant = metrics.filter(
		(datum) =>
			datum.metricName === alarm.metricName &&
			datum.namespace === alarm.namespace &&
			datum.timestamp >= start &&
			datum.timestamp < end &&
			sameDimensions(datum.dimensions, alarm.dimensions),
	);
	const comparison = comparisons[alarm.comparisonOperator] ?? comparisons.GreaterThanThreshold;
	const points: {readonly time: number; readonly value: number}[] = [];
	for (let periodStart = end - periodMs; periodStart >= start; periodStart -= periodMs) {
		const value = periodStatistic(
			relevant.filter(
				(datum) => datum.timestamp >= periodStart && datum.timestamp < periodStart + periodMs,
			),
			alarm.statistic,
		);
		if (value !== undefined) {
			points.push({time: periodStart, value});
		}
	}
	if (points.length === 0 || comparison === undefined) {
		return {
			state: 'INSUFFICIENT_DATA',
			reason: `Insufficient Data: ${alarm.evaluationPeriods} datapoint${alarm.evaluationPeriods === 1 ? ' was' : 's were'} unknown.`,
		};
	}
	const breaching = points.filter((point) => comparison.breaches(point.value, alarm.threshold));
	const inAlarm = breaching.length >= alarm.evaluationPeriods;
	const shown = inAlarm ? breaching : points;
	const list = shown
		.map((point) => `${formatNumber(point.value)} (${reasonTime(point.time)})`)
		.join(', ');
	const count =
		shown.length === 1
			? '1 datapoint'
			: `${shown.length} out of the last ${alarm.evaluationPeriods} datapoints`;
	const verb = shown.length === 1 ? 'was' : 'were';
	const relation = inAlarm ? comparison.text : `not ${comparison.text}`;
	return {
		state: inAlarm ? 'ALARM' : 'OK',
		reason: `Threshold Crossed: ${count} [${list}] ${verb} ${relation} the threshold (${formatNumber(alarm.threshold)}).`,
	};
}

/** Moves the alarm to its evaluated state; the timestamp and reason change only on a transition. */
export function updateAlarm(
	alarm: MetricAlarm,
	metrics: readonly MetricDatum[],
	through: number,
): void {
	const evaluation = evaluateAlarm(alarm, metrics, through);
	if (evaluation.state !== alarm.stateValue) {
		alarm.stateValue = evaluation.state;
		alarm.stateReason = evaluation.reason;
		alarm.stateUpdatedTimestamp = through;
	}
}
