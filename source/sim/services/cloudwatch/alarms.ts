// CloudWatch DescribeAlarms: the world's metric alarms, filtered and paged like AWS
// (alphabetical by name, 50 per page by default). Composite alarms are not modelled.
import type {SimContext} from '../../context.js';
import {pageOf} from '../../protocol/paging.js';
import type {Params} from '../../protocol/params.js';
import type {WireStruct} from '../../protocol/wire.js';
import type {MetricAlarm} from '../../world/types.js';
import {invalidNextToken, invalidParameterCombination, validationError} from './errors.js';
import {parseStatistic} from './statistics.js';

const stateValues: readonly string[] = ['OK', 'ALARM', 'INSUFFICIENT_DATA'];

function alarmShape(alarm: MetricAlarm): WireStruct {
	const extended = parseStatistic(alarm.statistic)?.kind === 'percentile';
	const updated = new Date(alarm.stateUpdatedTimestamp);
	return {
		AlarmName: alarm.alarmName,
		AlarmArn: alarm.alarmArn,
		AlarmDescription: alarm.alarmDescription,
		AlarmConfigurationUpdatedTimestamp: updated,
		ActionsEnabled: true,
		OKActions: [],
		AlarmActions: [],
		InsufficientDataActions: [],
		StateValue: alarm.stateValue,
		StateReason: alarm.stateReason,
		StateUpdatedTimestamp: updated,
		MetricName: alarm.metricName,
		Namespace: alarm.namespace,
		Statistic: extended ? undefined : alarm.statistic,
		ExtendedStatistic: extended ? alarm.statistic : undefined,
		Dimensions: alarm.dimensions.map((dimension) => ({
			Name: dimension.name,
			Value: dimension.value,
		})),
		Period: alarm.periodSeconds,
		EvaluationPeriods: alarm.evaluationPeriods,
		Threshold: alarm.threshold,
		ComparisonOperator: alarm.comparisonOperator,
		TreatMissingData: 'missing',
		StateTransitionedTimestamp: updated,
	};
}

function selectAlarms(alarms: readonly MetricAlarm[], params: Params): MetricAlarm[] {
	const names = params.strings('AlarmNames');
	const prefix = params.string('AlarmNamePrefix');
	const state = params.string('StateValue');
	const types = params.strings('AlarmTypes');
	if (names.length > 0 && prefix !== undefined) {
		throw invalidParameterCombination(
			'AlarmNames and AlarmNamePrefix cannot be specified together.',
		);
	}
	if (names.length > 100) {
		throw validationError('The collection AlarmNames must not have more than 100 members.');
	}
	if (state !== undefined && !stateValues.includes(state)) {
		throw validationError(`The value '${state}' for StateValue is not valid.`);
	}
	// Without AlarmTypes AWS returns metric alarms only.
	if (types.length > 0 && !types.includes('MetricAlarm')) {
		return [];
	}
	return alarms
		.filter(
			(alarm) =>
				(names.length === 0 || names.includes(alarm.alarmName)) &&
				(prefix === undefined || alarm.alarmName.startsWith(prefix)) &&
				(state === undefined || alarm.stateValue === state),
		)
		.sort((left, right) =>
			left.alarmName < right.alarmName ? -1 : left.alarmName > right.alarmName ? 1 : 0,
		);
}

export function describeAlarms(params: Params, {world}: SimContext): WireStruct {
	const selected = selectAlarms(world.alarms, params);
	const page = pageOf(
		selected,
		params.string('NextToken'),
		params.integer('MaxRecords', {min: 1, max: 100}) ?? 50,
		invalidNextToken,
	);
	return {
		CompositeAlarms: [],
		MetricAlarms: page.items.map(alarmShape),
		NextToken: page.nextToken,
	};
}
