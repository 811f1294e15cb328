import {describe, expect, it} from 'vitest';
import {accessLogEvidenceText} from '../../../source/domain/access-logs/evidence-text.js';
import {aggregateRequests} from '../../../source/domain/access-logs/requests-accumulator.js';
import {aggregateTls} from '../../../source/domain/access-logs/tls-accumulator.js';
import {
	many,
	minute,
	notDispatched,
	now,
	request,
	target5xx,
	tgArn,
	timedOut,
	tls,
} from './request-builder.js';

const coverage = {start: now - 10 * minute, end: now};
const failing = target5xx({path: '/pay', hasQuery: true, time: Date.UTC(2025, 0, 15, 13, 44, 2)});
const views = {
	requests: aggregateRequests(
		[...many(7, () => request()), failing, timedOut(), ...many(2, () => notDispatched())],
		{precision: 'exact', coverage},
	),
	tls: aggregateTls([tls(), tls({tlsProtocolVersion: 'tlsv10'})], {precision: 'exact', coverage}),
};

describe('access log evidence lines', () => {
	it.each([
		[
			{kind: 'requests' as const, target: '10.0.1.10:8080', targetGroupArn: tgArn},
			'target 10.0.1.10:8080 shop-tg: 9 requests, target 5XX 1, LB 5XX 1 (504 ×1), no answer 1, p50 50 ms p99 50 ms',
		],
		[
			{kind: 'requests' as const, targetGroupArn: tgArn},
			'not dispatched shop-tg: 2 requests, LB 5XX 2 (503 ×2)',
		],
		[
			{kind: 'request' as const, id: failing.id},
			'13:44:02 UTC GET /pay?… → 500 (target 500) 10.0.1.10:8080 50 ms',
		],
		[
			{kind: 'tls-listener' as const, listener: 'g3d4b5e8bb8464cd'},
			'listener g3d4b5e8bb8464cd: 2 connections, 0 failed handshakes, p50 8 ms p99 8 ms, TLS 1.0/1.1 1',
		],
		[{kind: 'request' as const, id: 'r-gone'}, 'request r-gone (no longer in the window)'],
		[
			{kind: 'requests' as const, target: '10.9.9.9:80'},
			'target 10.9.9.9:80 (no longer in the window)',
		],
	])('%j reads %j', (evidence, expected) => {
		expect(accessLogEvidenceText(evidence, views)).toBe(expected);
	});
});
