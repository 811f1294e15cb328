import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {isInterpretedField, knownFlowFields} from '../../../source/domain/flows/flow-fields.js';
import {
	defaultFlowFormat,
	type FlowFormat,
	flowFormatOf,
} from '../../../source/domain/flows/flow-format.js';
import {parseFlowRecord} from '../../../source/domain/flows/flow-record.js';
import {parseFlowRecords} from '../../../source/domain/flows/flow-records.js';
import {renderFlowRecord} from '../../../source/domain/flows/flow-render.js';
import type {FlowRecord} from '../../../source/domain/types/flows.js';

const required = ['interface-id', 'start', 'end'];
const optionalKnown = knownFlowFields.filter((field) => !required.includes(field));

const formatArbitrary: fc.Arbitrary<FlowFormat> = fc
	.tuple(
		fc.subarray(optionalKnown),
		fc.uniqueArray(fc.stringMatching(/^x-[a-z]{1,8}$/), {maxLength: 3}),
	)
	.chain(([known, unknown]) =>
		fc.shuffledSubarray([...required, ...known, ...unknown], {
			minLength: required.length + known.length + unknown.length,
		}),
	)
	.map((fields) => flowFormatOf(fields));

const tokenArbitrary = fc.stringMatching(/^[!-~]{1,24}$/).filter((token) => token !== '-');
const addressArbitrary = fc.oneof(
	fc.ipV4(),
	fc.ipV6().map((address) => address.toLowerCase()),
);
const port = fc.integer({min: 0, max: 65_535});
const count = fc.nat();

type Mutable = {-readonly [Key in keyof FlowRecord]?: FlowRecord[Key]};

function recordArbitrary(format: FlowFormat): fc.Arbitrary<FlowRecord> {
	const has = (field: string) => format.fields.includes(field);
	const maybe = <Value>(field: string, arbitrary: fc.Arbitrary<Value>) =>
		has(field) ? fc.option(arbitrary, {nil: undefined}) : fc.constant(undefined);
	return fc
		.record({
			interfaceId: fc.stringMatching(/^eni-[0-9a-f]{8,17}$/),
			start: fc.integer({min: 0, max: 4_000_000_000}),
			duration: fc.integer({min: 0, max: 600}),
			logStatus: has('log-status')
				? fc.constantFrom('OK' as const, 'NODATA' as const, 'SKIPDATA' as const)
				: fc.constant('OK' as const),
			srcAddr: maybe('srcaddr', addressArbitrary),
			dstAddr: maybe('dstaddr', addressArbitrary),
			pktSrcAddr: maybe('pkt-srcaddr', addressArbitrary),
			pktDstAddr: maybe('pkt-dstaddr', addressArbitrary),
			srcPort: maybe('srcport', port),
			dstPort: maybe('dstport', port),
			protocol: maybe('protocol', fc.integer({min: 0, max: 255})),
			packets: maybe('packets', count),
			bytes: maybe('bytes', count),
			action: maybe('action', fc.constantFrom('ACCEPT' as const, 'REJECT' as const)),
			tcpFlags: maybe('tcp-flags', fc.integer({min: 0, max: 255})),
			flowDirection: maybe(
				'flow-direction',
				fc.constantFrom('ingress' as const, 'egress' as const),
			),
			subnetId: maybe('subnet-id', tokenArbitrary),
			azId: maybe('az-id', tokenArbitrary),
			extra: extraArbitrary(format),
		})
		.map(({duration, ...values}) => {
			const record: Mutable = {};
			for (const [key, value] of Object.entries(values)) {
				if (value !== undefined) {
					Object.assign(record, {[key]: value});
				}
			}

			return {...record, end: values.start + duration} as FlowRecord;
		});
}

function extraArbitrary(format: FlowFormat): fc.Arbitrary<Record<string, string>> {
	const entries = format.fields
		.filter((field) => !isInterpretedField(field))
		.map((field) => [field, field === 'version' ? fc.nat().map(String) : tokenArbitrary] as const);
	return fc
		.record(Object.fromEntries(entries), {requiredKeys: []})
		.map((extra) =>
			Object.fromEntries(
				Object.entries(extra).filter(
					(entry): entry is [string, string] => typeof entry[1] === 'string',
				),
			),
		);
}

// Mostly ASCII (where a parser's edge cases are) with any code point mixed in, escape sequences
// and lone surrogates included.
const anyCharacter = fc
	.oneof(fc.integer({min: 0, max: 0x7f}), fc.integer({min: 0x80, max: 0x10_ffff}))
	.map((code) => String.fromCodePoint(code));

// A fixed handful keeps the fuzzing on the text rather than on building formats.
const sampleFormats = fc.constantFrom(
	defaultFlowFormat,
	flowFormatOf(['interface-id', 'start', 'end']),
	flowFormatOf(['action', 'srcaddr', 'interface-id', 'x-new', 'start', 'tcp-flags', 'end']),
);

const formatAndRecord = formatArbitrary.chain((format) =>
	fc.tuple(fc.constant(format), recordArbitrary(format)),
);

describe('parseFlowRecord properties', () => {
	it('never throws, whatever the text', () => {
		fc.assert(
			fc.property(
				fc.string({unit: anyCharacter, maxLength: 400}),
				sampleFormats,
				(text, format) => {
					const result = parseFlowRecord(text, format);
					expect(typeof result.ok).toBe('boolean');
				},
			),
		);
	});

	it('never throws on lines of the right length with random tokens', () => {
		fc.assert(
			fc.property(
				fc.array(fc.string({unit: 'grapheme-ascii', maxLength: 12}), {
					minLength: 14,
					maxLength: 14,
				}),
				(tokens) => {
					const result = parseFlowRecord(tokens.join(' '), defaultFlowFormat);
					expect(typeof result.ok).toBe('boolean');
				},
			),
		);
	});

	it('gives back the record it rendered, in any format', () => {
		fc.assert(
			fc.property(formatAndRecord, ([format, record]) => {
				expect(parseFlowRecord(renderFlowRecord(record, format), format)).toEqual({
					ok: true,
					record,
				});
			}),
		);
	});

	it('counts every line with a wrong field count as malformed and keeps the rest', () => {
		fc.assert(
			fc.property(
				formatAndRecord,
				fc.array(fc.boolean(), {minLength: 1, maxLength: 20}),
				([format, record], corruptions) => {
					const good = renderFlowRecord(record, format);
					const lines = corruptions.map((corrupt) => (corrupt ? `${good} 7` : good));
					const result = parseFlowRecords(lines, format);
					const corrupted = corruptions.filter(Boolean).length;
					expect(result.malformed).toBe(corrupted);
					expect(result.records).toHaveLength(lines.length - corrupted);
				},
			),
		);
	});
});
