// Insights scans read in slices, with other requests served between them: every answer is the one
// the query gives when scanned at once, at the moment it was asked, whatever else came between.
import {setImmediate} from 'node:timers/promises';
import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {createLogsService} from '../../source/sim/services/logs/index.js';
import type {LogEvent} from '../../source/sim/world/types.js';
import {
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
const duration = 10_000;
const streamNames = ['eni-0aaa-all', 'eni-0bbb-all', 'eni-0ccc-all'];

/** Events of three streams over ten minutes: many share a timestamp, within and across streams. */
const streamEvents = fc.array(
	fc.array(
		fc.record({
			second: fc.integer({min: 0, max: 40}),
			action: fc.constantFrom('ACCEPT' as const, 'REJECT' as const),
			bytes: fc.integer({min: 1, max: 5000}),
			delayMs: fc.constantFrom(0, 0, 0, 30_000),
		}),
		{maxLength: 40},
	),
	{minLength: 3, maxLength: 3},
);

type Drawn = {second: number; action: 'ACCEPT' | 'REJECT'; bytes: number; delayMs: number};

function worldOf(streams: readonly (readonly Drawn[])[]) {
	const byStream: Record<string, LogEvent[]> = {};
	for (const [position, drawn] of streams.entries()) {
		const events = drawn
			.map((item, index) => {
				const timestamp = t0 - 10 * minute + item.second * 15_000;
				return event(
					timestamp,
					flowLine({start: timestamp, action: item.action, bytes: item.bytes, srcPort: index}),
					item.delayMs,
				);
			})
			.sort((left, right) => left.timestamp - right.timestamp);
		byStream[streamNames[position] ?? 'x'] = events;
	}
	return emptyWorld({logGroups: [group('/vpc/flow', byStream)]});
}

const queries = [
	'stats count(*) as flows, sum(bytes) as bytes by bin(1m), action',
	'filter action = "ACCEPT" or action = "REJECT" | filter srcPort != 3 and srcPort != 5 | stats count(*) as flows, sum(bytes) as bytes by bin(2m) as bucket, action, @logStream | sort flows desc',
	'stats count(*), pct(bytes, 50)',
	'fields @timestamp, @logStream, srcPort | limit 10000',
];

const range = {
	logGroupName: '/vpc/flow',
	startTime: Math.floor((t0 - 10 * minute) / 1000),
	endTime: Math.floor(t0 / 1000),
};

type Answer = {status: unknown; results: unknown; statistics: unknown};
const answerOf = (value: unknown): Answer => {
	const answer = asObject(value as never);
	return {status: answer.status, results: answer.results, statistics: answer.statistics};
};

/**
 * Two queries started together and polled at `moments`; the sliced service is asked for both
 * answers of a moment before either is awaited, with the clock moved on in between.
 */
async function answers(
	streams: readonly (readonly Drawn[])[],
	pair: readonly [string, string],
	moments: readonly number[],
	sliceRecords: number | undefined,
): Promise<Answer[]> {
	const context = testContext(worldOf(streams));
	const logs = createLogsService({
		queryDurationMs: duration,
		...(sliceRecords === undefined ? {} : {sliceRecords}),
	});
	const ids: string[] = [];
	for (const queryString of pair) {
		const started = asObject(await call(logs, 'StartQuery', {...range, queryString}, context));
		ids.push(String(started.queryId));
	}
	const results: Answer[] = [];
	for (const moment of moments) {
		if (sliceRecords === undefined) {
			for (const queryId of ids) {
				context.setNow(t0 + moment);
				results.push(answerOf(await call(logs, 'GetQueryResults', {queryId}, context)));
			}
			continue;
		}
		const pending = ids.map((queryId) => {
			context.setNow(t0 + moment);
			const answer = call(logs, 'GetQueryResults', {queryId}, context);
			// The clock runs on while the answer is made: the answer stays the one asked for.
			context.setNow(t0 + moment + 5 * duration);
			return answer;
		});
		for (const answer of await Promise.all(pending)) results.push(answerOf(answer));
	}
	return results;
}

describe('Insights scans read in slices', () => {
	it('answer every poll as a scan read at once answers it at the moment it was asked', async () => {
		await fc.assert(
			fc.asyncProperty(
				streamEvents,
				fc.constantFrom(...queries),
				fc.constantFrom(...queries),
				fc.uniqueArray(fc.integer({min: 0, max: duration + 1000}), {minLength: 1, maxLength: 6}),
				fc.integer({min: 1, max: 7}),
				async (streams, first, second, polls, sliceRecords) => {
					const moments = [...polls].sort((left, right) => left - right);
					const whole = await answers(streams, [first, second], moments, undefined);
					const sliced = await answers(streams, [first, second], moments, sliceRecords);
					expect(sliced).toEqual(whole);
				},
			),
			{numRuns: 60},
		);
	});

	it('read the streams merged in timestamp order, the stream listed first first on a tie', async () => {
		await fc.assert(
			fc.asyncProperty(streamEvents, async (streams) => {
				const world = worldOf(streams);
				const context = testContext(world);
				const logs = createLogsService({queryDurationMs: duration});
				const started = asObject(
					await call(
						logs,
						'StartQuery',
						{...range, queryString: 'fields @timestamp, @logStream, @message | limit 10000'},
						context,
					),
				);
				context.setNow(t0 + duration);
				const answer = asObject(
					await call(logs, 'GetQueryResults', {queryId: started.queryId ?? ''}, context),
				);
				// Newest first (a stable sort of the scan order), so ties keep the scan's order.
				const expected = (world.logGroups[0]?.streams ?? [])
					.flatMap((stream, position) =>
						stream.events
							.filter((item) => item.ingestionTime <= t0)
							.map((item, index) => ({item, position, index, stream: stream.logStreamName})),
					)
					.sort(
						(left, right) =>
							left.item.timestamp - right.item.timestamp ||
							left.position - right.position ||
							left.index - right.index,
					)
					.sort((left, right) => right.item.timestamp - left.item.timestamp)
					.map(({item, stream}) => [stream, item.message]);
				const rows = (answer.results as {field: string; value: string}[][]).map((row) => [
					row.find((cell) => cell.field === '@logStream')?.value,
					row.find((cell) => cell.field === '@message')?.value,
				]);
				expect(rows).toEqual(expected);
			}),
			{numRuns: 60},
		);
	});

	it('serve other requests while a long scan is read', async () => {
		const streams = [0, 1, 2].map((stream) =>
			Array.from({length: 40}, (_, index) => ({
				second: index,
				action: 'ACCEPT' as const,
				bytes: stream * 100 + index,
				delayMs: 0,
			})),
		);
		const context = testContext(worldOf(streams));
		const logs = createLogsService({queryDurationMs: duration, sliceRecords: 1});
		const started = asObject(
			await call(logs, 'StartQuery', {...range, queryString: queries[0] ?? ''}, context),
		);
		context.setNow(t0 + duration);
		let answered = false;
		const polled = call(logs, 'GetQueryResults', {queryId: started.queryId ?? ''}, context).then(
			(answer) => {
				answered = true;
				return answer;
			},
		);
		await setImmediate();
		const read = asObject(
			await call(logs, 'FilterLogEvents', {logGroupName: '/vpc/flow', limit: 5}, context),
		);
		expect((read.events as unknown[]).length).toBe(5);
		expect(answered).toBe(false);
		const answer = asObject(await polled);
		expect(answer.status).toBe('Complete');
		expect(asObject(answer.statistics as never).recordsScanned).toBe(120);
	});
});
