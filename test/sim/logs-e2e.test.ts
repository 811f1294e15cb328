// CloudWatch Logs through the real HTTP server, with the unmodified SDK client and the AWS CLI.
import {
	CloudWatchLogsClient,
	CreateLogGroupCommand,
	CreateLogStreamCommand,
	DescribeLogGroupsCommand,
	DescribeLogStreamsCommand,
	DescribeQueriesCommand,
	FilterLogEventsCommand,
	GetLogEventsCommand,
	GetQueryResultsCommand,
	InvalidParameterException,
	LimitExceededException,
	MalformedQueryException,
	PutLogEventsCommand,
	paginateFilterLogEvents,
	ResourceAlreadyExistsException,
	ResourceNotFoundException,
	StartQueryCommand,
	StopQueryCommand,
} from '@aws-sdk/client-cloudwatch-logs';
import {afterEach, describe, expect, it} from 'vitest';
import {type RunningSim, startSim} from '../../source/sim/server.js';
import {createLogsService, type LogsService} from '../../source/sim/services/logs/index.js';
import {emptyWorld, event, flowLine, group, t0} from './logs-test-world.js';
import {awsJson, runAwsCli} from './server/aws-cli.js';
import {sdkConfig} from './server/sdk-config.js';

const minute = 60_000;
const seconds = (ms: number) => Math.floor(ms / 1000);

function flowGroup() {
	const records = (eni: string, offset: number) =>
		Array.from({length: 30}, (_, index) => {
			const timestamp = t0 - 10 * minute + index * 20_000 + offset;
			const action = index % 3 === 0 ? 'REJECT' : 'ACCEPT';
			return event(timestamp, flowLine({start: timestamp, eni, action}), 0);
		});
	return group('/vpc/flow', {
		'eni-0aaa-all': records('eni-0aaa', 0),
		'eni-0bbb-all': records('eni-0bbb', 5000),
	});
}

type Harness = {
	sim: RunningSim;
	logs: LogsService;
	client: CloudWatchLogsClient;
	setNow(ms: number): void;
};
let running: RunningSim | undefined;

async function harness(options: Parameters<typeof createLogsService>[0] = {queryDurationMs: 4000}) {
	let now = t0;
	const logs = createLogsService(options);
	const sim = await startSim({
		world: emptyWorld({logGroups: [flowGroup()]}),
		jsonServices: [logs],
		clock: {now: () => now},
	});
	running = sim;
	const client = new CloudWatchLogsClient(sdkConfig(sim.url));
	const result: Harness = {
		sim,
		logs,
		client,
		setNow(ms) {
			now = ms;
		},
	};
	return result;
}

afterEach(async () => {
	await running?.close();
	running = undefined;
});

describe('CloudWatch Logs through the SDK', () => {
	it('creates, writes and reads groups, streams and events', async () => {
		const {client} = await harness();
		await client.send(new CreateLogGroupCommand({logGroupName: '/app'}));
		await expect(
			client.send(new CreateLogGroupCommand({logGroupName: '/app'})),
		).rejects.toBeInstanceOf(ResourceAlreadyExistsException);
		await client.send(new CreateLogStreamCommand({logGroupName: '/app', logStreamName: 'main'}));
		const put = await client.send(
			new PutLogEventsCommand({
				logGroupName: '/app',
				logStreamName: 'main',
				logEvents: [
					{timestamp: t0 - 2000, message: 'hello'},
					{timestamp: t0 - 1000, message: 'world'},
				],
			}),
		);
		expect(put.nextSequenceToken).toMatch(/^\d+$/);
		const groups = await client.send(new DescribeLogGroupsCommand({logGroupNamePrefix: '/'}));
		expect(groups.logGroups?.map((entry) => entry.logGroupName)).toEqual(['/app', '/vpc/flow']);
		const streams = await client.send(new DescribeLogStreamsCommand({logGroupName: '/app'}));
		expect(streams.logStreams?.[0]).toMatchObject({
			logStreamName: 'main',
			firstEventTimestamp: t0 - 2000,
			lastEventTimestamp: t0 - 1000,
			lastIngestionTime: t0,
		});
		const read = await client.send(
			new GetLogEventsCommand({logGroupName: '/app', logStreamName: 'main', startFromHead: true}),
		);
		expect(read.events?.map((entry) => entry.message)).toEqual(['hello', 'world']);
		expect(read.nextForwardToken).toMatch(/^f\//);
		expect(read.nextBackwardToken).toMatch(/^b\//);
	});

	it('filters flow records across streams, page by page', async () => {
		const {client} = await harness();
		const messages: string[] = [];
		for await (const page of paginateFilterLogEvents(
			{client, pageSize: 7},
			{logGroupName: '/vpc/flow', filterPattern: '[..., action="REJECT", status]'},
		)) {
			messages.push(...(page.events ?? []).map((entry) => entry.message ?? ''));
		}
		expect(messages).toHaveLength(20);
		expect(messages.every((message) => message.includes(' REJECT '))).toBe(true);
		await expect(
			client.send(
				new FilterLogEventsCommand({
					logGroupName: '/vpc/flow',
					logStreamNames: ['eni-0aaa-all'],
					logStreamNamePrefix: 'eni',
				}),
			),
		).rejects.toBeInstanceOf(InvalidParameterException);
		await expect(
			client.send(new DescribeLogStreamsCommand({logGroupName: '/missing'})),
		).rejects.toBeInstanceOf(ResourceNotFoundException);
	});

	it('runs an Insights query to completion on the sim clock', async () => {
		const {client, logs, setNow} = await harness();
		const {queryId} = await client.send(
			new StartQueryCommand({
				logGroupName: '/vpc/flow',
				startTime: seconds(t0 - 10 * minute),
				endTime: seconds(t0),
				queryString: 'stats count(*) as flows by action',
			}),
		);
		expect(logs.runningQueryCount()).toBe(1);
		const scheduled = await client.send(new GetQueryResultsCommand({queryId}));
		expect(scheduled.status).toBe('Scheduled');
		setNow(t0 + 4000);
		const done = await client.send(new GetQueryResultsCommand({queryId}));
		expect(done.status).toBe('Complete');
		expect(done.statistics).toMatchObject({recordsScanned: 60, recordsMatched: 60});
		const counts = Object.fromEntries(
			(done.results ?? []).map((row) => [
				row.find((cell) => cell.field === 'action')?.value,
				row.find((cell) => cell.field === 'flows')?.value,
			]),
		);
		expect(counts).toEqual({REJECT: '20', ACCEPT: '40'});
		expect(logs.runningQueryCount()).toBe(0);
		expect(logs.totalBytesScanned()).toBe(done.statistics?.bytesScanned);
		const described = await client.send(new DescribeQueriesCommand({status: 'Complete'}));
		expect(described.queries?.map((entry) => entry.queryId)).toEqual([queryId]);
	});

	it('stops queries, and refuses malformed ones and ones over the quota', async () => {
		const {client, logs} = await harness({maxConcurrentQueries: 1, queryDurationMs: 4000});
		const input = {
			logGroupName: '/vpc/flow',
			startTime: seconds(t0 - 10 * minute),
			endTime: seconds(t0),
			queryString: 'fields @timestamp, @message | filter action = "REJECT"',
		};
		await expect(
			client.send(new StartQueryCommand({...input, queryString: 'stats count(* by'})),
		).rejects.toBeInstanceOf(MalformedQueryException);
		const {queryId} = await client.send(new StartQueryCommand(input));
		await expect(client.send(new StartQueryCommand(input))).rejects.toBeInstanceOf(
			LimitExceededException,
		);
		const stopped = await client.send(new StopQueryCommand({queryId}));
		expect(stopped.success).toBe(true);
		expect(logs.runningQueryCount()).toBe(0);
		const cancelled = await client.send(new GetQueryResultsCommand({queryId}));
		expect(cancelled.status).toBe('Cancelled');
	});
});

describe('CloudWatch Logs through the AWS CLI', () => {
	it('counts flow records per minute with start-query and get-query-results', async () => {
		const {sim, setNow} = await harness();
		const started = await awsJson(sim.url, [
			'logs',
			'start-query',
			'--log-group-name',
			'/vpc/flow',
			'--start-time',
			String(seconds(t0 - 10 * minute)),
			'--end-time',
			String(seconds(t0)),
			'--query-string',
			'stats count(*) by bin(1m)',
		]);
		expect(started).toEqual({queryId: expect.any(String)});
		const queryId = String((started as {queryId: string}).queryId);
		setNow(t0 + 4000);
		const results = await awsJson(sim.url, ['logs', 'get-query-results', '--query-id', queryId]);
		expect(results).toMatchObject({status: 'Complete', statistics: {recordsScanned: 60}});
		const rows = (results as {results: {field: string; value: string}[][]}).results;
		expect(rows).toHaveLength(10);
		expect(rows.every((row) => row.find((cell) => cell.field === 'count(*)')?.value === '6')).toBe(
			true,
		);
	});

	it('finds REJECT records with filter-log-events and a space-delimited pattern', async () => {
		const {sim} = await harness();
		const found = await awsJson(sim.url, [
			'logs',
			'filter-log-events',
			'--log-group-name',
			'/vpc/flow',
			'--log-stream-names',
			'eni-0bbb-all',
			'--filter-pattern',
			'[..., action="REJECT", ...]',
		]);
		const events = (found as {events: {logStreamName: string; message: string}[]}).events;
		expect(events).toHaveLength(10);
		expect(events.every((entry) => entry.logStreamName === 'eni-0bbb-all')).toBe(true);
		expect(events.every((entry) => entry.message.includes(' REJECT '))).toBe(true);
	});

	it('reports a missing log group as ResourceNotFoundException', async () => {
		const {sim} = await harness();
		const result = await runAwsCli(sim.url, [
			'logs',
			'describe-log-streams',
			'--log-group-name',
			'/nope',
		]);
		expect(result.exitCode).not.toBe(0);
		expect(result.stderr).toContain('ResourceNotFoundException');
	});
});
