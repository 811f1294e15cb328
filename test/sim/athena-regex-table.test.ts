// The sim's Athena over a RegexSerDe table, the access log tables of the Athena user guide: each
// line matched whole against `input.regex`, the groups as the columns, an empty group '' in a
// string column and NULL in a number column, and a line that does not match NULL in every column.
import {afterAll, describe, expect, it} from 'vitest';
import {albLine} from '../../source/sim/delivery/access-log-lines.js';
import {accessLogObject} from '../../source/sim/delivery/access-log-objects.js';
import {accessLogTable} from '../../source/sim/delivery/access-log-table.js';
import {AthenaEngine} from '../../source/sim/services/athena/engine.js';
import type {DataLake} from '../../source/sim/world/types.js';

const end = Date.UTC(2026, 11, 6, 10, 5);
const elb = 'app/shop-alb/6f2a9c1e4b7d3a58';
const request = {
	time: end - 60_000,
	elb,
	client: '198.51.100.7',
	clientPort: 40_000,
	elbStatus: 200,
	method: 'GET',
	url: 'http://shop.example.com:80/cart',
	userAgent: 'curl/8.5.0',
	targetGroupArn:
		'arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/web/3c8e1f5a7b2d9e04',
	traceId: 'Root=1-1',
	receivedBytes: 300,
	sentBytes: 2000,
	connTraceId: 'TID_1',
};
const object = accessLogObject({
	prefix: '',
	account: '123456789012',
	region: 'us-east-1',
	type: 'application',
	name: 'shop-alb',
	id: '6f2a9c1e4b7d3a58',
	intervalEnd: end,
	nodeIp: '10.0.0.142',
	deliveredAt: end + 60_000,
	lines: [
		albLine({...request, target: '10.0.10.31:8080', targetTime: 0.25, targetStatus: 200}),
		// The LB answered without a target: target:port and the timings are `-` and -1.
		albLine({...request, elbStatus: 503}),
		'not an access log line',
	],
});
const lake: DataLake = {
	buckets: [{name: 'logs', creationDate: 0, objects: [object]}],
	glueDatabases: [{name: 'elb_logs', createTime: 0}],
	glueTables: [
		accessLogTable({
			databaseName: 'elb_logs',
			name: 'alb',
			type: 'application',
			bucket: 'logs',
			prefix: '',
			accountId: '123456789012',
			region: 'us-east-1',
			createTime: 0,
		}),
	],
	athenaWorkGroups: [],
};

const engine = new AthenaEngine();

afterAll(async () => {
	await engine.close();
});

async function query(sql: string) {
	const outcome = await engine.run(
		{queryString: sql, parameters: [], lake, now: end + 120_000},
		() => undefined,
	);
	if (!outcome.ok) throw new Error(`${outcome.errorName}: ${outcome.message}`);
	return outcome.rows;
}

describe("the sim's Athena over an access log table", () => {
	it('reads the matching lines into the columns and gives NULLs for a line that does not match', async () => {
		const rows = await query(
			"SELECT elb, target_ip, target_port, target_processing_time, elb_status_code, target_status_code, day FROM elb_logs.alb WHERE day = '2026/12/06' ORDER BY elb_status_code NULLS LAST",
		);
		expect(rows).toEqual([
			[elb, '10.0.10.31', '8080', '0.25', '200', '200', '2026/12/06'],
			[elb, '', null, '-1', '503', '-', '2026/12/06'],
			[null, null, null, null, null, null, '2026/12/06'],
		]);
	});

	it('reads the times the queries filter on', async () => {
		const rows = await query(
			`SELECT count(*) FROM elb_logs.alb WHERE from_iso8601_timestamp(time) >= from_unixtime(${(end - 300_000) / 1000}) AND from_iso8601_timestamp(time) < from_unixtime(${end / 1000})`,
		);
		expect(rows).toEqual([['2']]);
	});
});
