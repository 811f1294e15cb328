import {describe, expect, it} from 'vitest';
import {
	executeInsightsQuery,
	type InsightsEvent,
	parseInsightsQuery,
} from '../../../source/sim/insights/index.js';
import {event, flowEvents, run} from './flow-log-events.js';

const allBytes = flowEvents.reduce((total, flow) => total + flow.message.length, 0);

describe('query statistics', () => {
	it.each([
		['fields srcAddr', 7, 7],
		['filter action = "REJECT"', 2, 2],
		['filter action = "REJECT" | limit 1', 2, 1],
		['filter action = "NONE"', 0, 0],
		['stats count(*) by bin(1m)', 7, 3],
		['filter action = "ACCEPT" | stats count(*) by srcAddr', 4, 3],
		['stats count(*) as n by srcAddr | filter n > 1', 7, 2],
		['dedup srcAddr', 7, 5],
		['limit 2 | filter action = "ACCEPT"', 4, 1],
		['sort bytes desc | filter action = "REJECT" | stats count(*)', 2, 1],
	])('%s matches %i records and returns %i rows', (query, matched, rowCount) => {
		const {rows, outcome} = run(query);
		expect(outcome.recordsMatched).toBe(matched);
		expect(rows).toHaveLength(rowCount);
	});

	it('scans every event and every byte it is given, whatever the filter keeps', () => {
		for (const query of ['fields srcAddr', 'filter action = "NONE"', 'stats count(*) | limit 1']) {
			const {outcome} = run(query);
			expect(outcome.recordsScanned).toBe(7);
			expect(outcome.bytesScanned).toBe(allBytes);
		}
	});

	it('counts bytes as UTF-8', () => {
		const events = [event('a', 'café ✓'), event('b', '🚀')];
		expect(run('fields @message', events).outcome.bytesScanned).toBe(6 + 3 + 4);
	});

	it('accepts any iterable of events, read once', () => {
		function* once(): Generator<InsightsEvent> {
			yield* flowEvents;
		}
		const outcome = executeInsightsQuery(
			parseInsightsQuery('limit 1 | filter action = "ACCEPT"'),
			once(),
		);
		expect([outcome.recordsScanned, outcome.recordsMatched, outcome.rows.length]).toEqual([
			7, 4, 1,
		]);
	});

	it('filters and counts 100,000 flow log events by bin(1m)', () => {
		const events = Array.from({length: 100_000}, (_, index) =>
			event(
				String(index),
				`2 123456789012 eni-0a1b2c3d 203.0.113.${index % 250} 10.0.1.5 ${40_000 + (index % 2000)} 80 6 10 840 1700000000 1700000060 ${index % 5 === 0 ? 'REJECT' : 'ACCEPT'} OK`,
				index * 36,
			),
		);
		const query = parseInsightsQuery(
			'filter action = "REJECT" | stats count(*) as rejects by bin(1m)',
		);
		const outcome = executeInsightsQuery(query, events);
		expect(outcome.recordsMatched).toBe(20_000);
		expect(outcome.rows).toHaveLength(61);
	});
});
