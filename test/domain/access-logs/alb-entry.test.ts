import {describe, expect, it} from 'vitest';
import {parseAlbEntry} from '../../../source/domain/access-logs/alb-entry.js';
import {maxLineLength} from '../../../source/domain/access-logs/fields.js';
import {parseAlbEntries} from '../../../source/domain/access-logs/parse-entries.js';
import type {RequestRecord} from '../../../source/domain/types/access-log-records.js';

const tg =
	'arn:aws:elasticloadbalancing:us-east-2:123456789012:targetgroup/my-targets/73e2d6bc24d8a067';

/** The ALB user guide's HTTP example, with the fields added since. */
const httpEntry = `http 2018-07-02T22:23:00.186641Z app/my-loadbalancer/50dc6c495c0c9188 192.168.131.39:2817 10.0.0.1:80 0.000 0.001 0.000 200 200 34 366 "GET http://www.example.com:80/ HTTP/1.1" "curl/7.46.0" - - ${tg} "Root=1-58337262-36d228ad5d99923122bbe354" "-" "-" 0 2018-07-02T22:22:48.364000Z "forward" "-" "-" "10.0.0.1:80" "200" "-" "-" TID_1234abcd`;

function parsed(line: string, keepQueries = false): RequestRecord {
	const result = parseAlbEntry(line, {keepQueries});
	if (!result.ok) {
		throw new Error(result.reason);
	}

	return result.entry;
}

function entryWith(changes: {
	target?: string;
	times?: string;
	codes?: string;
	request?: string;
	userAgent?: string;
	rest?: string;
}): string {
	return [
		'https 2024-03-01T10:00:00.500000Z app/shop-alb/50dc6c495c0c9188 203.0.113.7:51234',
		changes.target ?? '10.0.1.15:8080',
		changes.times ?? '0.001 0.250 0.000',
		changes.codes ?? '200 200',
		'120 5120',
		`"${changes.request ?? 'GET https://shop.example.com:443/cart HTTP/1.1'}"`,
		`"${changes.userAgent ?? 'Mozilla/5.0'}"`,
		`ECDHE-RSA-AES128-GCM-SHA256 TLSv1.2 ${tg}`,
		changes.rest ??
			`"Root=1-65e1a000-0123456789abcdef01234567" "shop.example.com" "arn:aws:acm:us-east-2:123456789012:certificate/abc" 1 2024-03-01T10:00:00.249000Z "forward" "-" "-" "10.0.1.15:8080" "200" "Acceptable" "-" TID_x`,
	].join(' ');
}

describe('ALB access log entries', () => {
	it('reads the documented example with every field', () => {
		const entry = parsed(httpEntry);
		expect(entry).toMatchObject({
			type: 'http',
			time: Date.UTC(2018, 6, 2, 22, 23, 0, 186),
			requestCreationTime: Date.UTC(2018, 6, 2, 22, 22, 48, 364),
			elb: 'app/my-loadbalancer/50dc6c495c0c9188',
			clientAddr: '192.168.131.39',
			clientPort: 2817,
			targetAddr: '10.0.0.1',
			targetPort: 80,
			requestProcessingTime: 0,
			targetProcessingTime: 0.001,
			elbStatusCode: 200,
			targetStatusCode: 200,
			receivedBytes: 34,
			sentBytes: 366,
			method: 'GET',
			scheme: 'http',
			host: 'www.example.com',
			port: 80,
			path: '/',
			hasQuery: false,
			httpVersion: 'HTTP/1.1',
			userAgent: 'curl/7.46.0',
			targetGroupArn: tg,
			matchedRulePriority: '0',
			actionsExecuted: ['forward'],
			targetPortList: ['10.0.0.1:80'],
			targetStatusCodeList: ['200'],
			connTraceId: 'TID_1234abcd',
			extraFields: 0,
		});
		expect(entry.sslCipher).toBeUndefined();
		expect(entry.domainName).toBeUndefined();
		expect(entry.id).toBe(parsed(httpEntry).id);
	});

	it.each([
		{
			name: 'not dispatched: target `-` and -1 timings',
			line: entryWith({target: '-', times: '-1 -1 -1', codes: '503 -'}),
			expected: {elbStatusCode: 503, hasQuery: false},
			absent: [
				'targetAddr',
				'targetPort',
				'requestProcessingTime',
				'targetProcessingTime',
				'targetStatusCode',
			],
		},
		{
			name: 'a target that timed out: 504 and no target status',
			line: entryWith({times: '0.000 -1 -1', codes: '504 -'}),
			expected: {targetAddr: '10.0.1.15', elbStatusCode: 504, requestProcessingTime: 0},
			absent: ['targetProcessingTime', 'targetStatusCode'],
		},
		{
			name: 'a malformed request logged as `- - -`',
			line: entryWith({request: '- - - ', codes: '400 -', target: '-', times: '-1 -1 -1'}),
			expected: {elbStatusCode: 400, hasQuery: false},
			absent: ['method', 'path', 'httpVersion'],
		},
		{
			name: 'an older entry that ends at error_reason',
			line: httpEntry.split(' "10.0.0.1:80"')[0] ?? '',
			expected: {actionsExecuted: ['forward'], targetPortList: []},
			absent: ['classification', 'connTraceId'],
		},
		{
			name: 'fields newer than lbtop are ignored',
			line: `${httpEntry} "transformed.example.com" "/new" "TransformSuccess" future`,
			expected: {extraFields: 4, connTraceId: 'TID_1234abcd'},
			absent: [],
		},
	])('reads $name', ({line, expected, absent}) => {
		const entry = parsed(line);
		expect(entry).toMatchObject(expected);
		for (const key of absent) {
			expect(entry).not.toHaveProperty(key);
		}
	});

	it('keeps the path and hides the query string unless queries are shown', () => {
		const line = entryWith({
			request: 'GET https://shop.example.com:443/login?token=s3cr3t&x=1 HTTP/2.0',
		});
		expect(parsed(line)).toMatchObject({path: '/login', hasQuery: true});
		expect(parsed(line)).not.toHaveProperty('query');
		expect(JSON.stringify(parsed(line))).not.toContain('s3cr3t');
		expect(parsed(line, true)).toMatchObject({path: '/login', query: 'token=s3cr3t&x=1'});
	});

	it('hides the query of a redirect URL too', () => {
		const line = entryWith({
			rest: `"-" "-" "-" 2 2024-03-01T10:00:00.249000Z "redirect" "https://login.example.com:443/cb?code=s3cr3t" "-"`,
		});
		expect(parsed(line).redirectUrl).toBe('https://login.example.com:443/cb?…');
	});

	it.each([
		['an escaped quote', String.raw`Mozilla \"quoted\" agent`, 'Mozilla "quoted" agent'],
		['a hex-escaped quote', String.raw`a\x22b`, 'a"b'],
		['an escaped backslash', String.raw`a\\b`, String.raw`a\b`],
		['an unescaped quote inside', 'Alba 10"Build', 'Alba 10"Build'],
		[
			'an escaped escape character, kept visible',
			String.raw`evil\x1b[31m`,
			String.raw`evil\x1b[31m`,
		],
	])('reads a user agent with %s', (_name, raw, expected) => {
		expect(parsed(entryWith({userAgent: raw})).userAgent).toBe(expected);
	});

	it('strips control and escape sequences from hostile text before anything shows it', () => {
		const hostile = '\u001b]52;c;ZXZpbA==\u0007\u001b[2Jagent\u009b';
		const entry = parsed(
			entryWith({
				userAgent: hostile,
				request: `GET https://x\u001b[1m.example.com/p\u0007ath HTTP/1.1`,
			}),
		);
		for (const value of [entry.userAgent, entry.host, entry.path]) {
			expect(value).not.toMatch(/[\u0000-\u001f\u007f-\u009f]/);
		}
		expect(entry.userAgent).toContain('agent');
	});

	it('cuts very long lines and long values instead of holding them', () => {
		const longAgent = 'A'.repeat(maxLineLength * 2);
		expect(parseAlbEntry(entryWith({userAgent: longAgent})).ok).toBe(false);
		const entry = parsed(entryWith({userAgent: 'B'.repeat(6000)}));
		expect(entry.userAgent?.length).toBeLessThanOrEqual(512);
	});

	it.each([
		['an empty line', '', 'fields'],
		[
			'a flow log record',
			'2 123456789012 eni-0a1b2c3d 10.0.0.1 10.0.0.2 443 49152 6 10 840 1620000000 1620000060 ACCEPT OK',
			'fields',
		],
		['a bad time', entryWith({}).replace('2024-03-01T10:00:00.500000Z', 'yesterday'), 'time'],
		['a bad client', entryWith({}).replace('203.0.113.7:51234', 'client'), 'client:port'],
		['a bad timing', entryWith({times: '0.001 fast 0.000'}), 'target_processing_time'],
		['a bad status', entryWith({codes: '2000 200'}), 'elb_status_code'],
		[
			'an unquoted request',
			entryWith({}).replace('"GET https://shop.example.com:443/cart HTTP/1.1"', 'GET'),
			'',
		],
	])('rejects %s', (_name, line, reason) => {
		const result = parseAlbEntry(line);
		expect(result.ok).toBe(false);
		if (!result.ok) {
			expect(result.reason).toContain(reason);
		}
	});

	it('counts malformed lines and skips blank ones', () => {
		const result = parseAlbEntries([httpEntry, '', 'garbage', httpEntry, 'more garbage \u001b[2J']);
		expect(result.entries).toHaveLength(2);
		expect(result.malformed).toBe(2);
		expect(result.reasons.join(' ')).not.toContain('\u001b');
	});
});
