import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import type {InsightsRow} from '../../../source/domain/flows/index.js';
import {
	CompactRows,
	type ExactSlice,
	exactAggregates,
} from '../../../source/domain/flows-window/index.js';
import {client, lbA, nlbTopology} from '../flows/fixtures.js';

const topology = nlbTopology({preserveClientIp: true});
const t0 = 1_714_564_800; // 2024-05-01T12:00:00Z

// Any text, and text that reads as the columns the aggregates take: both must come back as given.
const field = fc.oneof(
	fc.string(),
	fc.constantFrom('bucket', 'action', 'srcAddr', 'dstPort', 'interfaceId', 'flows', 'bytes'),
);
const value = fc.oneof(
	fc.string(),
	fc.string({unit: 'grapheme'}),
	fc.constantFrom('ACCEPT', 'REJECT', ' 12 ', '1.5E3', '', client, lbA.interfaceId),
	fc
		.integer({min: -2, max: 12})
		.map((minute) =>
			new Date((t0 + minute * 60) * 1000).toISOString().replace('T', ' ').replace('Z', ''),
		),
);
const cell = fc.record({field, value}, {requiredKeys: [], noNullPrototype: true});
// A row the aggregates count, so the comparison below is not only of rows they skip.
const sourceRow = fc
	.record({
		bucket: value,
		action: fc.constantFrom('ACCEPT', 'REJECT'),
		srcAddr: fc.constantFrom(client, '203.0.113.9', '2001:db8::1'),
		dstPort: fc.constantFrom('443', '80', ''),
		interfaceId: fc.constantFrom(lbA.interfaceId, 'eni-other'),
		flows: fc.nat({max: 1000}).map(String),
		bytes: fc.nat().map(String),
	})
	.map((values) => Object.entries(values).map(([name, text]) => ({field: name, value: text})));
const rows = fc.array(fc.oneof(fc.array(cell, {maxLength: 9}), sourceRow), {maxLength: 40});

describe('CompactRows', () => {
	it('gives back every row, cell and value as it was held, in order', () => {
		fc.assert(
			fc.property(fc.array(rows, {maxLength: 3}), (lists) => {
				const compact = CompactRows.of(...lists);
				expect([...compact]).toStrictEqual(lists.flat());
				expect(compact.length).toBe(lists.flat().length);
				// Read twice: the held rows are read again each time the window moves.
				expect([...compact]).toStrictEqual(lists.flat());
			}),
		);
	});

	it('gives the exact aggregates the rows themselves give, wherever the window starts', () => {
		fc.assert(
			fc.property(
				fc.array(fc.tuple(rows, rows), {minLength: 1, maxLength: 3}),
				fc.integer({min: -3, max: 13}),
				(parts, minute) => {
					const slices = (compacted: boolean): ExactSlice[] =>
						parts.map(([timeline, sources], index) => ({
							range: {start: t0 + index * 300, end: t0 + (index + 1) * 300},
							timeline,
							sources: compacted ? CompactRows.of(sources) : sources,
						}));
					const windowStart = t0 + minute * 60;
					expect(exactAggregates(slices(true), windowStart, topology, 60)).toStrictEqual(
						exactAggregates(slices(false), windowStart, topology, 60),
					);
				},
			),
		);
	});

	it('holds a cell without a field or a value apart from one with empty text', () => {
		const held: InsightsRow[] = [[{}, {field: ''}, {value: ''}, {field: '', value: ''}], []];
		expect([...CompactRows.of(held)]).toStrictEqual(held);
	});
});
