import {describe, expect, it} from 'vitest';
import {run} from './flow-log-events.js';

// Evaluated on event A: 2023-11-14 22:13:20.000, ingested 5 s later,
// 203.0.113.12:43418 -> 10.0.1.5:80 TCP, 10 packets, 840 bytes, ACCEPT.
function valueOn(expression: string): string | undefined {
	const [row] = run(`fields ${expression} as v | filter @ptr = "ptr-A"`).rows;
	return row?.v;
}

describe('functions and operators', () => {
	it.each([
		['strlen(srcAddr)', '12'],
		['tolower("AbC")', 'abc'],
		['toupper(action)', 'ACCEPT'],
		['concat(srcAddr, ":", srcPort)', '203.0.113.12:43418'],
		['substr("xyZfooxyZ", 3, 3)', 'foo'],
		['substr("xyZfooxyZ", 3)', 'fooxyZ'],
		['replace("foo", "o", "0")', 'f00'],
		['trim("  x ")', 'x'],
		['ltrim("xyZfooxyZ", "xyZ")', 'fooxyZ'],
		['rtrim("xyZfooxyZ", "xyZ")', 'xyZfoo'],
		['strcontains(@message, "ACCEPT")', '1'],
		['abs(-5)', '5'],
		['floor(7.8)', '7'],
		['ceil(7.2)', '8'],
		['sqrt(16)', '4'],
		['greatest(srcPort, dstPort)', '43418'],
		['least(srcPort, dstPort)', '80'],
		['bytes / packets', '84'],
		['bytes * 2 + 1', '1681'],
		['bytes - 40', '800'],
		['bytes % 100', '40'],
		['2 ^ 3', '8'],
		['1 / 4', '0.25'],
		['-(packets)', '-10'],
		['bytes / 0', undefined],
		['ispresent(action)', '1'],
		['ispresent(nosuch)', '0'],
		['isempty(nosuch)', '1'],
		['isblank(" ")', '1'],
		['coalesce(nosuch, action)', 'ACCEPT'],
		['datefloor(@timestamp, 1m)', '2023-11-14 22:13:00.000'],
		['dateceil(@timestamp, 1m)', '2023-11-14 22:14:00.000'],
		['bin(30s)', '2023-11-14 22:13:00.000'],
		['bin(1h)', '2023-11-14 22:00:00.000'],
		['bin(1d)', '2023-11-14 00:00:00.000'],
		['bin(1mo)', '2023-11-01 00:00:00.000'],
		['bin(1y)', '2023-01-01 00:00:00.000'],
		['fromMillis(start * 1000)', '2023-11-14 22:13:20.000'],
		['toMillis(@timestamp)', '1700000000000'],
		['@timestamp + 1500', '2023-11-14 22:13:21.500'],
		['@timestamp - 1m', '2023-11-14 22:12:20.000'],
		['@timestamp - @ingestionTime', '-5000'],
		['isValidIp(srcAddr)', '1'],
		['isValidIpV4("300.1.1.1")', '0'],
		['isValidIpV6("2001:db8::1")', '1'],
		['isIpInSubnet(dstAddr, "10.0.0.0/16")', '1'],
		['isIpv4InSubnet(dstAddr, "10.0.2.0/24")', '0'],
		['isIpv6InSubnet("2001:db8::1", "2001:db8::/32")', '1'],
		['dstPort = 80', '1'],
		['TOLOWER(action)', 'accept'],
	])('%s is %s', (expression, expected) => {
		expect(valueOn(expression)).toBe(expected);
	});
});
