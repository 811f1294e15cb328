// The access logs in the text summary (`--once`, `y`): the failing target first with its 5XX
// share and timings, the TLS listener's handshakes and alerts, where the figures come from, and
// why there are none; every line within the summary's 100 columns.
import {describe, expect, it} from 'vitest';
import {
	aggregateRequests,
	aggregateTls,
	parseAlbEntries,
	parseNlbEntries,
} from '../../source/domain/access-logs/index.js';
import type {Snapshot} from '../../source/domain/snapshot.js';
import {textSummary} from '../../source/report/text-summary.js';
import {albLine, nlbLine} from '../../source/sim/delivery/access-log-lines.js';
import {fixtureNow, fixtureSnapshot} from '../helpers/snapshot-fixture.js';

const elb = 'app/shop-alb/6f2a9c1e4b7d3a58';
const request = (at: number, target: string, status: number, targetTime: number) =>
	albLine({
		time: fixtureNow - 120_000 + at,
		elb,
		client: '198.51.100.7',
		clientPort: 40_000 + at,
		target,
		targetTime,
		elbStatus: status,
		targetStatus: status,
		method: 'GET',
		url: 'http://shop.example.com:80/cart',
		userAgent: 'curl/8.5.0',
		targetGroupArn:
			'arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/web/3c8e1f5a7b2d9e04',
		traceId: 'Root=1-1',
		receivedBytes: 300,
		sentBytes: 2000,
		connTraceId: 'TID_1',
	});

const lines = [
	...Array.from({length: 8}, (_, at) =>
		request(at, '10.0.10.31:8080', at < 4 ? 500 : 200, at < 4 ? 5.1 : 0.08),
	),
	...Array.from({length: 8}, (_, at) => request(at, '10.0.11.31:8080', 200, 0.06)),
];
const tlsLines = Array.from({length: 10}, (_, at) =>
	nlbLine({
		time: fixtureNow - 60_000 + at,
		elb: 'net/edge/50dc6c495c0c9188',
		listener: 'a1b2c3d4e5f60718',
		client: '203.0.113.9',
		clientPort: 50_000 + at,
		destination: '10.0.0.5:443',
		connectionMs: 400,
		...(at < 2 ? {incomingTlsAlert: 48} : {handshakeMs: 8}),
		receivedBytes: 900,
		sentBytes: 4000,
		...(at < 2 ? {} : {cipher: 'TLS_AES_128_GCM_SHA256', protocol: at === 9 ? 'tlsv10' : 'tlsv13'}),
		createdAt: fixtureNow - 61_000,
	}),
);

function summary(snapshot: Snapshot): string[] {
	return textSummary(snapshot, fixtureNow).split('\n');
}

describe('the access logs in the text summary', () => {
	it('lists the failing target first with its 5XX share and p99, and says the figures come from the objects read', () => {
		const requests = aggregateRequests(parseAlbEntries(lines).entries, {precision: 'provisional'});
		const rows = summary({
			...fixtureSnapshot(),
			requests,
			accessLogs: {
				gaps: [],
				reads: {
					basis: 'objects',
					objectsRead: 2,
					objectsUnread: 0,
					state: {status: 'ok', fetchedAt: fixtureNow},
				},
			},
		});
		const head = rows.findIndex((row) =>
			row.startsWith('Requests (ALB access logs, from the objects read, provisional'),
		);
		expect(head).toBeGreaterThan(0);
		const after = rows.slice(head + 1).filter((row) => row.startsWith('  10.0.'));
		expect(after[0]).toMatch(
			/^ {2}10\.0\.10\.31:8080: 8 req · target 5XX 50% \(4\) · no answer 0 · p50 \d+ ms p99 5\.\d\d s$/,
		);
		expect(after[1]).toMatch(/^ {2}10\.0\.11\.31:8080: 8 req · target 5XX 0% \(0\)/);
		expect(rows.every((row) => row.length <= 100)).toBe(true);
	});

	it("names Athena's table when the figures are Athena's, and shows a TLS listener's handshakes and alerts", () => {
		const tls = aggregateTls(parseNlbEntries(tlsLines).entries, {precision: 'exact'});
		const rows = summary({
			...fixtureSnapshot(),
			tls,
			accessLogs: {
				gaps: [],
				reads: {
					basis: 'athena',
					table: 'elb_logs.nlb_tls_logs',
					objectsRead: 1,
					objectsUnread: 3,
					state: {status: 'ok'},
				},
			},
		});
		expect(rows).toContainEqual(
			expect.stringMatching(
				/^TLS \(NLB access logs, from Athena elb_logs\.nlb_tls_logs, exact · through /,
			),
		);
		// Wrapped rows joined back on.
		const listener =
			rows
				.join('\n')
				.replace(/\n {6}/g, ' ')
				.split('\n')
				.find((row) => row.startsWith('  a1b2c3d4e5f60718:')) ?? '';
		expect(listener).toMatch(
			/10 conns · handshake p50 8 ms p99 8 ms · failed 20% · TLS 1\.0\/1\.1 10% · alerts unknown_ca \(48\) ×2/,
		);
	});

	it('says why there are no access logs', () => {
		const rows = summary({
			...fixtureSnapshot(),
			accessLogs: {
				gaps: [
					{
						kind: 'nlb-without-tls-listener',
						message: 'NLB access logs exist only for TLS listeners',
					},
				],
			},
		});
		expect(rows).toContain('Access logs: NLB access logs exist only for TLS listeners');
	});
});
