// CloudWatch GetMetricData: every series of one refresh in one call. The answer is paged only
// when it holds more than 100,800 datapoints (or the service splits it); pages are joined here.
import {GetMetricDataCommand, type MetricDataResult} from '@aws-sdk/client-cloudwatch';
import type {FetchedSeries} from '../domain/metrics/merge-series.js';
import type {MetricSpec} from '../domain/metrics/metric-specs.js';
import type {TimeRange} from '../domain/metrics/metric-window.js';
import type {AwsClients} from './clients.js';
import {awsCall} from './errors.js';

// A service that kept answering with a NextToken would otherwise hold the refresh forever.
const maxPages = 20;

function queriesOf(specs: readonly MetricSpec[]) {
	return specs.map((spec) => ({
		Id: spec.queryId,
		Label: spec.seriesId,
		ReturnData: true,
		MetricStat: {
			Metric: {
				Namespace: spec.namespace,
				MetricName: spec.metricName,
				Dimensions: Object.entries(spec.dimensions).map(([Name, Value]) => ({Name, Value})),
			},
			Period: spec.periodSeconds,
			Stat: spec.stat,
		},
	}));
}

function fetchedOf(result: MetricDataResult): FetchedSeries[] {
	if (result.Id === undefined) {
		return [];
	}
	return [
		{
			queryId: result.Id,
			timestamps: (result.Timestamps ?? []).map((timestamp) => timestamp.getTime()),
			values: result.Values ?? [],
		},
	];
}

export async function getMetricData(
	clients: AwsClients,
	request: {readonly specs: readonly MetricSpec[]; readonly range: TimeRange},
	signal?: AbortSignal,
): Promise<FetchedSeries[]> {
	if (request.specs.length === 0) {
		return [];
	}
	const cloudwatch = await clients.cloudwatch();
	const queries = queriesOf(request.specs);
	const fetched: FetchedSeries[] = [];
	let nextToken: string | undefined;
	let pages = 0;
	do {
		const page = await awsCall('cloudwatch:GetMetricData', () =>
			cloudwatch.send(
				new GetMetricDataCommand({
					MetricDataQueries: queries,
					StartTime: new Date(request.range.start),
					EndTime: new Date(request.range.end),
					ScanBy: 'TimestampAscending',
					...(nextToken === undefined ? {} : {NextToken: nextToken}),
				}),
				signal === undefined ? {} : {abortSignal: signal},
			),
		);
		fetched.push(...(page.MetricDataResults ?? []).flatMap(fetchedOf));
		nextToken = page.NextToken;
		pages += 1;
	} while (nextToken !== undefined && nextToken !== '' && pages < maxPages);
	return fetched;
}
