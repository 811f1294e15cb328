import {afterAll, afterEach, beforeAll, describe, expect, it} from 'vitest';
import {describeAllAlarms} from '../../source/aws/alarms.js';
import {AwsClients} from '../../source/aws/clients.js';
import {AwsCallError, describeAwsError} from '../../source/aws/errors.js';
import {getMetricData} from '../../source/aws/metrics.js';
import {buildMetricSpecs, type MetricSpec} from '../../source/domain/metrics/metric-specs.js';
import {type RunningSim, startSim} from '../../source/sim/server.js';
import {metricsTopology} from '../domain/metrics/topology-fixture.js';
import {at, metricsWorld, now} from '../live/metrics-world.js';

let sim: RunningSim;
let clients: AwsClients;

beforeAll(async () => {
	sim = await startSim({world: metricsWorld(), clock: {now: () => now}});
	clients = new AwsClients({
		endpointUrl: sim.url,
		region: 'us-east-1',
		credentials: {accessKeyId: 'test', secretAccessKey: 'test'},
		maxAttempts: 1,
	});
});

afterEach(() => {
	sim.faults.clear();
});

afterAll(async () => {
	await clients.destroy();
	await sim.close();
});

const specs = buildMetricSpecs(metricsTopology());
function spec(seriesId: string): MetricSpec {
	const found = specs.find((entry) => entry.seriesId === seriesId);
	if (found === undefined) {
		throw new Error(`no spec ${seriesId}`);
	}
	return found;
}

async function read(seriesIds: readonly string[], start = at(13, 27), end = at(13, 42)) {
	const asked = seriesIds.map(spec);
	const fetched = await getMetricData(clients, {specs: asked, range: {start, end}});
	return asked.map((entry) => {
		const answers = fetched.filter((answer) => answer.queryId === entry.queryId);
		return [
			entry.seriesId,
			answers.flatMap((answer) =>
				answer.timestamps.map((time, index) => [
					new Date(time).toISOString().slice(11, 16),
					answer.values[index],
				]),
			),
		];
	});
}

describe('getMetricData against the sim', () => {
	it('returns each series with the statistic asked for, only periods with data', async () => {
		expect(
			await read([
				'NewFlowCount.Sum',
				'ActiveFlowCount.Average',
				'ActiveFlowCount.Maximum',
				'ProcessedBytes.Sum',
				'UnHealthyHostCount.Minimum.tg/web',
				'HealthyHostCount.Maximum.tg/web',
				'NewFlowCount.Sum.az/us-east-1a',
				'TCP_ELB_Reset_Count.Sum',
			]),
		).toEqual([
			[
				'NewFlowCount.Sum',
				[
					['13:30', 12],
					['13:31', 12],
					['13:33', 4],
					['13:40', 9],
					['13:41', 3],
				],
			],
			['ActiveFlowCount.Average', [['13:33', 20]]],
			['ActiveFlowCount.Maximum', [['13:33', 30]]],
			['ProcessedBytes.Sum', [['13:33', 123_456]]],
			[
				'UnHealthyHostCount.Minimum.tg/web',
				[
					['13:40', 0],
					['13:41', 1],
				],
			],
			['HealthyHostCount.Maximum.tg/web', [['13:41', 2]]],
			['NewFlowCount.Sum.az/us-east-1a', [['13:40', 6]]],
			['TCP_ELB_Reset_Count.Sum', []],
		]);
	});

	it('reads only the time range asked for', async () => {
		expect(await read(['NewFlowCount.Sum'], at(13, 38), at(13, 41))).toEqual([
			['NewFlowCount.Sum', [['13:40', 9]]],
		]);
	});

	it('sends every series of a refresh in one call', async () => {
		const fetched = await getMetricData(clients, {
			specs,
			range: {start: at(13, 27), end: at(13, 42)},
		});
		expect(new Set(fetched.map((answer) => answer.queryId))).toEqual(
			new Set(specs.map((entry) => entry.queryId)),
		);
	});

	it('asks for nothing when there is nothing to ask', async () => {
		sim.faults.set({rules: {'cloudwatch:GetMetricData': {accessDenied: true}}});
		await expect(
			getMetricData(clients, {specs: [], range: {start: at(13, 27), end: at(13, 42)}}),
		).resolves.toEqual([]);
	});

	it('names cloudwatch:GetMetricData when it is denied', async () => {
		sim.faults.set({rules: {'cloudwatch:GetMetricData': {accessDenied: true}}});
		const failure = await getMetricData(clients, {
			specs,
			range: {start: at(13, 27), end: at(13, 42)},
		}).catch((error: unknown) => error);
		expect(failure).toBeInstanceOf(AwsCallError);
		const error = failure as AwsCallError;
		expect(error.iamAction).toBe('cloudwatch:GetMetricData');
		expect(describeAwsError(error.cause, {iamAction: error.iamAction, now})).toMatchObject({
			kind: 'access-denied',
			iamAction: 'cloudwatch:GetMetricData',
			message: expect.stringContaining('cloudwatch:GetMetricData was denied'),
		});
	});
});

describe('describeAllAlarms against the sim', () => {
	it('reads every page of the region’s alarms', async () => {
		const alarms = await describeAllAlarms(clients);
		expect(alarms).toHaveLength(123);
		expect(alarms.at(-1)).toEqual({
			name: 'web-group-only',
			state: 'INSUFFICIENT_DATA',
			reason: 'Threshold evaluated: INSUFFICIENT_DATA',
			stateUpdatedAt: at(13, 35),
			metric: {
				namespace: 'AWS/NetworkELB',
				metricName: 'UnHealthyHostCount',
				dimensions: [{name: 'TargetGroup', value: 'targetgroup/web/73e2d6bc24d8a067'}],
			},
			mathMetrics: [],
		});
	});

	it('names cloudwatch:DescribeAlarms when it is denied', async () => {
		sim.faults.set({rules: {'cloudwatch:DescribeAlarms': {accessDenied: true}}});
		await expect(describeAllAlarms(clients)).rejects.toMatchObject({
			name: 'AwsCallError',
			iamAction: 'cloudwatch:DescribeAlarms',
		});
	});
});
