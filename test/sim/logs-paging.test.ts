// Paging never loses or repeats an event, whatever the page size and however events tie in time.
import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import type {JsonValue} from '../../source/sim/context.js';
import {createLogsService} from '../../source/sim/services/logs/index.js';
import type {LogEvent} from '../../source/sim/world/types.js';
import {asList, asObject, call, emptyWorld, group, t0, testContext} from './logs-test-world.js';

const streamArbitrary = fc
	.array(fc.record({offset: fc.integer({min: 0, max: 20}), delay: fc.integer({min: 0, max: 30})}), {
		maxLength: 25,
	})
	.map((entries) =>
		entries
			.map(
				({offset, delay}, index): LogEvent => ({
					timestamp: t0 - 40 + offset,
					ingestionTime: t0 - 40 + offset + delay,
					message: `m${index}`,
				}),
			)
			.sort((left, right) => left.timestamp - right.timestamp),
	);

function labels(result: JsonValue): string[] {
	return asList(asObject(result).events).map((entry) => {
		const record = asObject(entry);
		return `${String(record.logStreamName ?? 's')}/${String(record.message)}`;
	});
}

describe('paging', () => {
	it('FilterLogEvents interleaves streams by time, then by stream name, then by position', async () => {
		await fc.assert(
			fc.asyncProperty(
				fc.array(streamArbitrary, {minLength: 1, maxLength: 4}),
				fc.shuffledSubarray(['b', 'a2', 'a10', 'c'], {minLength: 4, maxLength: 4}),
				fc.boolean(),
				async (streams, names, startFromHead) => {
					const named = streams.map((events, index) => ({name: names[index] ?? 'x', events}));
					const world = emptyWorld({
						logGroups: [group('/g', Object.fromEntries(named.map((s) => [s.name, s.events])))],
					});
					const logs = createLogsService();
					const answer = labels(
						await call(
							logs,
							'FilterLogEvents',
							{logGroupName: '/g', startFromHead},
							testContext(world),
						),
					);
					const expected = named
						.flatMap(({name, events}) =>
							events
								.map((event, position) => ({name, event, position}))
								.filter(({event}) => event.ingestionTime <= t0),
						)
						.sort(
							(left, right) =>
								left.event.timestamp - right.event.timestamp ||
								(left.name < right.name ? -1 : left.name > right.name ? 1 : 0) ||
								left.position - right.position,
						)
						.map(({name, event}) => `${name}/${event.message}`);
					expect(answer).toEqual(startFromHead ? expected : expected.reverse());
				},
			),
			{numRuns: 60},
		);
	});

	it('FilterLogEvents pages add up to the unpaged answer, in both directions', async () => {
		await fc.assert(
			fc.asyncProperty(
				fc.array(streamArbitrary, {minLength: 1, maxLength: 4}),
				fc.integer({min: 1, max: 7}),
				fc.boolean(),
				async (streams, limit, startFromHead) => {
					const world = emptyWorld({
						logGroups: [
							group(
								'/g',
								Object.fromEntries(streams.map((events, index) => [`s${index}`, events])),
							),
						],
					});
					const context = testContext(world);
					const logs = createLogsService();
					const whole = labels(
						await call(logs, 'FilterLogEvents', {logGroupName: '/g', startFromHead}, context),
					);
					const paged: string[] = [];
					let nextToken: JsonValue | undefined;
					do {
						const page = asObject(
							await call(
								logs,
								'FilterLogEvents',
								{
									logGroupName: '/g',
									limit,
									startFromHead,
									...(nextToken === undefined ? {} : {nextToken}),
								},
								context,
							),
						);
						paged.push(...labels(page));
						nextToken = page.nextToken;
					} while (nextToken !== undefined);
					expect(paged).toEqual(whole);
					const visible = streams.flat().filter((event) => event.ingestionTime <= t0).length;
					expect(whole).toHaveLength(visible);
				},
			),
			{numRuns: 60},
		);
	});

	it('GetLogEvents backward pages add up to every ingested event of the stream', async () => {
		await fc.assert(
			fc.asyncProperty(streamArbitrary, fc.integer({min: 1, max: 7}), async (events, limit) => {
				const world = emptyWorld({logGroups: [group('/g', {s: events})]});
				const context = testContext(world);
				const logs = createLogsService();
				const pages: string[][] = [];
				let nextToken: JsonValue | undefined;
				for (let guard = 0; guard < 100; guard += 1) {
					const page = asObject(
						await call(
							logs,
							'GetLogEvents',
							{
								logGroupName: '/g',
								logStreamName: 's',
								limit,
								...(nextToken === undefined ? {} : {nextToken}),
							},
							context,
						),
					);
					pages.unshift(labels(page));
					if (page.nextBackwardToken === nextToken) break;
					nextToken = page.nextBackwardToken;
				}
				const expected = events
					.filter((event) => event.ingestionTime <= t0)
					.map((event) => `s/${event.message}`);
				expect(pages.flat()).toEqual(expected);
			}),
			{numRuns: 60},
		);
	});
});
