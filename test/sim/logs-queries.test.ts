import {describe, expect, it} from 'vitest';
import type {JsonObject, JsonValue} from '../../source/sim/context.js';
import {createLogsService, type LogsServiceOptions} from '../../source/sim/services/logs/index.js';
import {
	asList,
	asObject,
	call,
	emptyWorld,
	event,
	flowLine,
	group,
	t0,
	testContext,
} from './logs-test-world.js';

const minute = 60_000;
const seconds = (ms: number) => Math.floor(ms / 1000);

/** Ten records a minute for ten minutes; every fifth one is a REJECT. */
function flowEvents() {
	return Array.from({length: 100}, (_, index) => {
		const timestamp = t0 - 10 * minute + index * 6000;
		const action = index % 5 === 0 ? 'REJECT' : 'ACCEPT';
		return event(timestamp, flowLine({start: timestamp, action}), 0);
	});
}

function setup(options: LogsServiceOptions = {queryDurationMs: 10_000}) {
	const world = emptyWorld({
		logGroups: [group('/vpc/flow', {'eni-0aaa-all': flowEvents()}), group('/other', {})],
	});
	return {world, context: testContext(world), logs: createLogsService(options)};
}

type State = ReturnType<typeof setup>;

const lastTenMinutes = {
	logGroupName: '/vpc/flow',
	startTime: seconds(t0 - 10 * minute),
	endTime: seconds(t0),
	queryString: 'stats count(*) by bin(1m)',
};

async function start(state: State, input: JsonObject = lastTenMinutes): Promise<string> {
	const result = asObject(await call(state.logs, 'StartQuery', input, state.context));
	if (typeof result.queryId !== 'string') throw new Error('no queryId');
	return result.queryId;
}

async function results(state: State, queryId: string, extra: JsonObject = {}) {
	return asObject(await call(state.logs, 'GetQueryResults', {queryId, ...extra}, state.context));
}

function statistic(result: Record<string, JsonValue>, name: string): number {
	return Number(asObject(result.statistics ?? null)[name]);
}

describe('StartQuery validation', () => {
	it.each([
		['no log group', {...lastTenMinutes, logGroupName: null}, 'InvalidParameterException'],
		[
			'two ways of naming groups',
			{...lastTenMinutes, logGroupNames: ['/vpc/flow']},
			'InvalidParameterException',
		],
		['an unknown group', {...lastTenMinutes, logGroupName: '/nope'}, 'ResourceNotFoundException'],
		[
			'an unknown group among several',
			{...lastTenMinutes, logGroupName: null, logGroupIdentifiers: ['/vpc/flow', '/nope']},
			'ResourceNotFoundException',
		],
		[
			'a malformed query',
			{...lastTenMinutes, queryString: 'stats count(* by'},
			'MalformedQueryException',
		],
		[
			'a query over 10000 characters',
			{...lastTenMinutes, queryString: `fields @message ${' '.repeat(10_000)}`},
			'InvalidParameterException',
		],
		['a limit of 0', {...lastTenMinutes, limit: 0}, 'InvalidParameterException'],
		['a limit over 10000', {...lastTenMinutes, limit: 10_001}, 'InvalidParameterException'],
		[
			'an end before the start',
			{...lastTenMinutes, endTime: lastTenMinutes.startTime - 1},
			'InvalidParameterException',
		],
		['no end time', {...lastTenMinutes, endTime: null}, 'InvalidParameterException'],
	])('refuses %s', async (_name, input, code) => {
		const state = setup();
		await expect(call(state.logs, 'StartQuery', input, state.context)).rejects.toMatchObject({
			code,
		});
	});

	it("passes the engine's message on in MalformedQueryException", async () => {
		const state = setup();
		await expect(
			call(
				state.logs,
				'StartQuery',
				{...lastTenMinutes, queryString: 'stats count(* by'},
				state.context,
			),
		).rejects.toMatchObject({message: expect.stringContaining('at line 1 and position')});
	});

	it('accepts group ARNs in logGroupIdentifiers', async () => {
		const state = setup();
		const queryId = await start(state, {
			...lastTenMinutes,
			logGroupName: null,
			logGroupIdentifiers: ['arn:aws:logs:us-east-1:123456789012:log-group:/vpc/flow', '/other'],
		});
		state.context.setNow(t0 + 10_000);
		const done = await results(state, queryId);
		expect(done.status).toBe('Complete');
		expect(statistic(done, 'logGroupsScanned')).toBe(2);
	});
});

describe('a query over the sim clock', () => {
	it('is Scheduled, then Running with partial results, then Complete', async () => {
		const state = setup();
		const queryId = await start(state);
		const scheduled = await results(state, queryId);
		expect(scheduled.status).toBe('Scheduled');
		expect(asList(scheduled.results)).toEqual([]);
		expect(state.logs.runningQueryCount()).toBe(1);

		state.context.setNow(t0 + 6000);
		const running = await results(state, queryId);
		expect(running.status).toBe('Running');
		const partialScanned = statistic(running, 'recordsScanned');
		expect(partialScanned).toBeGreaterThan(0);
		expect(partialScanned).toBeLessThan(100);
		// The partial result covers the earliest events scanned so far.
		expect(asList(running.results).length).toBeLessThan(10);

		state.context.setNow(t0 + 10_000);
		const complete = await results(state, queryId);
		expect(complete.status).toBe('Complete');
		expect(statistic(complete, 'recordsScanned')).toBe(100);
		expect(statistic(complete, 'recordsMatched')).toBe(100);
		expect(statistic(complete, 'bytesScanned')).toBeGreaterThan(0);
		const rows = asList(complete.results).map((row) =>
			Object.fromEntries(asList(row).map((cell) => [asObject(cell).field, asObject(cell).value])),
		);
		expect(rows).toHaveLength(10);
		expect(rows.every((row) => row['count(*)'] === '10')).toBe(true);
		expect(state.logs.runningQueryCount()).toBe(0);
		expect(state.logs.totalBytesScanned()).toBe(statistic(complete, 'bytesScanned'));
	});

	it('is Complete at once when the duration is zero', async () => {
		const state = setup({queryDurationMs: 0});
		const queryId = await start(state);
		expect((await results(state, queryId)).status).toBe('Complete');
	});

	it('takes whole seconds, both ends included, and sees only events ingested when it started', async () => {
		const state = setup({queryDurationMs: 0});
		const stream = state.world.logGroups[1];
		stream?.streams.push({
			logStreamName: 's',
			creationTime: t0,
			events: [
				event(t0 - 2000, 'before the range'),
				event(t0 - 1000, 'first second'),
				event(t0 + 999, 'end second'),
				event(t0 + 1000, 'after the range'),
			],
		});
		stream?.streams.push({
			logStreamName: 'late',
			creationTime: t0,
			events: [event(t0, 'not delivered yet', 60_000)],
		});
		state.context.setNow(t0 + 5000);
		const queryId = await start(state, {
			logGroupName: '/other',
			startTime: seconds(t0 - 1000),
			endTime: seconds(t0),
			queryString: 'fields @message, @ptr | sort @timestamp asc',
		});
		const done = await results(state, queryId);
		const rowMessages = asList(done.results).map(
			(row) =>
				asObject(asList(row).find((cell) => asObject(cell).field === '@message') ?? null).value,
		);
		expect(rowMessages).toEqual(['first second', 'end second']);

		const firstRow = asList(asList(done.results)[0]);
		const ptr = asObject(firstRow.find((cell) => asObject(cell).field === '@ptr') ?? null).value;
		const record = asObject(
			await call(state.logs, 'GetLogRecord', {logRecordPointer: ptr ?? null}, state.context),
		);
		expect(asObject(record.logRecord ?? null)).toMatchObject({
			'@message': 'first second',
			'@logStream': 's',
			'@log': '123456789012:/other',
		});
	});

	it('answers GetLogRecord errors for a malformed or stale pointer', async () => {
		const state = setup();
		await expect(
			call(state.logs, 'GetLogRecord', {logRecordPointer: 'garbage'}, state.context),
		).rejects.toMatchObject({code: 'InvalidParameterException'});
		await expect(
			call(
				state.logs,
				'GetLogRecord',
				{logRecordPointer: '/vpc/flow:eni-0aaa-all:1:0'},
				state.context,
			),
		).rejects.toMatchObject({code: 'ResourceNotFoundException'});
	});

	it('returns rows page by page with maxItems and nextToken', async () => {
		const state = setup({queryDurationMs: 0});
		const queryId = await start(state);
		const first = await results(state, queryId, {maxItems: 4});
		expect(asList(first.results)).toHaveLength(4);
		const second = await results(state, queryId, {
			maxItems: 10,
			nextToken: first.nextToken ?? null,
		});
		expect(asList(second.results)).toHaveLength(6);
		expect(second.nextToken).toBeUndefined();
	});

	it('answers ResourceNotFoundException for an unknown query id', async () => {
		const state = setup();
		await expect(results(state, 'no-such-query')).rejects.toMatchObject({
			code: 'ResourceNotFoundException',
		});
	});
});

describe('StopQuery', () => {
	it('cancels a running query, keeping what it scanned so far', async () => {
		const state = setup();
		const queryId = await start(state);
		state.context.setNow(t0 + 6000);
		const stopped = await call(state.logs, 'StopQuery', {queryId}, state.context);
		expect(stopped).toEqual({success: true});
		expect(state.logs.runningQueryCount()).toBe(0);
		state.context.setNow(t0 + 60_000);
		const after = await results(state, queryId);
		expect(after.status).toBe('Cancelled');
		const scanned = statistic(after, 'recordsScanned');
		expect(scanned).toBeGreaterThan(0);
		expect(scanned).toBeLessThan(100);
		expect(state.logs.totalBytesScanned()).toBe(statistic(after, 'bytesScanned'));
	});

	it('refuses a query that has ended, and an unknown one', async () => {
		const state = setup();
		const queryId = await start(state);
		state.context.setNow(t0 + 10_000);
		await expect(call(state.logs, 'StopQuery', {queryId}, state.context)).rejects.toMatchObject({
			code: 'InvalidParameterException',
		});
		await expect(
			call(state.logs, 'StopQuery', {queryId: 'nope'}, state.context),
		).rejects.toMatchObject({code: 'ResourceNotFoundException'});
	});
});

describe('the concurrency quota', () => {
	it('answers LimitExceededException beyond maxConcurrentQueries until one ends', async () => {
		const state = setup({maxConcurrentQueries: 2, queryDurationMs: 10_000});
		const first = await start(state);
		await start(state);
		await expect(
			call(state.logs, 'StartQuery', lastTenMinutes, state.context),
		).rejects.toMatchObject({
			code: 'LimitExceededException',
		});
		await call(state.logs, 'StopQuery', {queryId: first}, state.context);
		await start(state);
		expect(state.logs.runningQueryCount()).toBe(2);
	});
});

describe('DescribeQueries', () => {
	it('lists queries newest first, filtered by status and group, with paging', async () => {
		const state = setup();
		const done = await start(state);
		state.context.setNow(t0 + 10_000);
		await results(state, done);
		const running = await start(state);
		const onOther = await start(state, {...lastTenMinutes, logGroupName: '/other'});

		const all = asObject(await call(state.logs, 'DescribeQueries', {}, state.context));
		expect(asList(all.queries).map((entry) => asObject(entry).queryId)).toEqual([
			onOther,
			running,
			done,
		]);
		expect(asObject(asList(all.queries)[2] ?? null)).toMatchObject({
			queryId: done,
			status: 'Complete',
			queryString: 'stats count(*) by bin(1m)',
			logGroupName: '/vpc/flow',
			createTime: t0,
		});

		const complete = asObject(
			await call(state.logs, 'DescribeQueries', {status: 'Complete'}, state.context),
		);
		expect(asList(complete.queries).map((entry) => asObject(entry).queryId)).toEqual([done]);
		const other = asObject(
			await call(state.logs, 'DescribeQueries', {logGroupName: '/other'}, state.context),
		);
		expect(asList(other.queries).map((entry) => asObject(entry).queryId)).toEqual([onOther]);

		const page1 = asObject(
			await call(state.logs, 'DescribeQueries', {maxResults: 2}, state.context),
		);
		const page2 = asObject(
			await call(
				state.logs,
				'DescribeQueries',
				{maxResults: 2, nextToken: page1.nextToken ?? null},
				state.context,
			),
		);
		expect(asList(page2.queries).map((entry) => asObject(entry).queryId)).toEqual([done]);
		await expect(
			call(state.logs, 'DescribeQueries', {status: 'Sleeping'}, state.context),
		).rejects.toMatchObject({code: 'InvalidParameterException'});
	});
});
