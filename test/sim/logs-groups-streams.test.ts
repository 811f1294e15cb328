import {describe, expect, it} from 'vitest';
import {createLogsService} from '../../source/sim/services/logs/index.js';
import {
	asList,
	asObject,
	call,
	emptyWorld,
	event,
	group,
	t0,
	testContext,
} from './logs-test-world.js';

function setup() {
	const world = emptyWorld({
		logGroups: [
			group('/vpc/flow-logs', {
				'eni-0bbb-all': [event(t0 - 120_000, 'b1', 10_000), event(t0 - 60_000, 'b2', 10_000)],
				'eni-0aaa-all': [event(t0 - 300_000, 'a1', 1000), event(t0 - 1000, 'late', 600_000)],
			}),
			group('/aws/lambda/other', {}),
			group('/vpc/second', {}),
		],
	});
	return {world, context: testContext(world), logs: createLogsService()};
}

describe('DescribeLogGroups', () => {
	it('lists groups by name with their ARNs, filtered by prefix', async () => {
		const {context, logs} = setup();
		const all = asObject(await call(logs, 'DescribeLogGroups', {}, context));
		expect(asList(all.logGroups).map((entry) => asObject(entry).logGroupName)).toEqual([
			'/aws/lambda/other',
			'/vpc/flow-logs',
			'/vpc/second',
		]);
		const vpc = asObject(
			await call(logs, 'DescribeLogGroups', {logGroupNamePrefix: '/vpc/f'}, context),
		);
		expect(asList(vpc.logGroups)).toEqual([
			expect.objectContaining({
				logGroupName: '/vpc/flow-logs',
				arn: 'arn:aws:logs:us-east-1:123456789012:log-group:/vpc/flow-logs:*',
				logGroupArn: 'arn:aws:logs:us-east-1:123456789012:log-group:/vpc/flow-logs',
			}),
		]);
	});

	it('pages with limit and nextToken', async () => {
		const {context, logs} = setup();
		const first = asObject(await call(logs, 'DescribeLogGroups', {limit: 2}, context));
		expect(asList(first.logGroups)).toHaveLength(2);
		expect(typeof first.nextToken).toBe('string');
		const second = asObject(
			await call(
				logs,
				'DescribeLogGroups',
				{limit: 2, nextToken: first.nextToken ?? null},
				context,
			),
		);
		expect(asList(second.logGroups).map((entry) => asObject(entry).logGroupName)).toEqual([
			'/vpc/second',
		]);
		expect(second.nextToken).toBeUndefined();
	});

	it('rejects a limit above 50', async () => {
		const {context, logs} = setup();
		await expect(call(logs, 'DescribeLogGroups', {limit: 51}, context)).rejects.toMatchObject({
			code: 'InvalidParameterException',
		});
	});
});

describe('CreateLogGroup and CreateLogStream', () => {
	it('creates a group and a stream, and refuses duplicates', async () => {
		const {world, context, logs} = setup();
		await call(logs, 'CreateLogGroup', {logGroupName: '/new'}, context);
		expect(world.logGroups.map((entry) => entry.logGroupName)).toContain('/new');
		await expect(
			call(logs, 'CreateLogGroup', {logGroupName: '/new'}, context),
		).rejects.toMatchObject({code: 'ResourceAlreadyExistsException'});
		await call(logs, 'CreateLogStream', {logGroupName: '/new', logStreamName: 's'}, context);
		await expect(
			call(logs, 'CreateLogStream', {logGroupName: '/new', logStreamName: 's'}, context),
		).rejects.toMatchObject({code: 'ResourceAlreadyExistsException'});
		await expect(
			call(logs, 'CreateLogStream', {logGroupName: '/missing', logStreamName: 's'}, context),
		).rejects.toMatchObject({code: 'ResourceNotFoundException'});
	});

	it('rejects names AWS would reject', async () => {
		const {context, logs} = setup();
		await expect(
			call(logs, 'CreateLogGroup', {logGroupName: 'bad name'}, context),
		).rejects.toMatchObject({code: 'InvalidParameterException'});
		await expect(call(logs, 'CreateLogGroup', {}, context)).rejects.toMatchObject({
			code: 'InvalidParameterException',
		});
		await expect(
			call(logs, 'CreateLogStream', {logGroupName: '/vpc/second', logStreamName: 'a:b'}, context),
		).rejects.toMatchObject({code: 'InvalidParameterException'});
	});
});

describe('DescribeLogStreams', () => {
	it('reports only ingested events in the stream statistics', async () => {
		const {context, logs} = setup();
		const result = asObject(
			await call(logs, 'DescribeLogStreams', {logGroupName: '/vpc/flow-logs'}, context),
		);
		expect(asList(result.logStreams)).toEqual([
			expect.objectContaining({
				logStreamName: 'eni-0aaa-all',
				firstEventTimestamp: t0 - 300_000,
				// 'late' happened at t0 - 1 s but is ingested only at t0 + 599 s.
				lastEventTimestamp: t0 - 300_000,
				lastIngestionTime: t0 - 299_000,
				storedBytes: 2 + 26,
				arn: 'arn:aws:logs:us-east-1:123456789012:log-group:/vpc/flow-logs:log-stream:eni-0aaa-all',
			}),
			expect.objectContaining({logStreamName: 'eni-0bbb-all', lastEventTimestamp: t0 - 60_000}),
		]);
	});

	it('orders by last event time, descending, and accepts the group ARN', async () => {
		const {context, logs} = setup();
		const result = asObject(
			await call(
				logs,
				'DescribeLogStreams',
				{
					logGroupIdentifier: 'arn:aws:logs:us-east-1:123456789012:log-group:/vpc/flow-logs:*',
					orderBy: 'LastEventTime',
					descending: true,
					limit: 1,
				},
				context,
			),
		);
		expect(asList(result.logStreams).map((entry) => asObject(entry).logStreamName)).toEqual([
			'eni-0bbb-all',
		]);
		const next = asObject(
			await call(
				logs,
				'DescribeLogStreams',
				{
					logGroupName: '/vpc/flow-logs',
					orderBy: 'LastEventTime',
					descending: true,
					nextToken: result.nextToken ?? null,
				},
				context,
			),
		);
		expect(asList(next.logStreams).map((entry) => asObject(entry).logStreamName)).toEqual([
			'eni-0aaa-all',
		]);
	});

	it('filters by prefix and refuses a prefix with LastEventTime ordering', async () => {
		const {context, logs} = setup();
		const result = asObject(
			await call(
				logs,
				'DescribeLogStreams',
				{logGroupName: '/vpc/flow-logs', logStreamNamePrefix: 'eni-0b'},
				context,
			),
		);
		expect(asList(result.logStreams)).toHaveLength(1);
		await expect(
			call(
				logs,
				'DescribeLogStreams',
				{logGroupName: '/vpc/flow-logs', logStreamNamePrefix: 'eni', orderBy: 'LastEventTime'},
				context,
			),
		).rejects.toMatchObject({code: 'InvalidParameterException'});
	});

	it('needs exactly one of logGroupName and logGroupIdentifier', async () => {
		const {context, logs} = setup();
		await expect(call(logs, 'DescribeLogStreams', {}, context)).rejects.toMatchObject({
			code: 'InvalidParameterException',
		});
		await expect(
			call(
				logs,
				'DescribeLogStreams',
				{logGroupName: '/vpc/flow-logs', logGroupIdentifier: '/vpc/flow-logs'},
				context,
			),
		).rejects.toMatchObject({code: 'InvalidParameterException'});
		await expect(
			call(logs, 'DescribeLogStreams', {logGroupName: '/nope'}, context),
		).rejects.toMatchObject({code: 'ResourceNotFoundException'});
	});
});

describe('PutLogEvents', () => {
	it('stores events with ingestionTime = now and keeps the stream sorted', async () => {
		const {world, context, logs} = setup();
		const result = asObject(
			await call(
				logs,
				'PutLogEvents',
				{
					logGroupName: '/vpc/flow-logs',
					logStreamName: 'eni-0bbb-all',
					logEvents: [
						{timestamp: t0 - 90_000, message: 'between'},
						{timestamp: t0 - 10_000, message: 'newest'},
					],
				},
				context,
			),
		);
		expect(typeof result.nextSequenceToken).toBe('string');
		expect(result.rejectedLogEventsInfo).toBeUndefined();
		const stream = world.logGroups[0]?.streams[0];
		expect(stream?.events.map((entry) => entry.message)).toEqual(['b1', 'between', 'b2', 'newest']);
		expect(stream?.events[1]?.ingestionTime).toBe(t0);
	});

	it('rejects too old and too new events but keeps the rest', async () => {
		const {world, context, logs} = setup();
		const day = 86_400_000;
		await expect(
			call(
				logs,
				'PutLogEvents',
				{
					logGroupName: '/vpc/second',
					logStreamName: 'missing',
					logEvents: [{timestamp: t0, message: 'x'}],
				},
				context,
			),
		).rejects.toMatchObject({code: 'ResourceNotFoundException'});
		world.logGroups[2]?.streams.push({logStreamName: 's', creationTime: t0, events: []});
		const put = asObject(
			await call(
				logs,
				'PutLogEvents',
				{
					logGroupName: '/vpc/second',
					logStreamName: 's',
					logEvents: [
						{timestamp: t0 - 15 * day, message: 'ancient'},
						{timestamp: t0 - 60_000, message: 'fine'},
						{timestamp: t0 + 3 * 3_600_000, message: 'future'},
					],
				},
				context,
			),
		);
		expect(put.rejectedLogEventsInfo).toEqual({
			tooOldLogEventEndIndex: 0,
			tooNewLogEventStartIndex: 2,
		});
		expect(world.logGroups[2]?.streams[0]?.events.map((entry) => entry.message)).toEqual(['fine']);
	});

	it.each([
		[
			'out of chronological order',
			[
				{timestamp: t0, message: 'b'},
				{timestamp: t0 - 1, message: 'a'},
			],
		],
		[
			'spanning more than 24 hours',
			[
				{timestamp: t0 - 25 * 3_600_000, message: 'a'},
				{timestamp: t0, message: 'b'},
			],
		],
		['empty', []],
		['missing a message', [{timestamp: t0}]],
	])('refuses a batch %s', async (_name, logEvents) => {
		const {context, logs} = setup();
		await expect(
			call(
				logs,
				'PutLogEvents',
				{logGroupName: '/vpc/flow-logs', logStreamName: 'eni-0aaa-all', logEvents},
				context,
			),
		).rejects.toMatchObject({code: 'InvalidParameterException'});
	});
});

describe('every operation', () => {
	it('lets a driven world catch up first', async () => {
		const {context, logs} = setup();
		await call(logs, 'DescribeLogGroups', {}, context);
		await call(logs, 'DescribeLogStreams', {logGroupName: '/vpc/flow-logs'}, context);
		expect(context.advanceCalls()).toBe(2);
		expect(Object.keys(logs.operations)).toEqual(
			expect.arrayContaining([
				'DescribeLogGroups',
				'DescribeLogStreams',
				'CreateLogGroup',
				'CreateLogStream',
				'PutLogEvents',
				'GetLogEvents',
				'FilterLogEvents',
				'StartQuery',
				'GetQueryResults',
				'StopQuery',
				'DescribeQueries',
			]),
		);
		expect(logs).toMatchObject({
			targetPrefix: 'Logs_20140328',
			signingName: 'logs',
			jsonVersion: '1.1',
		});
	});
});
