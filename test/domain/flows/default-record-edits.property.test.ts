// The default format's fast reader scans a record's characters as bytes, with zeros standing for
// what lies past the end. Whatever one character is changed, added or cut anywhere in a plain record
// (any character: control, non-ASCII, a lone surrogate), and wherever the record is cut short, it
// declines the line or reads what the general reader reads, and the table keeps and skips the same
// lines as the records do.
import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {readDefaultRecord} from '../../../source/domain/flows/default-record.js';
import {defaultFlowFormat} from '../../../source/domain/flows/flow-format.js';
import {parseFlowRecords, parseFlowTable} from '../../../source/domain/flows/flow-records.js';
import {
	createFlowTable,
	numberAt,
	textOf,
	wordId,
} from '../../../source/domain/flows/flow-table.js';
import {readByFormat, readerOf} from '../../../source/domain/flows/record-reader.js';

const plain = [
	'2 123456789012 eni-0a1b2c3d4e5f60718 198.51.100.7 10.0.1.10 40000 80 6 10 840 1700000000 1700000060 ACCEPT OK',
	'2 123456789012 eni-0aa0000000000a001 10.0.1.10 10.0.1.27 8443 40000 17 1 9007199254740991 0 0 REJECT OK',
	'10 9 e 0.0.0.0 255.255.255.255 0 65535 255 0 0 1 1 ACCEPT OK',
];

const character = fc.oneof(
	fc.constantFrom(' ', '0', '9', '.', '-', 'A', 'O', 'K', '\u0000', '\t', '\u007f', '\u0080'),
	fc.constantFrom('\u00e9', '\u0130', '\u0120', '\u2030', '\ud800', '\udc00', '\u{1f600}'),
	fc.string({minLength: 1, maxLength: 1, unit: 'binary'}),
);

type Edit = {readonly kind: 'replace' | 'insert' | 'delete' | 'cut'; readonly at: number};

const edit = fc.record({
	kind: fc.constantFrom('replace' as const, 'insert' as const, 'delete' as const, 'cut' as const),
	at: fc.nat(),
});

function applied(line: string, {kind, at}: Edit, added: string): string {
	const place = at % (line.length + 1);
	switch (kind) {
		case 'replace': {
			return line.slice(0, place) + added + line.slice(place + 1);
		}

		case 'insert': {
			return line.slice(0, place) + added + line.slice(place);
		}

		case 'delete': {
			return line.slice(0, place) + line.slice(place + 1);
		}

		case 'cut': {
			return line.slice(0, place);
		}
	}
}

const editedLine = fc
	.tuple(fc.constantFrom(...plain), fc.array(fc.tuple(edit, character), {maxLength: 3}))
	.map(([line, edits]) =>
		edits.reduce((text, [change, added]) => applied(text, change, added), line),
	);

describe('a plain record changed anywhere', () => {
	const reader = readerOf(defaultFlowFormat);

	it('is declined by the fast reader or read as the general reader reads it', () => {
		fc.assert(
			fc.property(editedLine, (text) => {
				const fast = readDefaultRecord(reader, text);
				if (fast !== undefined) {
					expect(fast).toStrictEqual(readByFormat(reader, text, undefined, undefined));
				}
			}),
			{numRuns: 3000},
		);
	});

	it('is kept or skipped alike in the table and in records, with the same values', () => {
		fc.assert(
			fc.property(fc.array(editedLine, {minLength: 1, maxLength: 6}), (lines) => {
				const records = parseFlowRecords(lines, defaultFlowFormat);
				const {table, malformed, reasons} = parseFlowTable(lines, defaultFlowFormat);
				expect(malformed).toBe(records.malformed);
				expect(reasons).toEqual(records.reasons);
				const rows = Array.from({length: table.length}, (_, row) => ({
					interfaceId: textOf(table, table.interfaceIds[row] ?? -1),
					srcAddr: textOf(table, table.srcAddrs[row] ?? -1),
					dstAddr: textOf(table, table.dstAddrs[row] ?? -1),
					srcPort: numberAt(table.srcPorts, row),
					bytes: numberAt(table.bytes, row),
					end: numberAt(table.ends, row),
				}));
				expect(rows).toEqual(
					records.records.map((record) => ({
						interfaceId: record.interfaceId,
						srcAddr: record.srcAddr,
						dstAddr: record.dstAddr,
						srcPort: record.srcPort ?? 0,
						bytes: record.bytes ?? 0,
						end: record.end,
					})),
				);
			}),
			{numRuns: 1000},
		);
	});

	it('takes every plain record whole, and none cut short', () => {
		for (const line of plain) {
			expect(parseFlowTable([line], defaultFlowFormat).table.length).toBe(1);
			for (let length = 0; length < line.length; length++) {
				expect(readDefaultRecord(reader, line.slice(0, length))).toBeUndefined();
			}
		}
	});
});

describe('a text longer than any record', () => {
	it('is left to the general reader, and its words are still found', () => {
		const reader = readerOf(defaultFlowFormat);
		const line = `${plain[0]}${' '.repeat(70_000)}`;
		expect(readDefaultRecord(reader, line)).toBeUndefined();
		const table = createFlowTable();
		const long = `${'x'.repeat(70_000)} eni-1`;
		expect(textOf(table, wordId(table, long, 70_001, 70_006))).toBe('eni-1');
		expect(wordId(table, `${long}\t`, 70_001, 70_007)).toBe(-1);
	});
});
