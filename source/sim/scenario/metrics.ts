// Scenario sections for CloudWatch metrics and alarms. An alarm without a stated state takes the
// one its metric's datapoints give it at load time.
import {evaluateAlarm} from '../demo/alarm-evaluation.js';
import type {MetricAlarm, MetricDatum} from '../world/types.js';
import {childPath, type ObjectNode, type ScenarioScope} from './reader.js';

type Dimensions = MetricDatum['dimensions'];

function readDimensions(scope: ScenarioScope, node: ObjectNode): Dimensions {
	return scope.reader.pairs(node, 'dimensions');
}

function readDatapoint(
	scope: ScenarioScope,
	value: unknown,
	path: string,
	base: Omit<MetricDatum, 'timestamp' | 'values'>,
): MetricDatum | undefined {
	const {reader} = scope;
	const node = reader.object(value, path, ['timestamp', 'value', 'values', 'counts']);
	if (node === undefined) {
		return undefined;
	}
	const timestamp = reader.time(node, 'timestamp');
	if (reader.has(node, 'value') === reader.has(node, 'values')) {
		return reader.report(
			path,
			'needs exactly one of "value" (one sample) or "values" (several samples)',
		);
	}
	const values = reader.has(node, 'value')
		? [reader.number(node, 'value')].filter((item) => item !== undefined)
		: reader.list(node, 'values', (item, itemPath) => reader.checkNumber(item, itemPath));
	const counts = reader.has(node, 'counts')
		? reader.list(node, 'counts', (item, itemPath) => reader.checkNumber(item, itemPath, {min: 0}))
		: undefined;
	if (counts !== undefined && counts.length !== values.length) {
		reader.report(
			childPath(path, 'counts'),
			`expected as many counts as values (${values.length})`,
		);
	}
	if (timestamp === undefined || values.length === 0) {
		return undefined;
	}
	return {...base, timestamp, values, ...(counts === undefined ? {} : {counts})};
}

function readSeries(
	scope: ScenarioScope,
	value: unknown,
	path: string,
	base: Omit<MetricDatum, 'timestamp' | 'values'>,
): MetricDatum[] {
	const {reader} = scope;
	const node = reader.object(value, path, ['start', 'periodSeconds', 'values']);
	if (node === undefined) {
		return [];
	}
	const start = reader.time(node, 'start');
	const period =
		(reader.optionalNumber(node, 'periodSeconds', {integer: true, min: 1}) ?? 60) * 1000;
	const values = reader.list(
		node,
		'values',
		(item, itemPath) => (item === null ? null : reader.checkNumber(item, itemPath)),
		true,
	);
	if (start === undefined) {
		return [];
	}
	const first = Math.floor(start / period) * period;
	return values.flatMap((item, index) =>
		item === null ? [] : [{...base, timestamp: first + index * period, values: [item]}],
	);
}

function readMetric(scope: ScenarioScope, value: unknown, path: string): MetricDatum[] {
	const {reader} = scope;
	const node = reader.object(value, path, [
		'namespace',
		'metricName',
		'dimensions',
		'unit',
		'datapoints',
		'series',
	]);
	if (node === undefined) {
		return [];
	}
	const namespace = reader.string(node, 'namespace');
	const metricName = reader.string(node, 'metricName');
	const dimensions = readDimensions(scope, node);
	const unit = reader.optionalString(node, 'unit');
	if (!reader.has(node, 'datapoints') && !reader.has(node, 'series')) {
		reader.report(path, 'needs "datapoints" or "series"');
	}
	const base = {
		namespace: namespace ?? '',
		metricName: metricName ?? '',
		dimensions,
		...(unit === undefined ? {} : {unit}),
	};
	const datums = [
		...reader.list(node, 'datapoints', (item, itemPath) =>
			readDatapoint(scope, item, itemPath, base),
		),
		...(reader.has(node, 'series')
			? readSeries(scope, node.fields.series, childPath(path, 'series'), base)
			: []),
	];
	return namespace === undefined || metricName === undefined ? [] : datums;
}

export function readMetrics(scope: ScenarioScope, root: ObjectNode): MetricDatum[] {
	const datums = scope.reader
		.list(root, 'metrics', (value, path) => readMetric(scope, value, path))
		.flat();
	return datums.sort((a, b) => a.timestamp - b.timestamp);
}

const comparisonOperators = [
	'GreaterThanThreshold',
	'GreaterThanOrEqualToThreshold',
	'LessThanThreshold',
	'LessThanOrEqualToThreshold',
] as const;

function readAlarm(
	scope: ScenarioScope,
	value: unknown,
	path: string,
	metrics: readonly MetricDatum[],
): MetricAlarm | undefined {
	const {reader} = scope;
	const node = reader.object(value, path, [
		'alarmName',
		'alarmArn',
		'alarmDescription',
		'namespace',
		'metricName',
		'dimensions',
		'statistic',
		'periodSeconds',
		'evaluationPeriods',
		'threshold',
		'comparisonOperator',
		'stateValue',
		'stateReason',
		'stateUpdatedTimestamp',
	]);
	if (node === undefined) {
		return undefined;
	}
	const alarmName = reader.string(node, 'alarmName');
	const alarmDescription = reader.optionalString(node, 'alarmDescription');
	const namespace = reader.string(node, 'namespace');
	const metricName = reader.string(node, 'metricName');
	const threshold = reader.number(node, 'threshold');
	const comparisonOperator = reader.string(node, 'comparisonOperator', {
		oneOf: comparisonOperators,
	});
	const stateValue = reader.has(node, 'stateValue')
		? reader.choice(node, 'stateValue', ['OK', 'ALARM', 'INSUFFICIENT_DATA'], 'OK')
		: undefined;
	const stateReason = reader.optionalString(node, 'stateReason');
	const stateUpdatedTimestamp = reader.optionalTime(node, 'stateUpdatedTimestamp');
	const alarm = {
		alarmName: alarmName ?? '',
		alarmArn:
			reader.optionalString(node, 'alarmArn') ??
			`arn:aws:cloudwatch:${scope.region}:${scope.accountId}:alarm:${alarmName ?? ''}`,
		...(alarmDescription === undefined ? {} : {alarmDescription}),
		namespace: namespace ?? '',
		metricName: metricName ?? '',
		dimensions: readDimensions(scope, node),
		statistic: reader.choice(
			node,
			'statistic',
			['SampleCount', 'Average', 'Sum', 'Minimum', 'Maximum'],
			'Average',
		),
		periodSeconds: reader.optionalNumber(node, 'periodSeconds', {integer: true, min: 1}) ?? 60,
		evaluationPeriods:
			reader.optionalNumber(node, 'evaluationPeriods', {integer: true, min: 1}) ?? 1,
		threshold: threshold ?? 0,
		comparisonOperator: comparisonOperator ?? 'GreaterThanThreshold',
		stateValue: stateValue ?? 'INSUFFICIENT_DATA',
		stateReason: stateReason ?? '',
		stateUpdatedTimestamp: stateUpdatedTimestamp ?? scope.now,
	};
	if (
		alarmName === undefined ||
		namespace === undefined ||
		metricName === undefined ||
		threshold === undefined ||
		comparisonOperator === undefined
	) {
		return undefined;
	}
	if (stateValue === undefined) {
		const evaluation = evaluateAlarm(alarm, metrics, scope.now);
		return {...alarm, stateValue: evaluation.state, stateReason: stateReason ?? evaluation.reason};
	}
	return {...alarm, stateReason: stateReason ?? `Set by the scenario file (${stateValue})`};
}

export function readAlarms(
	scope: ScenarioScope,
	root: ObjectNode,
	metrics: readonly MetricDatum[],
): MetricAlarm[] {
	return scope.reader.list(root, 'alarms', (value, path) => readAlarm(scope, value, path, metrics));
}
