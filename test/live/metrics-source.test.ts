import type {GetMetricDataCommandInput} from '@aws-sdk/client-cloudwatch';
import {afterAll, afterEach, beforeAll, describe, expect, it} from 'vitest';
import {AwsClients} from '../../source/aws/clients.js';
import type {MetricSeries, Snapshot} from '../../source/domain/snapshot.js';
import {Engine} from '../../source/live/engine.js';
import {createMetricsSource, metricsSource} from '../../source/live/metrics-source.js';
import {realTimers} from '../../source/live/poller.js';
import type {LiveSource, SourceEnvironment, SourceFactory} from '../../source/live/source.js';
import type {SnapshotStore} from '../../source/live/store.js';
import {type RunningSim, startSim} from '../../source/sim/server.js';
import type {World} from '../../source/sim/world/types.js';
import {
	apiGroupDimension,
	metricsTopology,
	targetGroup,
} from '../domain/metrics/topology-fixture.js';
import {runAwsCli} from '../sim/server/aws-cli.js';
import {
	at,
	datum,
	lbDimension,
	metricsConfig,
	metricsWorld,
	minute,
	now,
	storeWith,
	storeWithoutTopology,
	webGroupDimension,
} from './metrics-world.js';

const credentials = {accessKeyId: 'test', secretAccessKey: 'test'};

let world: World;
let sim: RunningSim;

beforeAll(async () => {
	world = metricsWorld();
	sim = await startSim({world, clock: {now: () => now}});
});

afterAll(async () => {
	await sim.close();
});

type Harness = {
	readonly source: LiveSource;
	readonly store: SnapshotStore;
	readonly requests: GetMetricDataCommandInput[];
	readonly operations: string[];
	setNow(time: number): void;
	/** What `t` does: the next run reads the new window. */
	setWindow(windowMs: number): void;
	metrics(): Snapshot['metrics'];
};

const opened: AwsClients[] = [];

afterEach(async () => {
	sim.faults.clear();
	world.metrics = metricsWorld().metrics;
	await Promise.all(opened.splice(0).map((clients) => clients.destroy()));
});

async function harness(
	factory: SourceFactory = metricsSource,
	store = storeWith(),
	url = sim.url,
): Promise<Harness> {
	const clients = new AwsClients({
		endpointUrl: url,
		region: 'us-east-1',
		credentials,
		maxAttempts: 1,
	});
	opened.push(clients);
	const requests: GetMetricDataCommandInput[] = [];
	const operations: string[] = [];
	const cloudwatch = await clients.cloudwatch();
	cloudwatch.middlewareStack.add(
		(next, context) => async (args) => {
			operations.push(context.commandName ?? 'unknown');
			if (context.commandName === 'GetMetricDataCommand') {
				requests.push(args.input as GetMetricDataCommandInput);
			}
			return next(args);
		},
		{step: 'initialize', name: 'recordCloudWatchRequests'},
	);
	let clock = now;
	let config = metricsConfig;
	const environment: SourceEnvironment = {
		clients,
		get config() {
			return config;
		},
		store,
		now: () => clock,
		callContext: (iamAction) => ({iamAction, now: clock}),
		refresh: () => undefined,
	};
	return {
		source: factory(environment),
		store,
		requests,
		operations,
		setNow: (time) => {
			clock = time;
		},
		setWindow: (windowMs) => {
			config = {...config, windowMs};
		},
		metrics: () => store.getSnapshot().metrics,
	};
}

const run = (subject: Harness) => subject.source.run(new AbortController().signal);

function pointsOf(series: readonly MetricSeries[] | undefined, id: string) {
	const found = series?.find((entry) => entry.id === id);
	if (found === undefined) {
		throw new Error(`no series ${id}`);
	}
	return found.points.map((point) => [new Date(point.t).toISOString().slice(11, 16), point.v]);
}

describe('metrics source against the sim', () => {
	it('puts the values CloudWatch holds into the snapshot, gaps kept as gaps', async () => {
		const subject = await harness();
		await run(subject);
		const series = subject.metrics()?.series;
		expect(pointsOf(series, 'NewFlowCount.Sum')).toEqual([
			['13:30', 12],
			['13:31', 12],
			['13:33', 4],
			['13:40', 9],
			['13:41', 3],
		]);
		expect(pointsOf(series, 'ActiveFlowCount.Average')).toEqual([['13:33', 20]]);
		expect(pointsOf(series, 'ActiveFlowCount.Maximum')).toEqual([['13:33', 30]]);
		expect(pointsOf(series, 'ProcessedBytes.Sum')).toEqual([['13:33', 123_456]]);
		expect(pointsOf(series, 'UnHealthyHostCount.Minimum.tg/web')).toEqual([
			['13:40', 0],
			['13:41', 1],
		]);
		expect(pointsOf(series, 'UnHealthyHostCount.Minimum.tg/web.az/us-east-1b')).toEqual([
			['13:41', 1],
		]);
		expect(pointsOf(series, 'NewFlowCount.Sum.az/us-east-1b')).toEqual([['13:40', 3]]);
		expect(pointsOf(series, 'TCP_Target_Reset_Count.Sum')).toEqual([]);
		expect(series?.find((entry) => entry.id === 'ProcessedBytes.Sum')).toMatchObject({
			namespace: 'AWS/NetworkELB',
			unit: 'bytes',
			periodSeconds: 60,
			dimensions: {LoadBalancer: lbDimension},
		});
	});

	it('reads the whole window once, in one call, then only the recent periods', async () => {
		const subject = await harness();
		await run(subject);
		expect(subject.requests).toHaveLength(1);
		expect(subject.requests[0]).toMatchObject({
			StartTime: new Date(at(13, 27)),
			EndTime: new Date(at(13, 42)),
		});
		expect(subject.requests[0]?.MetricDataQueries).toHaveLength(17);

		// A minute later: 13:41 grew with late data, 13:42 was published.
		world.metrics.push(
			datum('NewFlowCount', {LoadBalancer: lbDimension}, at(13, 41) + 30_000, [4]),
			datum('NewFlowCount', {LoadBalancer: lbDimension}, at(13, 42), [8]),
		);
		subject.setNow(now + minute);
		await run(subject);
		expect(subject.requests).toHaveLength(2);
		expect(subject.requests[1]).toMatchObject({
			StartTime: new Date(at(13, 38)),
			EndTime: new Date(at(13, 43)),
		});
		expect(pointsOf(subject.metrics()?.series, 'NewFlowCount.Sum')).toEqual([
			['13:30', 12],
			['13:31', 12],
			['13:33', 4],
			['13:40', 9],
			['13:41', 7],
			['13:42', 8],
		]);
		expect(subject.metrics()?.dataThrough).toBe(at(13, 43));
	});

	it('drops what leaves the window', async () => {
		const subject = await harness();
		await run(subject);
		subject.setNow(now + 5 * minute);
		await run(subject);
		expect(pointsOf(subject.metrics()?.series, 'NewFlowCount.Sum')).toEqual([
			['13:33', 4],
			['13:40', 9],
			['13:41', 3],
		]);
	});

	it('reads the time a longer window newly covers, and says what it covers until then', async () => {
		const subject = await harness();
		await run(subject);
		expect(subject.metrics()?.coveredFrom).toBe(at(13, 27));

		// `t` to an hour a minute later: 12:43 to 13:27 has never been read.
		subject.setWindow(60 * minute);
		subject.setNow(now + minute);
		await run(subject);
		expect(subject.requests[1]).toMatchObject({
			StartTime: new Date(at(12, 43)),
			EndTime: new Date(at(13, 43)),
		});
		expect(pointsOf(subject.metrics()?.series, 'NewFlowCount.Sum')[0]).toEqual(['13:00', 77]);
		expect(subject.metrics()?.coveredFrom).toBe(at(12, 43));

		// Back to five minutes and up to fifteen again: what the short window dropped is read again.
		subject.setWindow(5 * minute);
		subject.setNow(now + 2 * minute);
		await run(subject);
		expect(subject.metrics()?.coveredFrom).toBe(at(13, 39));
		subject.setWindow(15 * minute);
		subject.setNow(now + 3 * minute);
		await run(subject);
		expect(subject.requests[3]?.StartTime).toEqual(new Date(at(13, 30)));
		expect(subject.metrics()?.coveredFrom).toBe(at(13, 30));
	});

	it('reports data through the end of the newest period with data', async () => {
		const subject = await harness();
		await run(subject);
		expect(subject.metrics()?.dataThrough).toBe(at(13, 42));
		expect(subject.store.getSnapshot().sources.metrics).toEqual({
			status: 'ok',
			fetchedAt: now,
			dataThrough: at(13, 42),
		});
	});

	it('keeps only the alarms about this load balancer and its target groups, ALARM first', async () => {
		const subject = await harness();
		await run(subject);
		expect(
			subject.metrics()?.alarms.map((alarm) => [alarm.name, alarm.state, alarm.since]),
		).toEqual([
			['demo-nlb-web-unhealthy', 'ALARM', at(13, 35)],
			['web-group-only', 'INSUFFICIENT_DATA', at(13, 35)],
			['demo-nlb-resets', 'OK', at(13, 20)],
		]);
		expect(subject.metrics()?.alarms[0]).toMatchObject({
			reason: 'Threshold evaluated: ALARM',
			metricName: 'UnHealthyHostCount',
			dimensions: {LoadBalancer: lbDimension, TargetGroup: webGroupDimension},
		});
	});

	it('re-reads alarms about once a minute, not on every refresh', async () => {
		const subject = await harness(createMetricsSource({alarmIntervalMs: 5 * minute}));
		await run(subject);
		subject.setNow(now + minute);
		await run(subject);
		subject.setNow(now + 5 * minute);
		await run(subject);
		// Two reads of two pages each: the world holds 123 alarms.
		expect(subject.operations.filter((name) => name === 'DescribeAlarmsCommand')).toHaveLength(4);
		expect(subject.operations.filter((name) => name === 'GetMetricDataCommand')).toHaveLength(3);
	});

	it('leaves the per-AZ series out when the breakdown is off', async () => {
		const subject = await harness(createMetricsSource({breakdown: false}));
		await run(subject);
		const series = subject.metrics()?.series ?? [];
		expect(series.filter((entry) => entry.dimensions.AvailabilityZone !== undefined)).toEqual([]);
		expect(series.map((entry) => entry.id)).toContain('UnHealthyHostCount.Minimum.tg/web');
	});

	it('reads everything again when the topology gains a target group', async () => {
		const subject = await harness();
		await run(subject);
		world.metrics.push(
			datum(
				'UnHealthyHostCount',
				{LoadBalancer: lbDimension, TargetGroup: apiGroupDimension},
				at(13, 30),
				[2],
			),
		);
		subject.store.update((snapshot) => ({
			...snapshot,
			topology: metricsTopology({
				targetGroups: [targetGroup(webGroupDimension), targetGroup(apiGroupDimension)],
			}),
		}));
		subject.setNow(now + minute);
		await run(subject);
		expect(subject.requests[1]?.StartTime).toEqual(new Date(at(13, 28)));
		expect(pointsOf(subject.metrics()?.series, 'UnHealthyHostCount.Minimum.tg/api')).toEqual([
			['13:30', 2],
		]);
	});

	it('waits for discovery: without a topology it asks CloudWatch nothing', async () => {
		const subject = await harness(metricsSource, storeWithoutTopology());
		await run(subject);
		expect(subject.operations).toEqual([]);
		expect(subject.store.getSnapshot().sources.metrics.status).toBe('pending');
	});

	it('refreshes ten seconds after each minute boundary, not sooner than the refresh setting', async () => {
		const subject = await harness();
		const delay = () => {
			const {intervalMs} = subject.source;
			return typeof intervalMs === 'function' ? intervalMs() : intervalMs;
		};
		expect(delay()).toBe(minute);
		subject.setNow(at(13, 42) + 30_000);
		expect(delay()).toBe(40_000);
	});
});

describe('metrics source failures, through the engine', () => {
	function engine(store: SnapshotStore) {
		return new Engine({
			config: metricsConfig,
			store,
			aws: {endpointUrl: sim.url, region: 'us-east-1', credentials, maxAttempts: 1},
			sources: [metricsSource],
			timers: {...realTimers, now: () => now},
		});
	}

	it('reports a denied GetMetricData with the IAM action to grant', async () => {
		sim.faults.set({rules: {'cloudwatch:GetMetricData': {accessDenied: true}}});
		const store = storeWith();
		const subject = engine(store);
		await subject.snapshotOnce();
		await subject.stop();
		expect(store.getSnapshot().sources.metrics).toMatchObject({
			status: 'error',
			error: {kind: 'access-denied', iamAction: 'cloudwatch:GetMetricData'},
		});
		expect(store.getSnapshot().metrics).toBeUndefined();
	});

	it('keeps the series on screen when only the alarms are denied, and says so', async () => {
		sim.faults.set({rules: {'cloudwatch:DescribeAlarms': {accessDenied: true}}});
		const store = storeWith();
		const subject = engine(store);
		await subject.snapshotOnce();
		await subject.stop();
		expect(store.getSnapshot().sources.metrics).toMatchObject({
			status: 'stale',
			error: {kind: 'access-denied', iamAction: 'cloudwatch:DescribeAlarms'},
		});
		expect(pointsOf(store.getSnapshot().metrics?.series, 'NewFlowCount.Sum')).toHaveLength(5);
		expect(store.getSnapshot().metrics?.alarms).toEqual([]);
	});
});

describe('metrics source with data loaded by the AWS CLI', () => {
	it('returns the values `aws cloudwatch put-metric-data` put in', async () => {
		const empty = metricsWorld();
		empty.metrics = [];
		const cliSim = await startSim({world: empty, clock: {now: () => now}});
		try {
			const put = (args: readonly string[]) =>
				runAwsCli(cliSim.url, [
					'cloudwatch',
					'put-metric-data',
					'--namespace',
					'AWS/NetworkELB',
					...args,
				]);
			const results = await Promise.all([
				put([
					'--metric-name',
					'NewFlowCount',
					'--dimensions',
					`LoadBalancer=${lbDimension}`,
					'--timestamp',
					'2025-03-14T13:38:00Z',
					'--value',
					'42',
					'--unit',
					'Count',
				]),
				put([
					'--metric-data',
					JSON.stringify([
						{
							MetricName: 'UnHealthyHostCount',
							Dimensions: [
								{Name: 'LoadBalancer', Value: lbDimension},
								{Name: 'TargetGroup', Value: webGroupDimension},
							],
							Timestamp: '2025-03-14T13:40:20Z',
							Values: [2, 1, 3],
						},
					]),
				]),
			]);
			expect(results.map((result) => [result.exitCode, result.stderr])).toEqual([
				[0, ''],
				[0, ''],
			]);

			const subject = await harness(metricsSource, storeWith(), cliSim.url);
			await run(subject);
			const series = subject.metrics()?.series;
			expect(pointsOf(series, 'NewFlowCount.Sum')).toEqual([['13:38', 42]]);
			expect(pointsOf(series, 'UnHealthyHostCount.Minimum.tg/web')).toEqual([['13:40', 1]]);
		} finally {
			await cliSim.close();
		}
	});
});
