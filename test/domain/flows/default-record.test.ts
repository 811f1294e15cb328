// Default-format records go through a faster reader (default-record.ts) before the general one. Each
// case below is a record or a reason as the field-by-field reading has always given it; the fast
// reader must give the same, field order included, or leave the line to the general reader.
import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {readDefaultRecord} from '../../../source/domain/flows/default-record.js';
import {defaultFlowFormat} from '../../../source/domain/flows/flow-format.js';
import {parseFlowRecord, type RecordContext} from '../../../source/domain/flows/flow-record.js';
import {parseFlowRecords} from '../../../source/domain/flows/flow-records.js';
import {readByFormat, readerOf} from '../../../source/domain/flows/record-reader.js';
import type {FlowRecord} from '../../../source/domain/types/flows.js';

const good =
	'2 123456789012 eni-0a1b2c3d4e5f60718 198.51.100.7 10.0.1.10 40000 80 6 10 840 1700000000 1700000060 ACCEPT OK';

const base: FlowRecord = {
	interfaceId: 'eni-0a1b2c3d4e5f60718',
	srcAddr: '198.51.100.7',
	dstAddr: '10.0.1.10',
	srcPort: 40_000,
	dstPort: 80,
	protocol: 6,
	packets: 10,
	bytes: 840,
	start: 1_700_000_000,
	end: 1_700_000_060,
	action: 'ACCEPT',
	logStatus: 'OK',
	extra: {version: '2', 'account-id': '123456789012'},
};

/** The base record with fields changed in place and others left out, in the base's field order. */
function record(changes: Partial<FlowRecord>, without: readonly (keyof FlowRecord)[] = []) {
	const entries = Object.entries({...base, ...changes}).filter(
		([key]) => !without.includes(key as keyof FlowRecord),
	);
	return Object.fromEntries(entries) as FlowRecord;
}

type Case = [
	name: string,
	line: string | undefined,
	expected: FlowRecord | string,
	context?: RecordContext,
];

const noTraffic = [
	'srcAddr',
	'dstAddr',
	'srcPort',
	'dstPort',
	'protocol',
	'packets',
	'bytes',
	'action',
] as const;

const cases: Case[] = [
	['a plain record', good, base],
	['a rejected record', good.replace('ACCEPT', 'REJECT'), record({action: 'REJECT'})],
	[
		'a NODATA row',
		'2 123456789012 eni-0a1b2c3d4e5f60718 - - - - - - - 1700000000 1700000060 - NODATA',
		record({logStatus: 'NODATA'}, noTraffic),
	],
	[
		'a SKIPDATA row',
		'2 123456789012 eni-0a1b2c3d4e5f60718 - - - - - - - 1700000000 1700000060 - SKIPDATA',
		record({logStatus: 'SKIPDATA'}, noTraffic),
	],
	[
		'NODATA with traffic fields present',
		good.replace(' OK', ' NODATA'),
		record({logStatus: 'NODATA'}),
	],
	['an absent source port', good.replace(' 40000 ', ' - '), record({}, ['srcPort'])],
	['an absent account', good.replace(' 123456789012 ', ' - '), record({extra: {version: '2'}})],
	['an absent version', good.replace(/^2 /, '- '), record({extra: {'account-id': '123456789012'}})],
	['an absent action', good.replace(' ACCEPT ', ' - '), record({}, ['action'])],
	[
		'an IPv6 source in upper case',
		good.replace('198.51.100.7', '2001:DB8::7'),
		record({srcAddr: '2001:db8::7'}),
	],
	[
		'an IPv4-mapped IPv6 source',
		good.replace('198.51.100.7', '::ffff:198.51.100.7'),
		record({srcAddr: '::ffff:198.51.100.7'}),
	],
	[
		'a leading zero in an octet',
		good.replace('198.51.100.7', '198.051.100.7'),
		'srcaddr is not an IP address: 198.051.100.7',
	],
	[
		'an octet over 255',
		good.replace('198.51.100.7', '198.51.100.256'),
		'srcaddr is not an IP address: 198.51.100.256',
	],
	[
		'three octets',
		good.replace('198.51.100.7', '198.51.100'),
		'srcaddr is not an IP address: 198.51.100',
	],
	['a port over 65535', good.replace(' 40000 ', ' 65536 '), 'srcport out of range: 65536'],
	['a port with leading zeros', good.replace(' 40000 ', ' 0080 '), record({srcPort: 80})],
	['a protocol over 255', good.replace(' 6 10 ', ' 256 10 '), 'protocol out of range: 256'],
	[
		'17 digits of bytes',
		good.replace(' 840 ', ' 12345678901234567 '),
		'bytes out of range: 12345678901234567',
	],
	[
		'bytes past 2^53',
		good.replace(' 840 ', ' 9007199254740993 '),
		'bytes out of range: 9007199254740993',
	],
	[
		'the largest safe byte count',
		good.replace(' 840 ', ' 9007199254740991 '),
		record({bytes: Number.MAX_SAFE_INTEGER}),
	],
	['a negative packet count', good.replace(' 10 840 ', ' -1 840 '), 'packets out of range: -1'],
	['runs of spaces', good.replaceAll(' ', '   '), base],
	['surrounding whitespace', ` \t${good}\r\n`, base],
	['a no-break space before it and a byte order mark after it', `\u00a0${good}\ufeff`, base],
	['a tab between fields', good.replace(' 80 ', '\t80 '), 'control or non-ASCII characters'],
	[
		'a non-ASCII character',
		good.replace('eni-0a1b', 'ení-0a1b'),
		'control or non-ASCII characters',
	],
	['one field too many', `${good} 7`, 'expected 14 fields, found 15'],
	['one field too few', good.replace(' OK', ''), 'expected 14 fields, found 13'],
	[
		'an end before the start',
		good.replace('1700000000 1700000060', '1700000060 1700000000'),
		'end before start',
	],
	[
		'an end equal to the start',
		good.replace('1700000000 1700000060', '1700000000 1700000000'),
		record({end: 1_700_000_000}),
	],
	['a lower-case action', good.replace('ACCEPT', 'accept'), 'unknown action accept'],
	['a lower-case log status', good.replace(' OK', ' ok'), 'unknown log-status ok'],
	['a version that is no number', good.replace(/^2 /, 'v2 '), 'version is not a number: v2'],
	[
		'an account with punctuation',
		good.replace('123456789012', 'acct|42'),
		record({extra: {version: '2', 'account-id': 'acct|42'}}),
	],
	['a dash as the whole line', '-', 'expected 14 fields, found 1'],
	['an empty line', '', 'empty message'],
	['no message', undefined, 'no message'],
	['a line too long', `${good} ${'x'.repeat(16_400)}`, 'message too long'],
	[
		'an absent interface and no stream',
		good.replace(' eni-0a1b2c3d4e5f60718 ', ' - '),
		'no interface-id',
	],
	// The event's stream and timestamp stand in for absent fields; they come after the format's own.
	[
		'an absent interface, the stream naming one',
		good.replace(' eni-0a1b2c3d4e5f60718 ', ' - '),
		{...record({}, ['interfaceId', 'extra']), interfaceId: 'eni-0ffff', extra: base.extra},
		{interfaceId: 'eni-0ffff'},
	],
	[
		'an absent start, the event timestamp standing in',
		good.replace(' 1700000000 ', ' - '),
		{...record({}, ['start', 'extra']), start: 1_700_000_030, extra: base.extra},
		{timestamp: 1_700_000_030},
	],
];

describe('reading default-format records', () => {
	it.each<Case>(cases)('%s', (_name, line, expected, context) => {
		const result = parseFlowRecord(line, defaultFlowFormat, context);
		if (typeof expected === 'string') {
			expect(result).toEqual({ok: false, reason: expected});
			return;
		}

		expect(result).toStrictEqual({ok: true, record: expected});
		expect(result.ok && Object.keys(result.record)).toEqual(Object.keys(expected));
	});

	it('reads the same records one by one and in a batch', () => {
		const lines = cases.map(([, line]) => line);
		const batch = parseFlowRecords(lines, defaultFlowFormat);
		const single = lines.map((line) => parseFlowRecord(line, defaultFlowFormat));
		expect(batch.records).toStrictEqual(
			single.flatMap((result) => (result.ok ? [result.record] : [])),
		);
		expect(batch.malformed).toBe(single.filter((result) => !result.ok).length);
	});
});

// Every field's token from a small pool of plain values, or now and then an absent, odd or invalid
// one, joined by one or more spaces: the fast reader either declines or gives exactly the general
// reader's record.
const fieldTokens: readonly (readonly [plain: readonly string[], odd: readonly string[]])[] = [
	[
		['2', '5'],
		['-', '02', 'v2', '99999999999999999'],
	],
	[['123456789012', 'acct|42'], ['-']],
	[['eni-0a1b2c3d4e5f60718', 'eni-1'], ['-']],
	[
		['198.51.100.7', '10.0.0.1', '0.0.0.0'],
		['-', '2001:DB8::7', '01.2.3.4', '1.2.3', '256.1.1.1'],
	],
	[
		['10.0.1.10', '255.255.255.255'],
		['-', '::1', '10.0.1.1o'],
	],
	[
		['40000', '0', '65535', '0080'],
		['65536', '-', '+1'],
	],
	[
		['80', '443'],
		['-', '1e3'],
	],
	[
		['6', '17', '255'],
		['256', '-'],
	],
	[
		['10', '0', '9007199254740991'],
		['-', '9007199254740992'],
	],
	[
		['840', '0'],
		['-', '12345678901234567'],
	],
	[['1700000000', '1700000060'], ['-']],
	[['1700000060', '1700000000'], ['-']],
	[
		['ACCEPT', 'REJECT'],
		['-', 'accept', 'ACCEPTED'],
	],
	[['OK'], ['NODATA', 'SKIPDATA', 'ok', '-']],
];

const tokensArbitrary = fc.tuple(
	...fieldTokens.map(([plain, odd]) =>
		fc.oneof(
			{weight: 8, arbitrary: fc.constantFrom(...plain)},
			{weight: 1, arbitrary: fc.constantFrom(...odd)},
		),
	),
);
const separatorArbitrary = fc.constantFrom(' ', ' ', ' ', '  ');

describe('the fast default-format reader', () => {
	const reader = readerOf(defaultFlowFormat);

	it('declines or agrees with the general reader, field order included', () => {
		fc.assert(
			fc.property(tokensArbitrary, separatorArbitrary, (tokens, separator) => {
				const text = tokens.join(separator);
				const fast = readDefaultRecord(reader, text);
				if (fast === undefined) {
					return;
				}

				const general = readByFormat(reader, text, undefined, undefined);
				expect(fast).toStrictEqual(general);
				expect(typeof general === 'object' && Object.keys(fast)).toEqual(Object.keys(general));
			}),
			{numRuns: 2000},
		);
	});

	it('takes the plain records', () => {
		expect(readDefaultRecord(reader, good)).toStrictEqual(base);
	});
});
