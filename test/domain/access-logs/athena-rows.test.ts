import {describe, expect, it} from 'vitest';
import {albGroupingSets} from '../../../source/domain/access-logs/athena-alb-queries.js';
import {requestsFromAthena} from '../../../source/domain/access-logs/athena-alb-rows.js';
import {nlbGroupingSets, tlsFromAthena} from '../../../source/domain/access-logs/athena-nlb.js';
import {rowsByName} from '../../../source/domain/access-logs/athena-sql.js';
import {aggregateRequests} from '../../../source/domain/access-logs/requests-accumulator.js';
import {
	many,
	minute,
	notDispatched,
	now,
	request,
	target5xx,
	tgArn,
	timedOut,
} from './request-builder.js';

const coverage = {start: now - 5 * minute, end: now};
const at = new Date(now - minute).toISOString().replace('Z', '000Z');
const failedAt = new Date(now - 2 * minute).toISOString().replace('Z', '000Z');

/** One target: 3 answered, 2 answered 500, 1 timed out (504); one request never dispatched (503). */
const entries = [
	...many(3, () => request()),
	...many(2, () => target5xx({time: now - 2 * minute})),
	timedOut(),
	notDispatched(),
];

/** What Athena returns for the per-target query over those entries (every value text). */
const statsRows = [
	{
		grouping_set: String(albGroupingSets.minute),
		minute_start: String((now - 2 * minute) / 1000),
		requests: '2',
		target_5xx: '2',
		elb_5xx: '0',
		not_dispatched: '0',
	},
	{
		grouping_set: String(albGroupingSets.minute),
		minute_start: String((now - minute) / 1000),
		requests: '5',
		target_5xx: '0',
		elb_5xx: '2',
		not_dispatched: '1',
	},
	{
		grouping_set: String(albGroupingSets.target),
		target: '10.0.1.10:8080',
		target_group_arn: tgArn,
		requests: '6',
		target_5xx: '2',
		elb_5xx: '1',
		status_4xx: '0',
		no_answer: '1',
		not_dispatched: '0',
		by_design: '0',
		timed: '5',
		p50: '0.05',
		p99: '0.05',
		max_time: '0.05',
		first_seen: failedAt,
		last_seen: at,
		first_failure: failedAt,
		last_failure: at,
	},
	{
		grouping_set: String(albGroupingSets.target),
		target: '-',
		target_group_arn: tgArn,
		requests: '1',
		target_5xx: '0',
		elb_5xx: '1',
		status_4xx: '0',
		no_answer: '0',
		not_dispatched: '1',
		by_design: '0',
		timed: '0',
		p50: '',
		p99: '',
		max_time: '',
		first_seen: at,
		last_seen: at,
		first_failure: at,
		last_failure: at,
	},
	{
		grouping_set: String(albGroupingSets.lbCode),
		target: '10.0.1.10:8080',
		target_group_arn: tgArn,
		lb_code: '504',
		requests: '1',
	},
	{
		grouping_set: String(albGroupingSets.lbCode),
		target: '10.0.1.10:8080',
		target_group_arn: tgArn,
		lb_code: '',
		requests: '5',
	},
	{
		grouping_set: String(albGroupingSets.lbCode),
		target: '-',
		target_group_arn: tgArn,
		lb_code: '503',
		requests: '1',
	},
	{
		grouping_set: String(albGroupingSets.errorReason),
		target: '10.0.1.10:8080',
		target_group_arn: tgArn,
		error_reason: '',
		requests: '6',
	},
	{grouping_set: String(albGroupingSets.tlsProtocol), tls_protocol: 'TLSv1.2', requests: '7'},
];

const failingLine = {
	type: 'https',
	time: at,
	elb: 'app/shop-alb/50dc6c495c0c9188',
	client_ip: '203.0.113.7',
	client_port: '40001',
	target_ip: '10.0.1.10',
	target_port: '8080',
	request_processing_time: '0.0',
	target_processing_time: '-1.0',
	response_processing_time: '-1.0',
	elb_status_code: '504',
	target_status_code: '-',
	received_bytes: '200',
	sent_bytes: '2000',
	request_verb: 'GET',
	request_url: 'https://shop.example.com:443/pay?card=4111111111111111',
	request_proto: 'HTTP/1.1',
	user_agent: 'Mozilla/5.0 \u001b[2J "quoted"',
	ssl_cipher: 'ECDHE-RSA-AES128-GCM-SHA256',
	ssl_protocol: 'TLSv1.2',
	target_group_arn: tgArn,
	trace_id: 'Root=1-abc',
	domain_name: 'shop.example.com',
	chosen_cert_arn: '-',
	matched_rule_priority: '1',
	request_creation_time: at,
	actions_executed: 'forward',
	redirect_url: '-',
	lambda_error_reason: '-',
	target_port_list: '10.0.1.10:8080',
	target_status_code_list: '-',
	classification: '-',
	classification_reason: '-',
	conn_trace_id: 'TID_1',
	slowest: 'false',
	failing: 'true',
};

describe('Athena answers into the Requests view', () => {
	const fromObjects = aggregateRequests(entries, {precision: 'provisional', coverage});
	const fromAthena = requestsFromAthena(statsRows, [failingLine], {coverage});

	it('gives the figures the objects give, marked exact with Athena percentiles', () => {
		expect(fromAthena).toMatchObject({
			precision: 'exact',
			percentiles: 'athena',
			coverage,
			entriesRead: 7,
		});
		expect(fromAthena.totals).toEqual(fromObjects.totals);
		expect(fromAthena.timeline).toEqual(fromObjects.timeline);
		expect(fromAthena.tlsProtocols).toEqual(fromObjects.tlsProtocols);
		expect(fromAthena.notDispatched).toEqual(fromObjects.notDispatched);
		const [row] = fromAthena.targets;
		const {targetTime, ...counts} = row ?? {targetTime: undefined};
		const {targetTime: objectTime, ...objectCounts} = fromObjects.targets[0] ?? {
			targetTime: undefined,
		};
		expect(counts).toEqual(objectCounts);
		expect(targetTime).toEqual({count: 5, p50: 0.05, p99: 0.05, max: 0.05});
		expect(objectTime?.p50).toBeCloseTo(0.05, 3);
	});

	it('reads request lines like log lines: sanitized, query hidden, -1 timings absent', () => {
		const [line] = fromAthena.failing;
		expect(line).toMatchObject({
			elbStatusCode: 504,
			targetAddr: '10.0.1.10',
			path: '/pay',
			hasQuery: true,
			connTraceId: 'TID_1',
		});
		expect(line).not.toHaveProperty('targetProcessingTime');
		expect(JSON.stringify(line)).not.toContain('4111');
		expect(line?.userAgent).not.toMatch(/\u001b/);
		expect(fromAthena.slowest).toEqual([]);
	});
});

describe('Athena answers into the TLS view', () => {
	it('reads per-listener figures and the mix, decoding SNI names', () => {
		const rows = [
			{
				grouping_set: String(nlbGroupingSets.listener),
				listener_id: 'g3d4',
				connections: '10',
				failed: '2',
				without_hello: '1',
				old_protocol: '3',
				timed: '7',
				p50: '8.0',
				p99: '40.0',
				max_time: '41.0',
				first_seen: '2025-01-15T13:40:00',
				last_seen: '2025-01-15T13:44:00',
				first_failure: '2025-01-15T13:41:00',
				last_failure: '2025-01-15T13:42:00',
			},
			{
				grouping_set: String(nlbGroupingSets.sni),
				listener_id: 'g3d4',
				sni: 'api.example.com',
				connections: '9',
			},
			{
				grouping_set: String(nlbGroupingSets.sni),
				listener_id: 'g3d4',
				sni: 'evil%1B%5B2J.example.com',
				connections: '1',
			},
			{
				grouping_set: String(nlbGroupingSets.alert),
				listener_id: 'g3d4',
				alert: '40',
				connections: '2',
			},
			{
				grouping_set: String(nlbGroupingSets.protocol),
				listener_id: 'g3d4',
				protocol: 'tlsv10',
				connections: '3',
			},
		];
		const view = tlsFromAthena(rows, coverage);
		expect(view).toMatchObject({precision: 'exact', percentiles: 'athena', entriesRead: 10});
		expect(view.listeners[0]).toMatchObject({
			listener: 'g3d4',
			connections: 10,
			perMinute: 2,
			failedHandshakes: 2,
			withoutClientHello: 1,
			oldProtocol: 3,
			handshake: {count: 7, p50: 8, p99: 40, max: 41},
			alerts: {top: [{name: 'handshake_failure (40)', count: 2}], other: 0},
			protocols: {top: [{name: 'tlsv10', count: 3}], other: 0},
			firstFailure: Date.UTC(2025, 0, 15, 13, 41),
		});
		expect(view.listeners[0]?.sniNames.top.map((entry) => entry.name).join(' ')).not.toMatch(
			/\u001b/,
		);
	});
});

describe("the runner's answer by column name", () => {
	it('names each cell by its column and leaves SQL NULL out', () => {
		expect(rowsByName(['target', 'p50', 'requests'], [['10.0.1.10:8080', null, '6']])).toEqual([
			{target: '10.0.1.10:8080', requests: '6'},
		]);
	});
});
