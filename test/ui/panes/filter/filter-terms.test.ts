import {describe, expect, it} from 'vitest';
import {parseFilter, parseTerm} from '../../../../source/ui/panes/filter/filter-terms.js';

describe('parseTerm', () => {
	it.each([
		['203.0.113.7', {kind: 'address', range: {prefix: 32}}],
		['203.0.113.0/24', {kind: 'address', range: {prefix: 24}}],
		['2001:db8::/32', {kind: 'address', range: {prefix: 32}}],
		['2001:db8::1234', {kind: 'address', range: {prefix: 128}}],
		['port:443', {kind: 'port', port: 443}],
		['PORT:8443', {kind: 'port', port: 8443}],
		['22', {kind: 'port', port: 22}],
		['0', {kind: 'port', port: 0}],
		['65535', {kind: 'port', port: 65_535}],
		['accept', {kind: 'action', action: 'ACCEPT'}],
		['REJECT', {kind: 'action', action: 'REJECT'}],
		['rejected', {kind: 'action', action: 'REJECT'}],
		['us-east-1a', {kind: 'zone', zone: 'us-east-1a'}],
		['us-gov-west-1b', {kind: 'zone', zone: 'us-gov-west-1b'}],
		['use1-az4', {kind: 'zone', zone: 'use1-az4'}],
		['eni-0lbaaaa1111', {kind: 'interface', prefix: 'eni-0lbaaaa1111'}],
		['ENI-0ABC', {kind: 'interface', prefix: 'eni-0abc'}],
		['i-0def5678', {kind: 'target', prefix: 'i-0def5678'}],
		['10.0.1', {kind: 'text', needle: '10.0.1'}],
		['13:41:07', {kind: 'text', needle: '13:41:07'}],
		['tcp/8443', {kind: 'text', needle: 'tcp/8443'}],
		['Revoke', {kind: 'text', needle: 'revoke'}],
		['sg-0target', {kind: 'text', needle: 'sg-0target'}],
	])('%j reads as %j', (token, expected) => {
		expect(parseTerm(token)).toMatchObject({...expected, text: token});
	});

	it.each([
		['10.0.0.0/33', 'invalid CIDR 10.0.0.0/33'],
		['10.0/16', 'invalid CIDR 10.0/16'],
		['2001:db8::/200', 'invalid CIDR 2001:db8::/200'],
		['203.0.113.0/x', 'invalid CIDR 203.0.113.0/x'],
		['10.0.0.256', 'invalid address 10.0.0.256'],
		['2001:db8::1::2', 'invalid address 2001:db8::1::2'],
		['port:70000', 'invalid port port:70000'],
		['port:https', 'invalid port port:https'],
		['port:', 'invalid port port:'],
		['99999', 'invalid port 99999'],
	])('%j is reported: %j', (token, error) => {
		expect(parseTerm(token)).toEqual({error});
	});
});

describe('parseFilter', () => {
	it('splits on whitespace, keeping valid terms and reporting the others', () => {
		const parsed = parseFilter('  203.0.113.0/24   port:443 10.0.0.0/33 reject ');
		expect(parsed.text).toBe('203.0.113.0/24   port:443 10.0.0.0/33 reject');
		expect(parsed.terms.map((term) => term.kind)).toEqual(['address', 'port', 'action']);
		expect(parsed.errors).toEqual(['invalid CIDR 10.0.0.0/33']);
	});

	it('has no terms for an empty filter', () => {
		expect(parseFilter('   ')).toEqual({text: '', terms: [], errors: []});
	});
});
