// CloudWatch PutMetricData: how scenarios and tests load metric data into the world.
// Unlike AWS, namespaces starting with `AWS/` are accepted, so a world can be given the load
// balancer metrics AWS itself would publish.
import type {SimContext} from '../../context.js';
import type {Params} from '../../protocol/params.js';
import type {WireStruct} from '../../protocol/wire.js';
import type {MetricDatum} from '../../world/types.js';
import {invalidParameterCombination, invalidParameterValue} from './errors.js';
import {readDimensions} from './series.js';
import {type Sample, samplesOfStatisticSet} from './statistics.js';

function readSamples(datum: Params, path: string): Sample[] {
	const value = datum.number('Value');
	const values = datum.numbers('Values');
	const counts = datum.numbers('Counts');
	const statisticValues = datum.object('StatisticValues');
	const given = [value !== undefined, values.length > 0, statisticValues !== undefined];
	if (given.filter(Boolean).length > 1) {
		throw invalidParameterCombination(
			`The parameters ${path}.Value, ${path}.Values and ${path}.StatisticValues are mutually exclusive.`,
		);
	}
	if (value !== undefined) {
		return [{value, count: 1}];
	}
	if (statisticValues !== undefined) {
		return samplesOfStatisticSet({
			sampleCount: statisticValues.number('SampleCount') ?? 0,
			sum: statisticValues.number('Sum') ?? 0,
			minimum: statisticValues.number('Minimum') ?? 0,
			maximum: statisticValues.number('Maximum') ?? 0,
		});
	}
	if (values.length === 0) {
		throw invalidParameterCombination(
			`One of ${path}.Value, ${path}.Values or ${path}.StatisticValues must be specified.`,
		);
	}
	if (counts.length > 0 && counts.length !== values.length) {
		throw invalidParameterValue(
			`The parameters ${path}.Values and ${path}.Counts must be of the same size.`,
		);
	}
	return values.map((item, index) => ({value: item, count: counts[index] ?? 1}));
}

export function putMetricData(params: Params, {world, clock}: SimContext): WireStruct {
	const namespace = params.requiredString('Namespace');
	const data = params.objects('MetricData');
	if (data.length === 0) {
		throw params.missing('MetricData');
	}
	if (data.length > 1000) {
		throw invalidParameterValue('The collection MetricData must not have more than 1000 members.');
	}
	const datums: MetricDatum[] = data.map((datum, index) => {
		const samples = readSamples(datum, `MetricData.member.${index + 1}`);
		const unit = datum.string('Unit');
		return {
			namespace,
			metricName: datum.requiredString('MetricName'),
			dimensions: readDimensions(datum),
			...(unit === undefined ? {} : {unit}),
			timestamp: datum.time('Timestamp') ?? clock.now(),
			values: samples.map((sample) => sample.value),
			counts: samples.map((sample) => sample.count),
		};
	});
	// Validate everything before writing anything, as a rejected request changes nothing in AWS.
	world.metrics.push(...datums);
	return {};
}
