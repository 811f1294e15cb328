// A default-format record's account and interface are free text, checked as words (printable
// ASCII, no spaces, not `-`) on both ways in: into record objects and straight into the table,
// where the account is checked without being kept. Whatever the two words are, both ways keep
// and skip the same records, with the same reasons.
import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {defaultFlowFormat} from '../../../source/domain/flows/flow-format.js';
import {parseFlowRecords, parseFlowTable} from '../../../source/domain/flows/flow-records.js';
import {textOf} from '../../../source/domain/flows/flow-table.js';

const word = fc.oneof(
	fc.constantFrom('123456789012', 'eni-0a1b2c3d4e5f60718', '-', '--', '~', '!x', 'a-b'),
	fc.string({minLength: 1, maxLength: 14}),
	fc.string({minLength: 1, maxLength: 14, unit: 'binary'}),
	fc
		.tuple(
			fc.constantFrom('1234', 'eni-'),
			fc.constantFrom('\u0000', '\u007f', '\u00e9', ' ', '\t'),
		)
		.map(([head, odd]) => `${head}${odd}9`),
);

const line = (account: string, interfaceId: string) =>
	`2 ${account} ${interfaceId} 10.0.1.10 10.0.1.27 40000 80 6 1 40 1700000000 1700000060 ACCEPT OK`;

describe('words of a default-format record', () => {
	it('are kept and skipped alike into records and into the table', () => {
		fc.assert(
			fc.property(fc.array(fc.tuple(word, word), {minLength: 1, maxLength: 8}), (pairs) => {
				const lines = pairs.map(([account, interfaceId]) => line(account, interfaceId));
				const records = parseFlowRecords(lines, defaultFlowFormat);
				const {table, malformed, reasons} = parseFlowTable(lines, defaultFlowFormat);
				expect(malformed).toBe(records.malformed);
				expect(reasons).toEqual(records.reasons);
				const interfaces = Array.from({length: table.length}, (_, row) =>
					textOf(table, table.interfaceIds[row] ?? -1),
				);
				expect(interfaces).toEqual(records.records.map((record) => record.interfaceId));
			}),
			{numRuns: 400},
		);
	});
});
