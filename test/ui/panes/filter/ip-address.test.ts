import {describe, expect, it} from 'vitest';
import {
	compareAddressText,
	parseAddress,
	parseRange,
	rangeContains,
	rangesOverlap,
	sameAddress,
} from '../../../../source/ui/panes/filter/ip-address.js';

describe('parseAddress', () => {
	it.each([
		['10.0.1.37', 4, 0x0a_00_01_25n],
		['0.0.0.0', 4, 0n],
		['255.255.255.255', 4, 0xff_ff_ff_ffn],
		['::', 6, 0n],
		['::1', 6, 1n],
		['2001:db8::1234', 6, 0x2001_0db8_0000_0000_0000_0000_0000_1234n],
		['2001:0db8:0:0:0:0:0:1234', 6, 0x2001_0db8_0000_0000_0000_0000_0000_1234n],
		['::ffff:10.0.1.37', 6, 0xffff_0a00_0125n],
	])('%s is IPv%i %s', (text, version, value) => {
		expect(parseAddress(text)).toEqual({version, value});
	});

	it.each([
		'10.0.1',
		'10.0.1.256',
		'10.0.1.37.5',
		'01234.0.0.1',
		'2001:db8::1::2',
		'2001:db8:0:0:0:0:0:0:1',
		'2001:db8:0:0:0:0:1',
		'1.2.3.4::1',
		'fffff::1',
		'g::1',
		'',
		'example.com',
	])('%j is not an address', (text) => {
		expect(parseAddress(text)).toBeUndefined();
	});
});

describe('ranges', () => {
	it.each([
		['203.0.113.0/24', '203.0.113.7', true],
		['203.0.113.0/24', '203.0.114.7', false],
		['203.0.113.7/24', '203.0.113.200', true],
		['0.0.0.0/0', '198.51.100.23', true],
		['10.0.1.10', '10.0.1.10', true],
		['10.0.1.1', '10.0.1.10', false],
		['2001:db8::/32', '2001:db8::1234', true],
		['2001:db8::/32', '2001:db9::1', false],
		['::/0', '10.0.0.1', false],
		['10.0.0.0/8', '2001:db8::1', false],
	])('%s contains %s: %s', (range, address, expected) => {
		const parsed = parseRange(range);
		const host = parseAddress(address);
		expect(parsed).toBeDefined();
		expect(host).toBeDefined();
		if (parsed !== undefined && host !== undefined) {
			expect(rangeContains(parsed, host)).toBe(expected);
		}
	});

	it.each([
		['203.0.113.0/24', '203.0.113.128/25', true],
		['203.0.113.128/25', '203.0.113.0/24', true],
		['203.0.113.0/25', '203.0.113.128/25', false],
		['0.0.0.0/0', '198.51.100.0/24', true],
		['2001:db8::/32', '10.0.0.0/8', false],
	])('%s and %s overlap: %s', (left, right, expected) => {
		const a = parseRange(left);
		const b = parseRange(right);
		expect(a !== undefined && b !== undefined && rangesOverlap(a, b)).toBe(expected);
	});

	it.each(['10.0.0.0/33', '2001:db8::/129', '10.0.0.0/', '10.0.0.0/x', '10.0.0/8', '10.0.0.0/-1'])(
		'%j is not a range',
		(text) => {
			expect(parseRange(text)).toBeUndefined();
		},
	);
});

describe('compareAddressText', () => {
	it('orders IPv4 numerically, then IPv6, then anything else', () => {
		const sorted = ['2001:db8::1', 'not-an-ip', '10.0.0.10', '10.0.0.9', '9.9.9.9'].sort(
			compareAddressText,
		);
		expect(sorted).toEqual(['9.9.9.9', '10.0.0.9', '10.0.0.10', '2001:db8::1', 'not-an-ip']);
	});

	it('treats two spellings of one IPv6 address as the same', () => {
		expect(sameAddress('2001:db8::1', '2001:0DB8:0:0:0:0:0:1')).toBe(true);
		expect(sameAddress('10.0.0.1', '10.0.0.10')).toBe(false);
		expect(sameAddress('name', 'name')).toBe(true);
	});
});
