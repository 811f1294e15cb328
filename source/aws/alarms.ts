// CloudWatch DescribeAlarms: all metric alarms of the region, every page. There is no dimension
// filter in the API; domain/metrics/alarm-filter.ts keeps the ones about this load balancer.
import {
	DescribeAlarmsCommand,
	type Dimension,
	type MetricAlarm,
	type MetricDataQuery,
} from '@aws-sdk/client-cloudwatch';
import type {AlarmDimension, AlarmMetric, RawAlarm} from '../domain/metrics/alarm-filter.js';
import type {AwsClients} from './clients.js';
import {awsCall} from './errors.js';

// 100 per page is the API maximum; 100 pages is ten thousand alarms, far past any real region.
const maxPages = 100;

function dimensionsOf(dimensions: readonly Dimension[] | undefined): AlarmDimension[] {
	return (dimensions ?? []).flatMap((dimension) =>
		dimension.Name === undefined || dimension.Value === undefined
			? []
			: [{name: dimension.Name, value: dimension.Value}],
	);
}

function mathMetricOf(query: MetricDataQuery): AlarmMetric[] {
	const metric = query.MetricStat?.Metric;
	if (metric === undefined) {
		return [];
	}
	return [
		{
			...(metric.Namespace === undefined ? {} : {namespace: metric.Namespace}),
			...(metric.MetricName === undefined ? {} : {metricName: metric.MetricName}),
			dimensions: dimensionsOf(metric.Dimensions),
		},
	];
}

function rawAlarmOf(alarm: MetricAlarm): RawAlarm {
	const updated = alarm.StateUpdatedTimestamp ?? alarm.StateTransitionedTimestamp;
	const standard = alarm.MetricName !== undefined || alarm.Dimensions !== undefined;
	return {
		...(alarm.AlarmName === undefined ? {} : {name: alarm.AlarmName}),
		...(alarm.StateValue === undefined ? {} : {state: alarm.StateValue}),
		...(alarm.StateReason === undefined ? {} : {reason: alarm.StateReason}),
		...(updated === undefined ? {} : {stateUpdatedAt: updated.getTime()}),
		...(standard
			? {
					metric: {
						...(alarm.Namespace === undefined ? {} : {namespace: alarm.Namespace}),
						...(alarm.MetricName === undefined ? {} : {metricName: alarm.MetricName}),
						dimensions: dimensionsOf(alarm.Dimensions),
					},
				}
			: {}),
		mathMetrics: (alarm.Metrics ?? []).flatMap(mathMetricOf),
	};
}

export async function describeAllAlarms(
	clients: AwsClients,
	signal?: AbortSignal,
): Promise<RawAlarm[]> {
	const cloudwatch = await clients.cloudwatch();
	const alarms: RawAlarm[] = [];
	let nextToken: string | undefined;
	let pages = 0;
	do {
		const page = await awsCall('cloudwatch:DescribeAlarms', () =>
			cloudwatch.send(
				new DescribeAlarmsCommand({
					MaxRecords: 100,
					...(nextToken === undefined ? {} : {NextToken: nextToken}),
				}),
				signal === undefined ? {} : {abortSignal: signal},
			),
		);
		alarms.push(...(page.MetricAlarms ?? []).map(rawAlarmOf));
		nextToken = page.NextToken;
		pages += 1;
	} while (nextToken !== undefined && nextToken !== '' && pages < maxPages);
	return alarms;
}
