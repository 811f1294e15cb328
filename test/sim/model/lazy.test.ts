// Generated on demand and held in a bounded cache: any minute is rebuilt the same whatever was
// read before it, and a read with a limit builds only the windows it needs, at any volume.
import {join} from 'node:path';
import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import type {SimContext} from '../../../source/sim/context.js';
import {loadScenarioModel, loadScenarioModelFile} from '../../../source/sim/scenario/index.js';
import {createLogsService} from '../../../source/sim/services/logs/index.js';
import {asList, asObject, call} from '../logs-test-world.js';
import {minute, now, records, smallWorld} from './small-world.js';

function context(scenario: {world: SimContext['world']}): SimContext {
	return {world: scenario.world, clock: {now: () => now}, advance: () => undefined};
}

describe('a generated world read in any order', () => {
	const minutes = Array.from({length: 12}, (_, index) => now - 20 * minute + index * minute);
	const reference = (() => {
		const model = loadScenarioModel(smallWorld(), {now});
		return minutes.map((start) => JSON.stringify(records(model, start, start + minute - 1)));
	})();

	it('serves every minute the same, whatever was read before and whatever the cache dropped', () => {
		fc.assert(
			fc.property(
				fc.shuffledSubarray(
					minutes.map((_, index) => index),
					{minLength: 4},
				),
				(order) => {
					// A cache of one byte keeps only what the current read needs (its window).
					const model = loadScenarioModel(smallWorld(), {now, cacheBytes: 1});
					for (const index of order) {
						const start = minutes[index] ?? 0;
						expect(JSON.stringify(records(model, start, start + minute - 1))).toBe(
							reference[index],
						);
					}
				},
			),
			{numRuns: 8},
		);
	});
});

describe('a read with a limit on a busy world', () => {
	it('builds one window for the first page of hours of records, forward or backward', async () => {
		const scenario = await loadScenarioModelFile(join('examples', 'healthy-busy-nlb.json'), {now});
		const logs = createLogsService();
		const answer = asObject(
			await call(
				logs,
				'FilterLogEvents',
				{
					logGroupName: '/vpc/flow-logs',
					startTime: now - 3 * 60 * minute,
					endTime: now,
					limit: 100,
				},
				context(scenario),
			),
		);
		expect(asList(answer.events)).toHaveLength(100);
		expect(answer.nextToken).toBeDefined();
		expect(scenario.model?.cacheStats().windowsBuilt).toBe(1);
		const newest = asObject(
			await call(
				logs,
				'GetLogEvents',
				{logGroupName: '/vpc/flow-logs', logStreamName: 'eni-0a100000000000a01-all', limit: 50},
				context(scenario),
			),
		);
		expect(asList(newest.events)).toHaveLength(50);
		expect(scenario.model?.cacheStats().windowsBuilt).toBe(2);
	});

	it('holds no more than its cache allows while reading a busy half hour window by window', () => {
		const cacheBytes = 1024 * 1024;
		const busy = smallWorld((world) => {
			const traffic = world.traffic as {clients: {connectionsPerMinute: number}[]};
			for (const client of traffic.clients) client.connectionsPerMinute = 1500;
		});
		const scenario = loadScenarioModel(busy, {now, cacheBytes});
		const stream = scenario.world.logGroups[0]?.streams[0];
		expect(stream?.generated).toBeDefined();
		for (let start = now - 29 * minute; start < now - 5 * minute; start += 2 * minute) {
			stream?.generated?.chunk(start);
			const stats = scenario.model?.cacheStats();
			// The cache never drops below one window, so a read of one window finds all of it.
			expect(stats?.bytes ?? 0).toBeLessThanOrEqual(
				Math.max(cacheBytes, stats?.largestWindowBytes ?? 0),
			);
		}
		expect(scenario.model?.cacheStats().windowsBuilt).toBe(12);
		expect(scenario.model?.cacheStats().largestWindowBytes).toBeGreaterThan(cacheBytes / 10);
	});
});
