import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {
	executeInsightsQuery,
	type InsightsEvent,
	parseInsightsQuery,
} from '../../../source/sim/insights/index.js';
import {compareForSort} from '../../../source/sim/insights/sort-order.js';
import {ids, run} from './flow-log-events.js';

describe('sort and limit', () => {
	it.each([
		['sort bytes desc | limit 3', 'BEA'],
		['sort bytes', 'CFGAEBD'],
		['sort bytes asc', 'CFGAEBD'],
		['sort bytes desc', 'BEAGFCD'],
		['sort action asc, bytes desc', 'BEAGFCD'],
		['sort @timestamp asc | limit 2', 'AB'],
		['sort srcAddr desc, @timestamp asc', 'AECFGBD'],
		['limit 3', 'GFE'],
		['SORT dstPort DESC | LIMIT 1', 'B'],
	])('%s', (query, expected) => {
		expect(ids(query)).toBe(expected);
	});

	it('caps rows at the StartQuery limit, and at the query limit when it is smaller', () => {
		expect(run('fields srcAddr', undefined, {limit: 2}).rows).toHaveLength(2);
		expect(run('fields srcAddr | limit 5', undefined, {limit: 2}).rows).toHaveLength(2);
		expect(run('fields srcAddr | limit 1', undefined, {limit: 5}).rows).toHaveLength(1);
	});

	it('orders values like the Insights docs: text before numbers, digit runs by length', () => {
		const values = [
			'a12345hfh',
			'0',
			'!:',
			'A9876fghj',
			'5A',
			'@_',
			'3',
			'#',
			'111A',
			'2345_',
			'01',
			'*%04',
			'@',
			'1',
			'0#',
			'A',
			'2',
		];
		expect([...values].sort(compareForSort)).toEqual([
			'!:',
			'#',
			'*%04',
			'0#',
			'5A',
			'111A',
			'2345_',
			'@',
			'@_',
			'A',
			'A9876fghj',
			'a12345hfh',
			'0',
			'01',
			'1',
			'2',
			'3',
		]);
	});

	it('sorts numbers by value, not as text', () => {
		expect(
			run('fields srcPort | filter ispresent(srcPort) | sort srcPort asc | limit 2').rows,
		).toEqual([
			{srcPort: '80', '@ptr': 'ptr-B'},
			{srcPort: '33000', '@ptr': 'ptr-G'},
		]);
	});
});

describe('sort and limit over a scan larger than what is kept', () => {
	const eventsOf = (sizes: readonly number[]): InsightsEvent[] =>
		sizes.map((bytes, index) => ({
			timestamp: 1_700_000_000_000 + Math.floor(index / 3) * 1000,
			ingestionTime: 1_700_000_100_000,
			message: `2 123456789012 eni-0a 203.0.113.9 10.0.0.5 4000 80 6 1 ${bytes} 1 2 ACCEPT OK`,
			logStream: 'eni-0a-all',
			logGroup: '123456789012:/flows',
			ptr: `ptr-${index}`,
		}));
	const ptrs = (query: string, events: readonly InsightsEvent[]) =>
		executeInsightsQuery(parseInsightsQuery(query), events).rows.map(
			(row) => row.find((cell) => cell.field === '@ptr')?.value ?? '',
		);

	it('returns what sorting every row would, ties in scan order', () => {
		fc.assert(
			fc.property(
				fc.array(fc.integer({min: 40, max: 60}), {minLength: 2500, maxLength: 4000}),
				fc.integer({min: 1, max: 40}),
				(sizes, count) => {
					const events = eventsOf(sizes);
					const expected = events
						.map((event, index) => ({index, bytes: sizes[index] ?? 0, ptr: event.ptr}))
						.sort((left, right) => right.bytes - left.bytes || left.index - right.index)
						.slice(0, count)
						.map((item) => item.ptr);
					expect(ptrs(`fields bytes | sort bytes desc | limit ${count}`, events)).toEqual(expected);
				},
			),
			{numRuns: 15},
		);
	});
});

describe('dedup', () => {
	it.each([
		['fields srcAddr | dedup srcAddr', 'GFEDB'],
		['sort @timestamp asc | dedup srcAddr | limit 2', 'AB'],
		['dedup interfaceId, action', 'GFDCB'],
		['filter action = "REJECT" | dedup interfaceId', 'FC'],
	])('%s', (query, expected) => {
		expect(ids(query)).toBe(expected);
	});
});
