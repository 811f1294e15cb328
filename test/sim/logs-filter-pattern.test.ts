import {describe, expect, it} from 'vitest';
import {compileFilterPattern} from '../../source/sim/services/logs/filter-pattern.js';

const flowFields =
	'[version, account, eni, source, destination, srcport, destport, protocol, packets, bytes, windowstart, windowend, action, flowlogstatus]';
const accept443 =
	'2 123456789012 eni-0aaa 198.51.100.7 10.0.1.10 50000 443 6 10 840 1700000000 1700000060 ACCEPT OK';
const reject22 =
	'2 123456789012 eni-0bbb 203.0.113.9 10.0.2.20 41000 22 6 3 180 1700000000 1700000060 REJECT OK';
const nodata = '2 123456789012 eni-0ccc - - - - - - - 1700000000 1700000060 - NODATA';

function matches(pattern: string, message: string): boolean {
	return compileFilterPattern(pattern)(message);
}

describe('term patterns', () => {
	it.each([
		['', 'anything', true],
		['ERROR', '[ERROR] A fatal exception has occurred', true],
		['ERROR', 'Exiting with ERRORCODE: -1', true],
		['ERROR', 'error in lower case', false],
		['ERROR Exception', '[ERROR] Unhandled Exception', true],
		['ERROR Exception', '[ERROR] Unhandled failure', false],
		['"Failed to process"', '[WARN] Failed to process the request', true],
		['"Failed to process"', '[WARN] Failed while trying to process', false],
		['ERROR -Exiting', 'Exiting with ERRORCODE: -1', false],
		['"ERROR" - "Exiting"', '[ERROR] other', true],
		['?ERROR ?WARN', 'WARN message', true],
		['?ERROR ?WARN', 'INFO message', false],
		['REJECT', reject22, true],
		['REJECT', accept443, false],
		['%REJ[E]CT OK$%', reject22, true],
		['%^3 %', reject22, false],
	])('%j against %j -> %s', (pattern, message, expected) => {
		expect(matches(pattern, message)).toBe(expected);
	});
});

describe('space-delimited patterns', () => {
	const withCondition = (slot: string, condition: string) =>
		flowFields.replace(new RegExp(`\\b${slot}\\b`), `${slot}${condition}`);

	it.each([
		[flowFields, accept443, true],
		[withCondition('action', '="REJECT"'), reject22, true],
		[withCondition('action', '="REJECT"'), accept443, false],
		[withCondition('destport', '="443"'), accept443, true],
		[withCondition('destport', '=443'), accept443, true],
		[withCondition('destport', '!=443'), accept443, false],
		[withCondition('bytes', '>500'), accept443, true],
		[withCondition('bytes', '>500'), reject22, false],
		[withCondition('bytes', '<=180'), reject22, true],
		[withCondition('bytes', '>=181'), reject22, false],
		[withCondition('source', '=203.0.113.*'), reject22, true],
		[withCondition('source', '=203.0.113.*'), accept443, false],
		[withCondition('source', '!=203.0.113.*'), accept443, true],
		[withCondition('bytes', '>0'), nodata, false],
		[withCondition('flowlogstatus', '=NODATA'), nodata, true],
		['[..., action="REJECT", status]', reject22, true],
		['[..., action="REJECT", status]', accept443, false],
		['[version, account, eni, ...]', accept443, true],
		['[version, ..., action = REJECT, status]', reject22, true],
		['[version, account, eni, source, destination, srcport, destport]', accept443, false],
		['[v, ..., port = 22 || port = 443, ..., action, status]', accept443, true],
		['[v, ..., port = 8080 || port = 8443, ..., action, status]', accept443, false],
		['[..., windowend, action = ACCEPT && windowend > 1700000000, status]', accept443, true],
		['[..., action = %^REJ%, status]', reject22, true],
	])('%s against %j -> %s', (pattern, message, expected) => {
		expect(matches(pattern, message)).toBe(expected);
	});

	it('reads quoted and bracketed fields as one field each', () => {
		const line =
			'127.0.0.1 - frank [10/Oct/2000:13:25:15 -0700] "GET /index.html HTTP/1.0" 404 1534';
		expect(
			matches('[ip, user, username, timestamp, request = *html*, status_code = 4*, bytes]', line),
		).toBe(true);
		expect(matches('[ip, user, username, timestamp, request, status_code = 5*, bytes]', line)).toBe(
			false,
		);
		expect(
			matches('[ip, user, username, timestamp, request, status_code = 4* && bytes > 1000]', line),
		).toBe(false);
	});
});

describe('JSON patterns', () => {
	const record = JSON.stringify({
		eventType: 'UpdateTrail',
		sourceIPAddress: '111.111.111.111',
		arrayKey: ['value', 'another value'],
		objectList: [
			{name: 'a', id: 1},
			{name: 'b', id: 2},
		],
		SomeObject: null,
		ThisFlag: true,
		latency: 1500,
	});

	it.each([
		['{ $.eventType = "UpdateTrail" }', true],
		['{ $.eventType = Update* }', true],
		['{ $.eventType != "UpdateTrail" }', false],
		['{ $.sourceIPAddress != 123.123.* }', true],
		['{ $.arrayKey[0] = "value" }', true],
		['{ $.objectList[1].id = 2 }', true],
		['{ $.SomeObject IS NULL }', true],
		['{ $.SomeOtherObject NOT EXISTS }', true],
		['{ $.ThisFlag IS TRUE }', true],
		['{ $.ThisFlag IS FALSE }', false],
		['{ $.latency >= 500 }', true],
		['{ $.latency < 10e2 }', false],
		['{ $.arrayKey = 1 }', false],
		['{ ($.latency > 1000) && ($.objectList[0].name = "a") }', true],
		['{ $.latency < 10 || $.eventType = "UpdateTrail" }', true],
		['{ ($.latency < 10 || $.eventType = "x") && $.ThisFlag IS TRUE }', false],
	])('%s -> %s', (pattern, expected) => {
		expect(matches(pattern, record)).toBe(expected);
	});

	it('does not match messages that are not JSON', () => {
		expect(matches('{ $.eventType = "UpdateTrail" }', accept443)).toBe(false);
	});
});

describe('malformed patterns', () => {
	it.each([
		'"unterminated',
		'[a, b',
		'[]',
		'[a = ]',
		'[a, b c]',
		'{ $.a = 1',
		'{ eventType = "x" }',
		'{ $.a }',
		'{ $.a > "text" }',
		'[a, b = %(%]',
		'ERROR -',
	])('%j is rejected with InvalidParameterException', (pattern) => {
		expect(() => compileFilterPattern(pattern)).toThrow(
			expect.objectContaining({name: 'SimError', code: 'InvalidParameterException'}),
		);
	});
});
