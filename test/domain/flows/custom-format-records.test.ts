// Custom formats go through the general reader: fields in the format's order, absent values, the
// event's stream standing in for the interface, unknown fields kept as text. Each case is the record
// (field order included) or the reason the field-by-field reading has always given.
import {describe, expect, it} from 'vitest';
import {type FlowFormat, flowFormatOf} from '../../../source/domain/flows/flow-format.js';
import {parseFlowRecord, type RecordContext} from '../../../source/domain/flows/flow-record.js';

const packet = flowFormatOf([
	'version',
	'interface-id',
	'srcaddr',
	'pkt-srcaddr',
	'dstaddr',
	'srcport',
	'dstport',
	'protocol',
	'packets',
	'bytes',
	'start',
	'end',
	'action',
	'log-status',
	'tcp-flags',
	'flow-direction',
]);
const noInterface = flowFormatOf([
	'start',
	'srcaddr',
	'srcport',
	'dstaddr',
	'dstport',
	'end',
	'packets',
	'protocol',
	'action',
]);
const extras = flowFormatOf([
	'account-id',
	'interface-id',
	'subnet-id',
	'az-id',
	'vpc-id',
	'x-new',
	'start',
	'end',
	'log-status',
	'reject-reason',
]);

type Case = [
	name: string,
	format: FlowFormat,
	line: string,
	expected: Record<string, unknown> | string,
	context?: RecordContext,
];

const cases: Case[] = [
	[
		'a packet-address record',
		packet,
		'5 eni-1 10.0.1.10 198.51.100.7 10.0.1.20 51000 8080 6 10 1000 100 160 ACCEPT OK 2 ingress',
		{
			interfaceId: 'eni-1',
			srcAddr: '10.0.1.10',
			pktSrcAddr: '198.51.100.7',
			dstAddr: '10.0.1.20',
			srcPort: 51000,
			dstPort: 8080,
			protocol: 6,
			packets: 10,
			bytes: 1000,
			start: 100,
			end: 160,
			action: 'ACCEPT',
			logStatus: 'OK',
			tcpFlags: 2,
			flowDirection: 'ingress',
			extra: {version: '5'},
		},
	],
	[
		'absent packet fields',
		packet,
		'5 eni-1 10.0.1.10 - 10.0.1.20 51000 8080 6 10 1000 100 160 ACCEPT OK - -',
		{
			interfaceId: 'eni-1',
			srcAddr: '10.0.1.10',
			dstAddr: '10.0.1.20',
			srcPort: 51000,
			dstPort: 8080,
			protocol: 6,
			packets: 10,
			bytes: 1000,
			start: 100,
			end: 160,
			action: 'ACCEPT',
			logStatus: 'OK',
			extra: {version: '5'},
		},
	],
	[
		'tcp-flags over 16 bits',
		packet,
		'5 eni-1 10.0.1.10 198.51.100.7 10.0.1.20 51000 8080 6 10 1000 100 160 ACCEPT OK 65536 ingress',
		'tcp-flags out of range: 65536',
	],
	[
		'an unknown direction',
		packet,
		'5 eni-1 10.0.1.10 198.51.100.7 10.0.1.20 51000 8080 6 10 1000 100 160 ACCEPT OK 2 sideways',
		'unknown flow-direction sideways',
	],
	[
		'an IPv6 packet address',
		packet,
		'5 eni-1 10.0.1.10 2001:DB8::9 10.0.1.20 51000 8080 6 10 1000 100 160 ACCEPT OK 18 egress',
		{
			interfaceId: 'eni-1',
			srcAddr: '10.0.1.10',
			pktSrcAddr: '2001:db8::9',
			dstAddr: '10.0.1.20',
			srcPort: 51000,
			dstPort: 8080,
			protocol: 6,
			packets: 10,
			bytes: 1000,
			start: 100,
			end: 160,
			action: 'ACCEPT',
			logStatus: 'OK',
			tcpFlags: 18,
			flowDirection: 'egress',
			extra: {version: '5'},
		},
	],
	[
		'interface from the stream',
		noInterface,
		'100 198.51.100.7 40000 10.0.1.10 80 160 10 6 REJECT',
		{
			start: 100,
			srcAddr: '198.51.100.7',
			srcPort: 40000,
			dstAddr: '10.0.1.10',
			dstPort: 80,
			end: 160,
			packets: 10,
			protocol: 6,
			action: 'REJECT',
			interfaceId: 'eni-9',
			logStatus: 'OK',
			extra: {},
		},
		{interfaceId: 'eni-9'},
	],
	[
		'no interface anywhere',
		noInterface,
		'100 198.51.100.7 40000 10.0.1.10 80 160 10 6 REJECT',
		'no interface-id',
	],
	[
		'unknown and text fields kept',
		extras,
		'123456789012 eni-1 subnet-1 use1-az1 vpc-1 anything 100 160 OK 1',
		{
			interfaceId: 'eni-1',
			subnetId: 'subnet-1',
			azId: 'use1-az1',
			start: 100,
			end: 160,
			logStatus: 'OK',
			extra: {
				'account-id': '123456789012',
				'vpc-id': 'vpc-1',
				'x-new': 'anything',
				'reject-reason': '1',
			},
		},
	],
	[
		'a NODATA row of text fields',
		extras,
		'123456789012 eni-1 subnet-1 use1-az1 - - 100 160 NODATA -',
		{
			interfaceId: 'eni-1',
			subnetId: 'subnet-1',
			azId: 'use1-az1',
			start: 100,
			end: 160,
			logStatus: 'NODATA',
			extra: {'account-id': '123456789012'},
		},
	],
	[
		'runs of spaces in a custom format',
		extras,
		'123456789012   eni-1 subnet-1 use1-az1 vpc-1 anything 100 160 OK 1',
		{
			interfaceId: 'eni-1',
			subnetId: 'subnet-1',
			azId: 'use1-az1',
			start: 100,
			end: 160,
			logStatus: 'OK',
			extra: {
				'account-id': '123456789012',
				'vpc-id': 'vpc-1',
				'x-new': 'anything',
				'reject-reason': '1',
			},
		},
	],
];

describe('reading records in custom formats', () => {
	it.each<Case>(cases)('%s', (_name, format, line, expected, context) => {
		const result = parseFlowRecord(line, format, context);
		if (typeof expected === 'string') {
			expect(result).toEqual({ok: false, reason: expected});
			return;
		}

		expect(result).toStrictEqual({ok: true, record: expected});
		expect(result.ok && Object.keys(result.record)).toEqual(Object.keys(expected));
	});
});
