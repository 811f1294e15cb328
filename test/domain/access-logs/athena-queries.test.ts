import {describe, expect, it} from 'vitest';
import {
	albGroupingSets,
	albRequestLinesQuery,
	albTargetStatsQuery,
} from '../../../source/domain/access-logs/athena-alb-queries.js';
import {
	nlbGroupingSets,
	nlbListenerStatsQuery,
} from '../../../source/domain/access-logs/athena-nlb.js';
import type {AthenaQuery} from '../../../source/domain/access-logs/athena-sql.js';

const table = {database: 'logs', name: 'alb_access_logs'};
const range = {
	elb: 'app/shop-alb/50dc6c495c0c9188',
	start: Date.UTC(2025, 0, 15, 13, 30),
	end: Date.UTC(2025, 0, 15, 13, 45),
};

const placeholders = (query: AthenaQuery) => query.sql.split('?').length - 1;

/**
 * What grouping(a, b, …) returns for each grouping set of the query, computed from its own text:
 * bit 1 for each argument not in the set, the last argument the lowest bit.
 */
function groupingValues(sql: string): number[] {
	const args = (/grouping\(([^)]*)\) AS grouping_set/.exec(sql)?.[1] ?? '').split(', ');
	const sets = /GROUPING SETS \(\s*([\s\S]*?)\s*\)\s*ORDER BY/.exec(sql)?.[1] ?? '';
	return [...sets.matchAll(/\(([^()]*)\)/g)].map((set) => {
		const columns = (set[1] ?? '').split(', ');
		return args.reduce((bits, arg) => bits * 2 + (columns.includes(arg) ? 0 : 1), 0);
	});
}

describe('Athena queries for access logs', () => {
	it.each([
		['ALB per-target figures', albTargetStatsQuery(table, range)],
		['ALB request lines', albRequestLinesQuery(table, range)],
		[
			'NLB per-listener figures',
			nlbListenerStatsQuery({database: 'logs', name: 'nlb_tls_logs'}, range),
		],
	])(
		'%s: pruned by day, filtered exactly on time and on the LB, values as parameters',
		(_name, query) => {
			expect(query.parameters).toEqual([
				"'2025/01/15'",
				"'2025/01/15'",
				"'app/shop-alb/50dc6c495c0c9188'",
				String(range.start / 1000),
				String(range.end / 1000),
			]);
			expect(placeholders(query)).toBe(query.parameters.length);
			expect(query.sql).toContain('day BETWEEN ? AND ?');
			expect(query.sql).toContain('elb = ?');
			expect(query.sql).toContain('from_iso8601_timestamp(time) >= from_unixtime(?)');
			expect(query.sql).toContain('from_iso8601_timestamp(time) < from_unixtime(?)');
			expect(query.sql).not.toContain('shop-alb');
		},
	);

	it('reads the next day too when the range ends near midnight (files are filed by delivery date)', () => {
		const late = {
			...range,
			start: Date.UTC(2025, 0, 15, 23, 30),
			end: Date.UTC(2025, 0, 15, 23, 55),
		};
		expect(albTargetStatsQuery(table, late).parameters.slice(0, 2)).toEqual([
			"'2025/01/15'",
			"'2025/01/16'",
		]);
	});

	it('names each grouping set by the value grouping() gives it', () => {
		expect(groupingValues(albTargetStatsQuery(table, range).sql)).toEqual([
			albGroupingSets.target,
			albGroupingSets.errorReason,
			albGroupingSets.classification,
			albGroupingSets.lbCode,
			albGroupingSets.minute,
			albGroupingSets.tlsProtocol,
		]);
		expect(groupingValues(nlbListenerStatsQuery(table, range).sql)).toEqual([
			nlbGroupingSets.listener,
			nlbGroupingSets.sni,
			nlbGroupingSets.protocol,
			nlbGroupingSets.cipher,
			nlbGroupingSets.alert,
		]);
	});

	it('asks for the slowest and the failing lines within a bounded count', () => {
		const {sql} = albRequestLinesQuery(table, range, 5000);
		expect(sql).toContain('slow_rank <= 1000');
		expect(sql).toContain('FROM "logs"."alb_access_logs"');
	});

	it.each([
		[
			'an LB that is not an ELB resource id',
			() => albTargetStatsQuery(table, {...range, elb: "x' OR '1'='1"}),
		],
		[
			'a table name with SQL in it',
			() => albTargetStatsQuery({database: 'logs', name: 'a"; DROP'}, range),
		],
		[
			'a range that ends before it starts',
			() => albTargetStatsQuery(table, {...range, end: range.start}),
		],
	])('refuses %s', (_name, build) => {
		expect(build).toThrow();
	});
});
