// CloudWatch GetMetricData and GetMetricStatistics over the world's raw samples.
import type {SimContext} from '../../context.js';
import type {Params} from '../../protocol/params.js';
import {WireMap, type WireStruct, type WireValue} from '../../protocol/wire.js';
import {invalidParameterCombination, invalidParameterValue, validationError} from './errors.js';
import {
	indexMetrics,
	type MetricIndex,
	metricsBetween,
	readDimensions,
	seriesOf,
} from './series.js';
import {computeStatistic, parseStatistic, type Statistic} from './statistics.js';

const queryIdPattern = /^[a-z][a-zA-Z0-9_]*$/;

function readPeriod(params: Params, name: string): number {
	const period = params.integer(name);
	if (period === undefined) {
		throw params.missing(name);
	}
	const highResolution = [1, 5, 10, 20, 30];
	if (period < 1 || (!highResolution.includes(period) && period % 60 !== 0)) {
		throw invalidParameterValue(
			`The parameter ${name} must be 1, 5, 10, 20, 30, 60, or any multiple of 60.`,
		);
	}
	return period;
}

function readTimeRange(params: Params): {startTime: number; endTime: number} {
	const startTime = params.requiredTime('StartTime');
	const endTime = params.requiredTime('EndTime');
	if (startTime >= endTime) {
		throw invalidParameterValue('The parameter StartTime must be less than the parameter EndTime.');
	}
	return {startTime, endTime};
}

function metricDataResult(
	index: MetricIndex,
	query: Params,
	range: {startTime: number; endTime: number},
	ascending: boolean,
): WireStruct | undefined {
	const id = query.requiredString('Id');
	const metricStat = query.object('MetricStat');
	if (query.has('Expression')) {
		throw validationError(
			`Metric math is not supported by lbtop's sim: query '${id}' has an Expression; use MetricStat.`,
		);
	}
	if (metricStat === undefined) {
		throw validationError(`Query '${id}' must specify MetricStat.`);
	}
	if (query.boolean('ReturnData') === false) {
		return undefined;
	}
	const metric = metricStat.object('Metric');
	if (metric === undefined) {
		throw metricStat.missing('Metric');
	}
	const statName = metricStat.requiredString('Stat');
	const statistic = parseStatistic(statName);
	if (statistic === undefined) {
		throw invalidParameterValue(`The statistic '${statName}' of query '${id}' is not supported.`);
	}
	const metricName = metric.requiredString('MetricName');
	const unit = metricStat.string('Unit');
	const series = seriesOf(index, {
		metric: {
			namespace: metric.requiredString('Namespace'),
			metricName,
			dimensions: readDimensions(metric),
		},
		...(unit === undefined ? {} : {unit}),
		...range,
		periodSeconds: readPeriod(metricStat, 'Period'),
	});
	const points = [...series.periods.entries()].sort(([left], [right]) =>
		ascending ? left - right : right - left,
	);
	return {
		Id: id,
		Label: query.string('Label') ?? metricName,
		Timestamps: points.map(([periodStart]) => new Date(periodStart)),
		Values: points.map(([, samples]) => computeStatistic(statistic, samples)),
		StatusCode: 'Complete',
		Messages: [],
	};
}

export function getMetricData(params: Params, {world, clock}: SimContext): WireStruct {
	const queries = params.objects('MetricDataQueries');
	if (queries.length === 0) {
		throw params.missing('MetricDataQueries');
	}
	if (queries.length > 500) {
		throw validationError('The collection MetricDataQueries must not have more than 500 members.');
	}
	const ids = queries.map((query) => query.requiredString('Id'));
	const invalidId = ids.find((id) => !queryIdPattern.test(id));
	if (invalidId !== undefined) {
		throw validationError(
			`Invalid metric data query id '${invalidId}': it must start with a lowercase letter and contain only letters, digits and underscores.`,
		);
	}
	if (new Set(ids).size < ids.length) {
		throw validationError('The values of MetricDataQueries Id must be unique.');
	}
	const range = readTimeRange(params);
	const scanBy = params.string('ScanBy') ?? 'TimestampDescending';
	if (scanBy !== 'TimestampDescending' && scanBy !== 'TimestampAscending') {
		throw validationError(`The value '${scanBy}' for ScanBy is not valid.`);
	}
	const index = indexMetrics(
		metricsBetween(world, range.startTime - 60_000, range.endTime, clock.now()),
	);
	return {
		MetricDataResults: queries.flatMap(
			(query) => metricDataResult(index, query, range, scanBy === 'TimestampAscending') ?? [],
		),
		Messages: [],
	};
}

function readStatistics(params: Params): Statistic[] {
	const statistics = params.strings('Statistics').map((name) => {
		const statistic = parseStatistic(name);
		if (statistic?.kind !== 'basic') {
			throw invalidParameterValue(`The parameter Statistics contains an invalid value: ${name}`);
		}
		return statistic;
	});
	const extended = params.strings('ExtendedStatistics').map((name) => {
		const statistic = parseStatistic(name);
		if (statistic?.kind !== 'percentile') {
			throw invalidParameterValue(
				`The parameter ExtendedStatistics contains an invalid value: ${name}`,
			);
		}
		return statistic;
	});
	if (statistics.length + extended.length === 0) {
		throw invalidParameterCombination('Must specify either Statistics or ExtendedStatistics.');
	}
	return [...statistics, ...extended];
}

const maxDatapoints = 1440;

export function getMetricStatistics(params: Params, {world, clock}: SimContext): WireStruct {
	const metricName = params.requiredString('MetricName');
	const namespace = params.requiredString('Namespace');
	const range = readTimeRange(params);
	const periodSeconds = readPeriod(params, 'Period');
	const requested = Math.ceil((range.endTime - range.startTime) / (periodSeconds * 1000));
	if (requested > maxDatapoints) {
		throw invalidParameterCombination(
			`You have requested up to ${requested.toLocaleString('en-US')} datapoints, which exceeds the limit of ${maxDatapoints.toLocaleString('en-US')}. You may reduce the datapoints requested by increasing Period, or decreasing the time range.`,
		);
	}
	const statistics = readStatistics(params);
	const unit = params.string('Unit');
	const metrics = metricsBetween(world, range.startTime - 60_000, range.endTime, clock.now());
	const series = seriesOf(indexMetrics(metrics), {
		metric: {namespace, metricName, dimensions: readDimensions(params)},
		...(unit === undefined ? {} : {unit}),
		...range,
		periodSeconds,
	});
	const datapoints = [...series.periods.entries()]
		.sort(([left], [right]) => left - right)
		.map(([periodStart, samples]) => {
			const datapoint: Record<string, WireValue> = {Timestamp: new Date(periodStart)};
			const extended: Record<string, number> = {};
			for (const statistic of statistics) {
				const value = computeStatistic(statistic, samples);
				if (statistic.kind === 'basic') {
					datapoint[statistic.name] = value;
				} else {
					extended[statistic.name] = value;
				}
			}
			datapoint.Unit = unit ?? series.unit ?? 'None';
			if (Object.keys(extended).length > 0) {
				datapoint.ExtendedStatistics = new WireMap(extended);
			}
			return datapoint;
		});
	return {Label: metricName, Datapoints: datapoints};
}
