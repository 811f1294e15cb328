// A table finds an IPv4 address it has seen by its value in a direct-mapped cache whose size follows
// the table's rows. However many distinct addresses the records hold and however they share slots,
// each row's addresses read back as the record's, and every address is one text of the table.
import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {defaultFlowFormat} from '../../../source/domain/flows/flow-format.js';
import {parseFlowTable} from '../../../source/domain/flows/flow-records.js';
import {textOf} from '../../../source/domain/flows/flow-table.js';

const octet = fc.integer({min: 0, max: 255});
const address = fc.tuple(octet, octet, octet, octet).map((octets) => octets.join('.'));

describe('the addresses of a table', () => {
	it('read back as each record wrote them, each one text, for tables of any size', () => {
		fc.assert(
			fc.property(
				fc.array(address, {minLength: 1, maxLength: 1200, size: 'max'}),
				fc.array(fc.tuple(fc.nat(), fc.nat()), {minLength: 2100, maxLength: 5000}),
				(addresses, picks) => {
					const pairs = picks.map(([source, destination]) => [
						addresses[source % addresses.length] ?? '',
						addresses[destination % addresses.length] ?? '',
					]);
					const lines = pairs.map(
						([source, destination]) =>
							`2 123456789012 eni-0a1b2c3d4e5f60718 ${source} ${destination} 40000 443 6 1 40 1700000000 1700000060 ACCEPT OK`,
					);
					const {table} = parseFlowTable(lines, defaultFlowFormat);
					expect(table.length).toBe(lines.length);
					const read = pairs.map((_, row) => [
						textOf(table, table.srcAddrs[row] ?? -1),
						textOf(table, table.dstAddrs[row] ?? -1),
					]);
					expect(read).toEqual(pairs);
					expect(new Set(table.texts).size).toBe(table.texts.length);
				},
			),
			{numRuns: 20},
		);
	});
});
