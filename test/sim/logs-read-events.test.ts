import {describe, expect, it} from 'vitest';
import type {JsonObject, JsonValue} from '../../source/sim/context.js';
import {createLogsService} from '../../source/sim/services/logs/index.js';
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

function messages(result: JsonValue): JsonValue[] {
	return asList(asObject(result).events).map((entry) => asObject(entry).message ?? null);
}

describe('GetLogEvents', () => {
	const streamEvents = () => [
		event(t0 - 50_000, 'e1'),
		event(t0 - 40_000, 'e2'),
		event(t0 - 30_000, 'e3'),
		event(t0 - 20_000, 'e4'),
		event(t0 - 10_000, 'e5'),
		// Happened already, delivered only a minute from now.
		event(t0 - 5000, 'e6', 65_000),
	];
	const setup = () => {
		const world = emptyWorld({logGroups: [group('/g', {s: streamEvents()})]});
		return {context: testContext(world), logs: createLogsService()};
	};
	const get = (
		setupResult: ReturnType<typeof setup>,
		input: JsonObject,
	): Promise<Record<string, JsonValue>> =>
		call(
			setupResult.logs,
			'GetLogEvents',
			{logGroupName: '/g', logStreamName: 's', ...input},
			setupResult.context,
		).then(asObject);

	it('returns the latest ingested events by default and walks back with nextBackwardToken', async () => {
		const state = setup();
		const page1 = await get(state, {limit: 2});
		expect(messages(page1)).toEqual(['e4', 'e5']);
		const page2 = await get(state, {limit: 2, nextToken: page1.nextBackwardToken ?? null});
		expect(messages(page2)).toEqual(['e2', 'e3']);
		const page3 = await get(state, {limit: 2, nextToken: page2.nextBackwardToken ?? null});
		expect(messages(page3)).toEqual(['e1']);
		const end = await get(state, {limit: 2, nextToken: page3.nextBackwardToken ?? null});
		expect(messages(end)).toEqual([]);
		expect(end.nextBackwardToken).toBe(page3.nextBackwardToken);
	});

	it('reads forward from the head, echoes the token at the end, and continues once more arrives', async () => {
		const state = setup();
		const seen: JsonValue[] = [];
		let token: JsonValue = null;
		for (let page = 0; page < 10; page += 1) {
			const result = await get(state, {startFromHead: true, limit: 2, nextToken: token});
			seen.push(...messages(result));
			if (result.nextForwardToken === token) break;
			token = result.nextForwardToken ?? null;
		}
		expect(seen).toEqual(['e1', 'e2', 'e3', 'e4', 'e5']);
		state.context.setNow(t0 + 60_000);
		const later = await get(state, {startFromHead: true, nextToken: token});
		expect(messages(later)).toEqual(['e6']);
		expect(later.nextForwardToken).not.toBe(token);
	});

	it('includes startTime and excludes endTime', async () => {
		const state = setup();
		const result = await get(state, {
			startTime: t0 - 40_000,
			endTime: t0 - 20_000,
			startFromHead: true,
		});
		expect(messages(result)).toEqual(['e2', 'e3']);
		expect(asList(result.events)[0]).toEqual({
			timestamp: t0 - 40_000,
			message: 'e2',
			ingestionTime: t0 - 40_000,
		});
	});

	it('answers errors for a bad token, a missing stream and an out-of-range limit', async () => {
		const state = setup();
		await expect(get(state, {nextToken: 'not-a-token'})).rejects.toMatchObject({
			code: 'InvalidParameterException',
		});
		await expect(get(state, {logStreamName: 'nope'})).rejects.toMatchObject({
			code: 'ResourceNotFoundException',
		});
		await expect(get(state, {limit: 0})).rejects.toMatchObject({code: 'InvalidParameterException'});
	});
});

describe('FilterLogEvents', () => {
	const minute = 60_000;
	const setup = () => {
		const world = emptyWorld({
			logGroups: [
				group('/vpc/flow', {
					'eni-0aaa-all': [
						event(t0 - 5 * minute, flowLine({start: t0 - 5 * minute, eni: 'eni-0aaa'})),
						event(
							t0 - 3 * minute,
							flowLine({start: t0 - 3 * minute, eni: 'eni-0aaa', action: 'REJECT', dstPort: 22}),
						),
						event(t0 - minute, flowLine({start: t0 - minute, eni: 'eni-0aaa'})),
					],
					'eni-0bbb-all': [
						event(
							t0 - 4 * minute,
							flowLine({start: t0 - 4 * minute, eni: 'eni-0bbb', action: 'REJECT'}),
						),
						event(t0 - 3 * minute, flowLine({start: t0 - 3 * minute, eni: 'eni-0bbb'})),
						event(
							t0 - 2 * minute,
							flowLine({start: t0 - 2 * minute, eni: 'eni-0bbb', action: 'REJECT'}),
							5 * minute,
						),
					],
					'other-stream': [event(t0 - 2 * minute, 'not a flow record')],
				}),
			],
		});
		return {world, context: testContext(world), logs: createLogsService()};
	};
	const filter = (state: ReturnType<typeof setup>, input: JsonObject) =>
		call(state.logs, 'FilterLogEvents', {logGroupName: '/vpc/flow', ...input}, state.context).then(
			asObject,
		);
	const streamsAndTimes = (result: Record<string, JsonValue>) =>
		asList(result.events).map((entry) => {
			const record = asObject(entry);
			return `${String(record.logStreamName)}@${(Number(record.timestamp) - t0) / minute}`;
		});

	it('interleaves the streams in time order and hides events not yet ingested', async () => {
		const state = setup();
		const result = await filter(state, {logStreamNamePrefix: 'eni-'});
		expect(streamsAndTimes(result)).toEqual([
			'eni-0aaa-all@-5',
			'eni-0bbb-all@-4',
			'eni-0aaa-all@-3',
			'eni-0bbb-all@-3',
			'eni-0aaa-all@-1',
		]);
		expect(result.nextToken).toBeUndefined();
		const first = asObject(asList(result.events)[0] ?? null);
		expect(Object.keys(first).sort()).toEqual([
			'eventId',
			'ingestionTime',
			'logStreamName',
			'message',
			'timestamp',
		]);
	});

	it('filters with a space-delimited pattern on the action field', async () => {
		const state = setup();
		const result = await filter(state, {
			filterPattern:
				'[version, account, eni, source, destination, srcport, destport, protocol, packets, bytes, windowstart, windowend, action="REJECT", flowlogstatus]',
		});
		expect(streamsAndTimes(result)).toEqual(['eni-0bbb-all@-4', 'eni-0aaa-all@-3']);
		state.context.setNow(t0 + 3 * minute);
		const later = await filter(state, {filterPattern: '[..., action="REJECT", status]'});
		expect(streamsAndTimes(later)).toEqual([
			'eni-0bbb-all@-4',
			'eni-0aaa-all@-3',
			'eni-0bbb-all@-2',
		]);
	});

	it('pages through everything with limit and nextToken, in both directions', async () => {
		const state = setup();
		const all = streamsAndTimes(await filter(state, {}));
		for (const startFromHead of [true, false]) {
			const seen: string[] = [];
			let token: JsonValue | undefined;
			do {
				const page = await filter(state, {
					limit: 2,
					startFromHead,
					...(token === undefined ? {} : {nextToken: token}),
				});
				seen.push(...streamsAndTimes(page));
				token = page.nextToken;
			} while (token !== undefined);
			expect(seen).toEqual(startFromHead ? all : [...all].reverse());
		}
		expect(all).toHaveLength(6);
	});

	it('keeps events from startTime to endTime, both included, and scopes to named streams', async () => {
		const state = setup();
		const result = await filter(state, {
			startTime: t0 - 4 * minute,
			endTime: t0 - 3 * minute,
			logStreamNames: ['eni-0bbb-all'],
		});
		expect(streamsAndTimes(result)).toEqual(['eni-0bbb-all@-4', 'eni-0bbb-all@-3']);
	});

	it('gives every event its own id', async () => {
		const state = setup();
		const ids = asList((await filter(state, {})).events).map((entry) => asObject(entry).eventId);
		expect(new Set(ids).size).toBe(ids.length);
	});

	it.each([
		[{logStreamNames: ['eni-0aaa-all'], logStreamNamePrefix: 'eni'}, 'InvalidParameterException'],
		[{logStreamNames: ['eni-0zzz-all']}, 'ResourceNotFoundException'],
		[{filterPattern: '[a, b'}, 'InvalidParameterException'],
		[{nextToken: 'garbage'}, 'InvalidParameterException'],
		[{limit: 10_001}, 'InvalidParameterException'],
		[{logGroupName: '/missing'}, 'ResourceNotFoundException'],
	])('answers %j with %s', async (input, code) => {
		const state = setup();
		await expect(filter(state, input)).rejects.toMatchObject({code});
	});
});
