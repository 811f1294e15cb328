import {
	CloudWatchClient,
	GetMetricDataCommand,
	type GetMetricDataCommandInput,
	GetMetricStatisticsCommand,
	InvalidParameterCombinationException,
	InvalidParameterValueException,
	ListMetricsCommand,
	PutMetricDataCommand,
	ValidationException,
} from '@aws-sdk/client-cloudwatch';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {type RunningSim, startSim} from '../../source/sim/server.js';
import {baseTime, nlbDimension, testWorld} from '../helpers/sim-world.js';
import {awsJson, runAwsCli} from './server/aws-cli.js';
import {postJson, signedFor} from './server/raw-request.js';
import {sdkConfig} from './server/sdk-config.js';

const minute = 60_000;
const at = (minutes: number) => new Date(baseTime + minutes * minute);
const nlbMetric = {
	Namespace: 'AWS/NetworkELB',
	MetricName: 'ActiveFlowCount',
	Dimensions: [{Name: 'LoadBalancer', Value: nlbDimension}],
};

let sim: RunningSim;
let client: CloudWatchClient;

beforeAll(async () => {
	sim = await startSim({world: testWorld(), clock: {now: () => baseTime + 10 * minute}});
	client = new CloudWatchClient(sdkConfig(sim.url));
});

afterAll(async () => {
	await sim.close();
});

function statQuery(stat: string, period = 60): GetMetricDataCommandInput {
	return {
		StartTime: at(-10),
		EndTime: at(10),
		MetricDataQueries: [{Id: 'q', MetricStat: {Metric: nlbMetric, Period: period, Stat: stat}}],
	};
}

async function series(input: GetMetricDataCommandInput) {
	const output = await client.send(new GetMetricDataCommand(input));
	return (output.MetricDataResults ?? []).map((result) => ({
		id: result.Id,
		label: result.Label,
		points: (result.Timestamps ?? []).map((timestamp, index) => [
			timestamp.toISOString(),
			result.Values?.[index],
		]),
	}));
}

describe('CloudWatch GetMetricData (AWS JSON 1.0, the SDK default)', () => {
	// The world holds 10 at 12:00, 20 and 40 at 12:01, 5 at 12:03.
	it.each([
		['Sum', [5, 60, 10]],
		['Average', [5, 30, 10]],
		['Minimum', [5, 20, 10]],
		['Maximum', [5, 40, 10]],
		['SampleCount', [1, 2, 1]],
		['p50', [5, 20, 10]],
		['p99', [5, 40, 10]],
	])('computes %s per period, newest first, only periods with data', async (stat, values) => {
		const [result] = await series(statQuery(stat));
		expect(result?.points).toEqual([
			['2024-05-01T12:03:00.000Z', values[0]],
			['2024-05-01T12:01:00.000Z', values[1]],
			['2024-05-01T12:00:00.000Z', values[2]],
		]);
		expect(result?.label).toBe('ActiveFlowCount');
	});

	it('groups by longer periods and scans oldest first when asked', async () => {
		const [result] = await series({...statQuery('Sum', 120), ScanBy: 'TimestampAscending'});
		expect(result?.points).toEqual([
			['2024-05-01T12:00:00.000Z', 70],
			['2024-05-01T12:02:00.000Z', 5],
		]);
	});

	it('includes StartTime and excludes EndTime', async () => {
		const [result] = await series({...statQuery('Sum'), StartTime: at(1), EndTime: at(3)});
		expect(result?.points).toEqual([['2024-05-01T12:01:00.000Z', 60]]);
	});

	it('matches the exact dimension set, keeps labels and leaves out ReturnData=false', async () => {
		const results = await series({
			StartTime: at(-10),
			EndTime: at(10),
			MetricDataQueries: [
				{Id: 'all', Label: 'flows', MetricStat: {Metric: nlbMetric, Period: 60, Stat: 'Sum'}},
				{Id: 'none', MetricStat: {Metric: {...nlbMetric, Dimensions: []}, Period: 60, Stat: 'Sum'}},
				{Id: 'hidden', ReturnData: false, MetricStat: {Metric: nlbMetric, Period: 60, Stat: 'Sum'}},
			],
		});
		expect(results.map((result) => [result.id, result.label, result.points.length])).toEqual([
			['all', 'flows', 3],
			['none', 'ActiveFlowCount', 0],
		]);
	});

	it('refuses metric math with a clear ValidationException', async () => {
		const failure = client.send(
			new GetMetricDataCommand({
				StartTime: at(-10),
				EndTime: at(10),
				MetricDataQueries: [{Id: 'total', Expression: 'SUM(METRICS())'}],
			}),
		);
		await expect(failure).rejects.toBeInstanceOf(ValidationException);
		await expect(failure).rejects.toMatchObject({
			message: expect.stringContaining('Metric math is not supported'),
			Error: {Code: 'ValidationError', Type: 'Sender'},
		});
	});

	it('refuses metric math to the AWS CLI (awsQuery) with exit code 254', async () => {
		const result = await runAwsCli(sim.url, [
			'cloudwatch',
			'get-metric-data',
			'--start-time',
			at(0).toISOString(),
			'--end-time',
			at(10).toISOString(),
			'--metric-data-queries',
			JSON.stringify([{Id: 'total', Expression: 'SUM(METRICS())'}]),
		]);
		expect(result.exitCode).toBe(254);
		expect(result.stderr).toContain(
			'An error occurred (ValidationError) when calling the GetMetricData operation',
		);
		expect(result.stderr).toContain('Metric math is not supported');
	});

	it('sends query-compatible JSON errors: shape name in __type, query code in x-amzn-query-error', async () => {
		const response = await postJson(
			sim.url,
			'GraniteServiceVersion20100801.GetMetricData',
			JSON.stringify({StartTime: 0, EndTime: 60, MetricDataQueries: [{Id: 'e', Expression: '1'}]}),
			signedFor('monitoring'),
		);
		expect(response.status).toBe(400);
		expect(response.headers.get('x-amzn-query-error')).toBe('ValidationError;Sender');
		expect(JSON.parse(response.body)).toMatchObject({__type: 'ValidationException'});
	});

	it('rejects statistics it cannot compute and reversed time ranges', async () => {
		await expect(client.send(new GetMetricDataCommand(statQuery('tm90')))).rejects.toBeInstanceOf(
			InvalidParameterValueException,
		);
		await expect(
			client.send(
				new GetMetricDataCommand({...statQuery('Sum'), StartTime: at(5), EndTime: at(5)}),
			),
		).rejects.toBeInstanceOf(InvalidParameterValueException);
	});
});

describe('CloudWatch PutMetricData then GetMetricData', () => {
	const custom = {Namespace: 'Test/RoundTrip', Dimensions: [{Name: 'Lane', Value: 'a'}]};

	function customQuery(metricName: string, stat: string): GetMetricDataCommandInput {
		return {
			StartTime: at(0),
			EndTime: at(10),
			MetricDataQueries: [
				{
					Id: 'q',
					MetricStat: {Metric: {...custom, MetricName: metricName}, Period: 300, Stat: stat},
				},
			],
		};
	}

	it('reads back Value, Values with Counts, and StatisticValues', async () => {
		await client.send(
			new PutMetricDataCommand({
				Namespace: custom.Namespace,
				MetricData: [
					{
						MetricName: 'Single',
						Dimensions: custom.Dimensions,
						Timestamp: at(1),
						Value: 7,
						Unit: 'Count',
					},
					{
						MetricName: 'Weighted',
						Dimensions: custom.Dimensions,
						Timestamp: at(1),
						Values: [1, 2, 3],
						Counts: [1, 1, 2],
					},
					{
						MetricName: 'Summary',
						Dimensions: custom.Dimensions,
						Timestamp: at(2),
						StatisticValues: {SampleCount: 10, Sum: 100, Minimum: 2, Maximum: 30},
					},
				],
			}),
		);
		const read = async (metricName: string, stat: string) =>
			(await series(customQuery(metricName, stat)))[0]?.points;
		expect(await read('Single', 'Sum')).toEqual([['2024-05-01T12:00:00.000Z', 7]]);
		expect(await read('Weighted', 'Sum')).toEqual([['2024-05-01T12:00:00.000Z', 9]]);
		expect(await read('Weighted', 'SampleCount')).toEqual([['2024-05-01T12:00:00.000Z', 4]]);
		expect(await read('Weighted', 'Average')).toEqual([['2024-05-01T12:00:00.000Z', 2.25]]);
		expect(await read('Weighted', 'p50')).toEqual([['2024-05-01T12:00:00.000Z', 2]]);
		expect(await read('Summary', 'Average')).toEqual([['2024-05-01T12:00:00.000Z', 10]]);
		expect(await read('Summary', 'Minimum')).toEqual([['2024-05-01T12:00:00.000Z', 2]]);
		expect(await read('Summary', 'Maximum')).toEqual([['2024-05-01T12:00:00.000Z', 30]]);
		expect(await read('Summary', 'SampleCount')).toEqual([['2024-05-01T12:00:00.000Z', 10]]);
	});

	it('stamps data without a Timestamp with the sim clock', async () => {
		await client.send(
			new PutMetricDataCommand({
				Namespace: 'Test/Clock',
				MetricData: [{MetricName: 'Now', Value: 1}],
			}),
		);
		const [result] = await series({
			StartTime: at(0),
			EndTime: at(20),
			MetricDataQueries: [
				{
					Id: 'q',
					MetricStat: {
						Metric: {Namespace: 'Test/Clock', MetricName: 'Now'},
						Period: 60,
						Stat: 'Sum',
					},
				},
			],
		});
		expect(result?.points).toEqual([['2024-05-01T12:10:00.000Z', 1]]);
	});

	it('rejects Value together with Values', async () => {
		await expect(
			client.send(
				new PutMetricDataCommand({
					Namespace: 'Test/Bad',
					MetricData: [{MetricName: 'x', Value: 1, Values: [2]}],
				}),
			),
		).rejects.toBeInstanceOf(InvalidParameterCombinationException);
	});

	it('gives the AWS CLI (awsQuery) the values the SDK wrote, and the SDK the values the CLI wrote', async () => {
		await awsJson(sim.url, [
			'cloudwatch',
			'put-metric-data',
			'--namespace',
			custom.Namespace,
			'--metric-data',
			JSON.stringify([
				{
					MetricName: 'FromCli',
					Dimensions: custom.Dimensions,
					Timestamp: at(6).toISOString(),
					Values: [4, 6],
					Counts: [1, 3],
					Unit: 'Bytes',
				},
			]),
		]);
		expect((await series(customQuery('FromCli', 'Sum')))[0]?.points).toEqual([
			['2024-05-01T12:05:00.000Z', 22],
		]);
		const queries = JSON.stringify([
			{
				Id: 'fromcli',
				MetricStat: {Metric: {...custom, MetricName: 'FromCli'}, Period: 300, Stat: 'Maximum'},
			},
			{
				Id: 'weighted',
				MetricStat: {Metric: {...custom, MetricName: 'Weighted'}, Period: 300, Stat: 'Sum'},
			},
		]);
		const output = await awsJson(sim.url, [
			'cloudwatch',
			'get-metric-data',
			'--start-time',
			at(0).toISOString(),
			'--end-time',
			at(10).toISOString(),
			'--metric-data-queries',
			queries,
		]);
		expect(output).toMatchObject({
			MetricDataResults: [
				{
					Id: 'fromcli',
					Timestamps: ['2024-05-01T12:05:00+00:00'],
					Values: [6],
					StatusCode: 'Complete',
				},
				{
					Id: 'weighted',
					Timestamps: ['2024-05-01T12:00:00+00:00'],
					Values: [9],
					StatusCode: 'Complete',
				},
			],
		});
	});
});

describe('CloudWatch GetMetricStatistics', () => {
	it('returns the asked-for statistics per period with the unit', async () => {
		const output = await client.send(
			new GetMetricStatisticsCommand({
				...nlbMetric,
				StartTime: at(0),
				EndTime: at(2),
				Period: 60,
				Statistics: ['Sum', 'Maximum'],
				ExtendedStatistics: ['p99'],
			}),
		);
		expect(output.Label).toBe('ActiveFlowCount');
		expect(output.Datapoints).toEqual([
			{Timestamp: at(0), Sum: 10, Maximum: 10, Unit: 'Count', ExtendedStatistics: {p99: 10}},
			{Timestamp: at(1), Sum: 60, Maximum: 40, Unit: 'Count', ExtendedStatistics: {p99: 40}},
		]);
	});

	it('needs a statistic and at most 1,440 datapoints', async () => {
		const base = {...nlbMetric, StartTime: at(0), EndTime: at(2), Period: 60};
		await expect(client.send(new GetMetricStatisticsCommand(base))).rejects.toBeInstanceOf(
			InvalidParameterCombinationException,
		);
		await expect(
			client.send(
				new GetMetricStatisticsCommand({...base, EndTime: at(1441), Statistics: ['Sum']}),
			),
		).rejects.toMatchObject({message: expect.stringContaining('exceeds the limit of 1,440')});
	});

	it('serves the AWS CLI', async () => {
		const output = await awsJson(sim.url, [
			'cloudwatch',
			'get-metric-statistics',
			'--namespace',
			'AWS/NetworkELB',
			'--metric-name',
			'ActiveFlowCount',
			'--dimensions',
			`Name=LoadBalancer,Value=${nlbDimension}`,
			'--start-time',
			at(0).toISOString(),
			'--end-time',
			at(5).toISOString(),
			'--period',
			'300',
			'--statistics',
			'Average',
			'SampleCount',
		]);
		expect(output).toEqual({
			Label: 'ActiveFlowCount',
			Datapoints: [
				{Timestamp: '2024-05-01T12:00:00+00:00', Average: 18.75, SampleCount: 4, Unit: 'Count'},
			],
		});
	});
});

describe('CloudWatch ListMetrics', () => {
	it('lists distinct metrics filtered by namespace and dimension', async () => {
		const output = await client.send(
			new ListMetricsCommand({Namespace: 'AWS/NetworkELB', Dimensions: [{Name: 'LoadBalancer'}]}),
		);
		expect(output.Metrics).toEqual([nlbMetric]);
	});

	it('keeps only metrics with data in the last three hours when RecentlyActive is PT3H', async () => {
		await client.send(
			new PutMetricDataCommand({
				Namespace: 'Test/Recent',
				MetricData: [
					{MetricName: 'Fresh', Timestamp: at(5), Value: 1},
					{MetricName: 'Stale', Timestamp: at(-240), Value: 1},
				],
			}),
		);
		const all = await client.send(new ListMetricsCommand({Namespace: 'Test/Recent'}));
		expect(all.Metrics?.map((metric) => metric.MetricName)).toEqual(['Fresh', 'Stale']);
		const recent = await client.send(
			new ListMetricsCommand({Namespace: 'Test/Recent', RecentlyActive: 'PT3H'}),
		);
		expect(recent.Metrics?.map((metric) => metric.MetricName)).toEqual(['Fresh']);
	});

	it('serves the AWS CLI', async () => {
		const output = await awsJson(sim.url, [
			'cloudwatch',
			'list-metrics',
			'--namespace',
			'AWS/NetworkELB',
		]);
		expect(output).toEqual({Metrics: [nlbMetric]});
	});
});
