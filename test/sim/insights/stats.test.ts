import {describe, expect, it} from 'vitest';
import {run} from './flow-log-events.js';

describe('stats', () => {
	it('counts per minute with bin(1m), the bucket named bin(1m) and shown as a timestamp', () => {
		expect(run('stats count(*) by bin(1m)').rows).toEqual([
			{'bin(1m)': '2023-11-14 22:15:00.000', 'count(*)': '1'},
			{'bin(1m)': '2023-11-14 22:14:00.000', 'count(*)': '2'},
			{'bin(1m)': '2023-11-14 22:13:00.000', 'count(*)': '4'},
		]);
	});

	it('sums bytes by source address', () => {
		const query =
			'filter action = "ACCEPT" | stats sum(bytes) as totalBytes, count(*) as flows by srcAddr | sort totalBytes desc';
		expect(run(query).rows).toEqual([
			{srcAddr: '10.0.1.5', totalBytes: '4200', flows: '1'},
			{srcAddr: '203.0.113.12', totalBytes: '2440', flows: '2'},
			{srcAddr: '192.0.2.44', totalBytes: '210', flows: '1'},
		]);
	});

	it('computes several aggregations at once', () => {
		const query =
			'stats avg(bytes), min(bytes), max(bytes), pct(bytes, 50), count_distinct(srcAddr), count(srcAddr), count(*), count()';
		expect(run(query).rows).toEqual([
			{
				'avg(bytes)': '1171.6666666666667',
				'min(bytes)': '60',
				'max(bytes)': '4200',
				'pct(bytes, 50)': '210',
				'count_distinct(srcAddr)': '4',
				'count(srcAddr)': '6',
				'count(*)': '7',
				'count()': '7',
			},
		]);
	});

	it('groups by several fields, a missing value making its own group', () => {
		const query =
			'stats count(*) as flows by interfaceId, action | sort interfaceId asc, action asc';
		expect(run(query).rows).toEqual([
			{interfaceId: 'eni-0a1b2c3d', action: 'ACCEPT', flows: '2'},
			{interfaceId: 'eni-0a1b2c3d', action: 'REJECT', flows: '1'},
			{interfaceId: 'eni-0a1b2c3d', flows: '1'},
			{interfaceId: 'eni-0e5f6a7b', action: 'ACCEPT', flows: '2'},
			{interfaceId: 'eni-0e5f6a7b', action: 'REJECT', flows: '1'},
		]);
	});

	it('names a bucket by its alias and sorts by it', () => {
		expect(
			run('stats sum(packets) as packets by bin(2m) as minute | sort minute asc').rows,
		).toEqual([
			{minute: '2023-11-14 22:12:00.000', packets: '19'},
			{minute: '2023-11-14 22:14:00.000', packets: '25'},
		]);
	});

	it('combines earlier results in later stats expressions', () => {
		const query = 'stats sum(bytes) as b, sum(packets) as p, b / p as perPacket';
		expect(run(query).rows).toEqual([{b: '7030', p: '44', perPacket: '159.77272727272728'}]);
	});

	it('answers an ungrouped stats over nothing with zero, and a grouped one with no rows', () => {
		expect(run('filter action = "NONE" | stats count(*)').rows).toEqual([{'count(*)': '0'}]);
		expect(run('filter action = "NONE" | stats count(*) by srcAddr').rows).toEqual([]);
	});

	it('filters and sorts stats results, also by the aggregate as written', () => {
		expect(run('stats count(*) as n by srcAddr | filter n > 1 | sort srcAddr asc').rows).toEqual([
			{srcAddr: '198.51.100.7', n: '2'},
			{srcAddr: '203.0.113.12', n: '2'},
		]);
		expect(
			run('stats count(*) by srcAddr | sort count(*) desc, srcAddr asc | limit 1').rows,
		).toEqual([{srcAddr: '198.51.100.7', 'count(*)': '2'}]);
	});

	it('runs a second stats over the results of the first', () => {
		const query =
			'filter ispresent(srcAddr) | stats count(*) as n by srcAddr | stats count(*) as sources, sum(n) as flows';
		expect(run(query).rows).toEqual([{sources: '4', flows: '6'}]);
	});

	it('finds the earliest and latest values by event time', () => {
		expect(run('stats earliest(srcAddr) as first, latest(srcAddr) as last').rows).toEqual([
			{first: '203.0.113.12', last: '192.0.2.44'},
		]);
	});

	it('aggregates expressions and groups by computed values', () => {
		const query =
			'stats max(bytes / packets) as biggest by dstPort > 1000 as highPort | sort highPort asc';
		expect(run(query).rows).toEqual([
			{highPort: '0', biggest: '84'},
			{highPort: '1', biggest: '525'},
		]);
	});
});
