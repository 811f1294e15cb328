// Examples are the VPC user guide's own flow log records (flow-logs-records-examples).
import {describe, expect, it} from 'vitest';
import type {FlowFormat} from '../../../source/domain/flows/flow-format.js';
import {defaultFlowFormat, parseLogFormat} from '../../../source/domain/flows/flow-format.js';
import {parseFlowRecord} from '../../../source/domain/flows/flow-record.js';
import {
	interfaceIdFromLogStream,
	parseFlowRecords,
} from '../../../source/domain/flows/flow-records.js';

function formatOf(text: string): FlowFormat {
	const result = parseLogFormat(text);
	if (!result.ok) {
		throw new Error(result.reason);
	}

	return result.format;
}

describe('parseFlowRecord, default format', () => {
	it('reads an accepted SSH record', () => {
		const result = parseFlowRecord(
			'2 123456789010 eni-1235b8ca123456789 172.31.16.139 172.31.16.21 20641 22 6 20 4249 1418530010 1418530070 ACCEPT OK',
			defaultFlowFormat,
		);
		expect(result).toEqual({
			ok: true,
			record: {
				interfaceId: 'eni-1235b8ca123456789',
				logStatus: 'OK',
				srcAddr: '172.31.16.139',
				dstAddr: '172.31.16.21',
				srcPort: 20_641,
				dstPort: 22,
				protocol: 6,
				packets: 20,
				bytes: 4249,
				start: 1_418_530_010,
				end: 1_418_530_070,
				action: 'ACCEPT',
				extra: {version: '2', 'account-id': '123456789010'},
			},
		});
	});

	it('reads a rejected RDP record', () => {
		const result = parseFlowRecord(
			'2 123456789010 eni-1235b8ca123456789 172.31.9.69 172.31.9.12 49761 3389 6 20 4249 1418530010 1418530070 REJECT OK',
			defaultFlowFormat,
		);
		expect(result.ok && result.record.action).toBe('REJECT');
	});

	it.each([
		['NODATA', '2 123456789010 eni-1235b8ca123456789 - - - - - - - 1431280876 1431280934 - NODATA'],
		[
			'SKIPDATA',
			'2 123456789010 eni-11111111aaaaaaaaa - - - - - - - 1431280876 1431280934 - SKIPDATA',
		],
	])('reads a %s row with its traffic fields absent', (status, message) => {
		const result = parseFlowRecord(message, defaultFlowFormat);
		expect(result).toEqual({
			ok: true,
			record: {
				interfaceId: expect.stringMatching(/^eni-/),
				logStatus: status,
				start: 1_431_280_876,
				end: 1_431_280_934,
				extra: {version: '2', 'account-id': '123456789010'},
			},
		});
	});

	it('reads IPv6 addresses', () => {
		const result = parseFlowRecord(
			'2 123456789010 eni-1235b8ca123456789 2001:db8:1234:a100:8d6e:3477:df66:f105 2001:db8:1234:a102:3304:8879:34cf:4071 34892 22 6 54 8855 1477913708 1477913820 ACCEPT OK',
			defaultFlowFormat,
		);
		expect(result.ok && [result.record.srcAddr, result.record.dstAddr]).toEqual([
			'2001:db8:1234:a100:8d6e:3477:df66:f105',
			'2001:db8:1234:a102:3304:8879:34cf:4071',
		]);
	});

	it('compares IPv6 in lower case', () => {
		const result = parseFlowRecord(
			'2 1 eni-1 2001:DB8::1 ::ffff:192.0.2.1 1 2 6 1 1 10 20 ACCEPT OK',
			defaultFlowFormat,
		);
		expect(result.ok && [result.record.srcAddr, result.record.dstAddr]).toEqual([
			'2001:db8::1',
			'::ffff:192.0.2.1',
		]);
	});

	it('accepts an account-id of "unknown" (ENIs AWS services create)', () => {
		const result = parseFlowRecord(
			'2 unknown eni-1 10.0.0.1 10.0.0.2 1 2 6 1 1 10 20 ACCEPT OK',
			defaultFlowFormat,
		);
		expect(result.ok && result.record.extra['account-id']).toBe('unknown');
	});
});

describe('parseFlowRecord, custom formats', () => {
	it('reads a v3 format with pkt addresses and tcp-flags by position', () => {
		const format = formatOf(
			`\${version} \${vpc-id} \${subnet-id} \${instance-id} \${interface-id} \${account-id} \${type} \${srcaddr} \${dstaddr} \${srcport} \${dstport} \${pkt-srcaddr} \${pkt-dstaddr} \${protocol} \${bytes} \${packets} \${start} \${end} \${action} \${tcp-flags} \${log-status}`,
		);
		const result = parseFlowRecord(
			'3 vpc-abcdefab012345678 subnet-aaaaaaaa012345678 i-01234567890123456 eni-1235b8ca123456789 123456789012 IPv4 52.213.180.42 10.0.0.62 43416 5001 52.213.180.42 10.0.0.62 6 568 8 1566848875 1566848933 ACCEPT 2 OK',
			format,
		);
		expect(result).toEqual({
			ok: true,
			record: {
				interfaceId: 'eni-1235b8ca123456789',
				logStatus: 'OK',
				subnetId: 'subnet-aaaaaaaa012345678',
				srcAddr: '52.213.180.42',
				dstAddr: '10.0.0.62',
				srcPort: 43_416,
				dstPort: 5001,
				pktSrcAddr: '52.213.180.42',
				pktDstAddr: '10.0.0.62',
				protocol: 6,
				bytes: 568,
				packets: 8,
				start: 1_566_848_875,
				end: 1_566_848_933,
				action: 'ACCEPT',
				tcpFlags: 2,
				extra: {
					version: '3',
					'vpc-id': 'vpc-abcdefab012345678',
					'instance-id': 'i-01234567890123456',
					'account-id': '123456789012',
					type: 'IPv4',
				},
			},
		});
	});

	it('reads the same record whatever the field order', () => {
		const forward = formatOf(
			`\${interface-id} \${srcaddr} \${dstaddr} \${start} \${end} \${action}`,
		);
		const reversed = formatOf(
			`\${action} \${end} \${start} \${dstaddr} \${srcaddr} \${interface-id}`,
		);
		const first = parseFlowRecord('eni-1 10.0.0.1 10.0.0.2 100 160 REJECT', forward);
		const second = parseFlowRecord('REJECT 160 100 10.0.0.2 10.0.0.1 eni-1', reversed);
		expect(second).toEqual(first);
		expect(first.ok).toBe(true);
	});

	it('reads v5 flow-direction, az-id and unknown fields', () => {
		const format = formatOf(
			`\${interface-id} \${start} \${az-id} \${flow-direction} \${brand-new}`,
		);
		const result = parseFlowRecord('eni-1 100 use1-az1 egress 42', format);
		expect(result).toEqual({
			ok: true,
			record: {
				interfaceId: 'eni-1',
				logStatus: 'OK',
				start: 100,
				end: 100,
				azId: 'use1-az1',
				flowDirection: 'egress',
				extra: {'brand-new': '42'},
			},
		});
	});

	it('takes the interface and start from the log event when the format lacks them', () => {
		const format = formatOf(`\${srcaddr} \${dstaddr} \${action}`);
		const result = parseFlowRecord('10.0.0.1 10.0.0.2 ACCEPT', format, {
			interfaceId: 'eni-from-stream',
			timestamp: 1000,
		});
		expect(
			result.ok && [result.record.interfaceId, result.record.start, result.record.end],
		).toEqual(['eni-from-stream', 1000, 1000]);
	});
});

describe('parseFlowRecord, malformed lines', () => {
	const good = '2 1 eni-1 10.0.0.1 10.0.0.2 1024 80 6 1 40 100 160 ACCEPT OK';
	it.each([
		['too few fields', '2 1 eni-1 10.0.0.1 10.0.0.2 1024 80 6 1 40 100 160 ACCEPT'],
		['too many fields', `${good} extra`],
		['a port above 65535', good.replace('1024', '65536')],
		['a negative count', good.replace(' 40 ', ' -40 ')],
		['a fractional count', good.replace(' 40 ', ' 4.5 ')],
		['a protocol above 255', good.replace(' 6 ', ' 256 ')],
		['an unknown action', good.replace('ACCEPT', 'ALLOW')],
		['an unknown log-status', good.replace(' OK', ' FINE')],
		['a bad address', good.replace('10.0.0.1', '10.0.0.256')],
		['a hostname for an address', good.replace('10.0.0.1', 'example.com')],
		['an end before the start', good.replace('100 160', '160 100')],
		['a non-numeric version', good.replace(/^2/, 'v2')],
		['an escape sequence', good.replace('eni-1', 'eni-1\u001B]0;owned\u0007')],
		['a non-ASCII character', good.replace('eni-1', 'ení-1')],
		['an empty line', ''],
		['garbage', 'the quick brown fox jumps over the lazy dog and keeps on running far'],
		['a missing interface', good.replace('eni-1', '-')],
	])('reports %s instead of throwing', (_name, message) => {
		const result = parseFlowRecord(message, defaultFlowFormat);
		expect(result.ok).toBe(false);
	});

	it('tolerates a trailing newline', () => {
		expect(parseFlowRecord(`${good}\n`, defaultFlowFormat).ok).toBe(true);
	});
});

describe('parseFlowRecords', () => {
	it('keeps the records and counts the malformed lines', () => {
		const result = parseFlowRecords(
			[
				'2 1 eni-1 10.0.0.1 10.0.0.2 1024 80 6 1 40 100 160 ACCEPT OK',
				'not a record',
				undefined,
				{message: '2 1 eni-2 10.0.0.1 10.0.0.2 1024 80 6 1 40 100 160 REJECT OK'},
			],
			defaultFlowFormat,
		);
		expect(result.records.map((record) => record.interfaceId)).toEqual(['eni-1', 'eni-2']);
		expect(result.malformed).toBe(2);
		expect(result.reasons.length).toBeGreaterThan(0);
	});
});

describe('interfaceIdFromLogStream', () => {
	it.each([
		['eni-0123456789abcdef0-all', 'eni-0123456789abcdef0'],
		['eni-0123456789abcdef0', 'eni-0123456789abcdef0'],
		['eni-0123456789abcdef0-accept', 'eni-0123456789abcdef0'],
		['some-other-stream', undefined],
		[undefined, undefined],
	])('reads %s as %s', (stream, expected) => {
		expect(interfaceIdFromLogStream(stream)).toBe(expected);
	});
});
