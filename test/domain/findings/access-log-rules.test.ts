// The access log rules on worlds written by hand: each names what the logs prove, scaled to the
// LB's own traffic, and stays quiet on a busy healthy ALB.
import {describe, expect, it} from 'vitest';
import {accessLogEvidenceText} from '../../../source/domain/access-logs/evidence-text.js';
import {accessLogsSetup} from '../../../source/domain/access-logs/setup.js';
import {evaluateFindings} from '../../../source/domain/findings/evaluate-findings.js';
import type {Finding, Snapshot} from '../../../source/domain/snapshot.js';
import {many, without} from '../access-logs/request-builder.js';
import {
	albSnapshot,
	albTarget,
	answered5xx,
	connection,
	listenerId,
	nlbSnapshot,
	timedOutAt,
	to,
	undispatchedAt,
} from './access-log-worlds.js';
import {buildSnapshot, ids, now} from './snapshot-builder.js';

const accessLogRules = new Set([
	'target-5xx',
	'target-no-answer',
	'slow-target',
	'not-dispatched',
	'tls-handshake-failures',
	'old-tls',
	'access-log-gap',
]);

function accessLogFindings(snapshot: Snapshot): Finding[] {
	return evaluateFindings(snapshot).filter((finding) => accessLogRules.has(finding.rule));
}

const summary = (findings: readonly Finding[]) =>
	findings.map((finding) => [finding.rule, finding.severity]).sort();

/** A busy, healthy ALB: 4 targets × 2,000 requests, 2% 404s, a stray 500 each, a few slow requests. */
function busyHealthy() {
	const targets = [0, 1, 2, 3].map((index) => albTarget(index));
	const entries = targets.flatMap((_, index) =>
		many(2000, (n) => {
			const time = 0.03 + ((n * 7) % 40) / 1000;
			if (n % 50 === 0) {
				return to(index, n * 389, {
					elbStatusCode: 404,
					targetStatusCode: 404,
					targetProcessingTime: time,
				});
			}

			if (n === 777) {
				return to(index, n * 389, {
					elbStatusCode: 500,
					targetStatusCode: 500,
					targetProcessingTime: time,
				});
			}

			return to(index, n * 389, {targetProcessingTime: n % 700 === 1 ? 8 : time});
		}),
	);
	return albSnapshot(entries, targets);
}

describe('access log findings', () => {
	it.each([
		{
			name: 'a quiet ALB with one failing target',
			snapshot: () =>
				albSnapshot([
					...many(2, (n) => to(0, n * 60_000)),
					...many(4, (n) => answered5xx(0, n * 90_000)),
					...many(5, (n) => to(1, n * 60_000)),
				]),
			expected: [['target-5xx', 'critical']],
		},
		{
			name: 'a busy healthy ALB with 4XX noise and a few slow requests',
			snapshot: busyHealthy,
			expected: [],
		},
		{
			name: 'a target timing out (LB 504, no target status)',
			snapshot: () =>
				albSnapshot([
					...many(4, (n) => to(1, n * 60_000)),
					...many(6, (n) => timedOutAt(1, n * 70_000)),
					...many(10, (n) => to(0, n * 60_000)),
				]),
			expected: [['target-no-answer', 'critical']],
		},
		{
			name: 'a busy ALB where one target fails a tiny share of its requests',
			snapshot: () =>
				albSnapshot([
					...many(2000, (n) => (n % 200 === 0 ? answered5xx(0, n * 300) : to(0, n * 300))),
					...many(2000, (n) => to(1, n * 300)),
				]),
			expected: [],
		},
		{
			name: 'a quiet ALB with two failed requests (an anecdote, not yet a finding)',
			snapshot: () => albSnapshot([...many(2, (n) => answered5xx(0, n)), to(1, 0)]),
			expected: [],
		},
		{
			name: 'one slow target among fast ones',
			snapshot: () =>
				albSnapshot(
					[0, 1, 2, 3].flatMap((index) =>
						many(30, (n) =>
							to(index, n * 20_000, {targetProcessingTime: index === 2 ? 2 + (n % 5) / 10 : 0.05}),
						),
					),
					[0, 1, 2, 3].map((index) => albTarget(index)),
				),
			expected: [['slow-target', 'warning']],
		},
		{
			name: 'requests never dispatched (503, no target to send them to)',
			snapshot: () =>
				albSnapshot([
					...many(20, (n) => undispatchedAt(n * 30_000)),
					...many(40, (n) => to(n % 2, n * 20_000)),
				]),
			expected: [['not-dispatched', 'warning']],
		},
		{
			name: 'redirects and WAF blocks, which never go to a target on purpose',
			snapshot: () =>
				albSnapshot([
					...many(30, (n) =>
						undispatchedAt(n, {elbStatusCode: 301, actionsExecuted: ['redirect']}),
					),
					...many(10, (n) => undispatchedAt(n, {elbStatusCode: 403, actionsExecuted: ['waf']})),
					...many(20, (n) => to(n % 2, n * 20_000)),
				]),
			expected: [],
		},
	])('$name', ({snapshot, expected}) => {
		expect(summary(accessLogFindings(snapshot()))).toEqual(expected);
	});

	it('says a failing target is healthy by its checks, names its instance and points at its requests', () => {
		const snapshot = albSnapshot([
			...many(4, (n) => answered5xx(0, n * 90_000)),
			...many(5, (n) => to(1, n)),
		]);
		const [finding] = accessLogFindings(snapshot);
		expect(finding?.title).toBe(
			'Target 10.0.0.10:80 (i-0aaa1111bbbb20000, web-tg) answers 5XX to 100% of its requests (4 of 4) while its health checks pass; 1 other targets of its group answer normally',
		);
		expect(finding?.evidence.map((ref) => ref.kind)).toEqual([
			'requests',
			'request',
			'request',
			'request',
			'request',
			'target',
			'requests',
		]);
		expect(finding?.since).toBe(
			Math.min(...(snapshot.requests?.failing ?? []).map((record) => record.time)),
		);
		for (const ref of finding?.evidence ?? []) {
			if (ref.kind === 'requests' || ref.kind === 'request') {
				expect(accessLogEvidenceText(ref, snapshot)).not.toContain('no longer in the window');
			}
		}
	});

	it.each([
		['began within the logs read', 5 * 60_000, false],
		['were already there where the logs read begin (15 minutes)', 14 * 60_000 + 30_000, true],
	])('says whether the failures %s', (_name, age, before) => {
		const failed = () => to(0, 0, {elbStatusCode: 500, targetStatusCode: 500, time: now - age});
		const [finding] = accessLogFindings(
			albSnapshot([...many(4, failed), ...many(4, (n) => to(1, n))]),
		);
		expect(finding?.since).toBe(now - age);
		expect(finding?.sinceBefore === true).toBe(before);
	});

	it('tells a target that closed connections (502) from one that timed out', () => {
		const closed = (n: number) =>
			without(to(0, n * 30_000, {elbStatusCode: 502}), 'targetStatusCode', 'targetProcessingTime');
		const [finding] = accessLogFindings(
			albSnapshot([...many(5, closed), ...many(5, (n) => to(0, n))]),
		);
		expect(finding?.rule).toBe('target-no-answer');
		expect(finding?.title).toMatch(
			/^The LB answered 502 ×5 for 50% of the requests sent to 10\.0\.0\.10:80 .*the connection closed/,
		);
		expect(finding?.next).toMatch(/keep-alive/);
	});

	it('sends the engineer to the target, not the network, when its peers are fine', () => {
		const [finding] = accessLogFindings(
			albSnapshot([...many(5, (n) => answered5xx(1, n)), ...many(50, (n) => to(0, n))]),
		);
		expect(finding?.next).toMatch(/only 10\.0\.1\.10:80 .* fails/);
	});
});

describe('TLS findings', () => {
	const completed = (n: number) => connection(n * 10_000);
	const failed = (n: number, alert: number) =>
		without(
			connection(n * 10_000, {incomingTlsAlert: alert}),
			'tlsCipher',
			'tlsProtocolVersion',
			'handshakeTimeMs',
		);
	const probe = (n: number) =>
		without(
			connection(n * 10_000),
			'tlsCipher',
			'tlsProtocolVersion',
			'handshakeTimeMs',
			'chosenCertArn',
			'domainName',
		);

	it('names failing handshakes with the alerts clients sent', () => {
		const snapshot = nlbSnapshot([...many(90, completed), ...many(10, (n) => failed(n, 48))]);
		const findings = accessLogFindings(snapshot);
		expect(summary(findings)).toEqual([['tls-handshake-failures', 'warning']]);
		expect(findings[0]?.title).toBe(
			`TLS handshakes fail on listener TLS:443 (${listenerId}): 10 of 100 clients (10%); alerts: unknown_ca (48) ×10`,
		);
		expect(findings[0]?.next).toMatch(/certificate/);
		expect(accessLogEvidenceText({kind: 'tls-listener', listener: listenerId}, snapshot)).toMatch(
			/10 failed handshakes/,
		);
	});

	it('leaves out port scans that never sent a ClientHello', () => {
		expect(accessLogFindings(nlbSnapshot([...many(20, completed), ...many(200, probe)]))).toEqual(
			[],
		);
	});

	it('says clients on TLS 1.0/1.1 as info', () => {
		const findings = accessLogFindings(
			nlbSnapshot([
				...many(97, completed),
				...many(3, (n) => connection(n, {tlsProtocolVersion: 'tlsv11'})),
			]),
		);
		expect(summary(findings)).toEqual([['old-tls', 'info']]);
		expect(findings[0]?.title).toMatch(/3 of 100 connections \(3\.0%\)/);
	});
});

describe('access log gaps', () => {
	it('says access logs are off and gives the command, never running it', () => {
		const accessLogs = accessLogsSetup({
			attributes: {},
			type: 'application',
			arn: ids.lbArn,
			account: ids.account,
			region: 'us-east-1',
			listenerProtocols: ['HTTP'],
		});
		const findings = accessLogFindings(buildSnapshot({accessLogs}));
		expect(summary(findings)).toEqual([['access-log-gap', 'info']]);
		expect(findings[0]?.next).toContain('aws elbv2 modify-load-balancer-attributes');
		expect(findings[0]?.evidence).toEqual([{kind: 'gap', gap: 'access-logs-off'}]);
		expect(now).toBeGreaterThan(0);
	});
});
