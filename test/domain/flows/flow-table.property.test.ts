// Records parsed straight into a table (parseFlowTable) pair and aggregate exactly as the same lines
// parsed into record objects do, for any world, in the default format (its fast way in) and in a
// custom one with tcp-flags and pkt-srcaddr, with malformed and NODATA lines among them.
import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {aggregateRecords, aggregateTable} from '../../../source/domain/flows/aggregate.js';
import {defaultFormatFields} from '../../../source/domain/flows/flow-fields.js';
import {defaultFlowFormat, flowFormatOf} from '../../../source/domain/flows/flow-format.js';
import {parseFlowRecords, parseFlowTable} from '../../../source/domain/flows/flow-records.js';
import {renderFlowRecord} from '../../../source/domain/flows/flow-render.js';
import {pairConnections, pairTable} from '../../../source/domain/flows/pairing.js';
import type {FlowRecord} from '../../../source/domain/types/flows.js';
import {buildWorld, worldSpec} from './pairing-world.js';

// Not the default format (whose fast way in the table has its own), with fields pairing reads.
const customFormat = flowFormatOf([...defaultFormatFields, 'tcp-flags', 'pkt-srcaddr', 'x-custom']);

const formats = [
	['the default format', defaultFlowFormat],
	['a custom format with tcp-flags and pkt-srcaddr', customFormat],
] as const;

const strayLines = fc.constantFrom(
	'',
	'not a flow record',
	'2 123456789012 eni-0a1b2c3d4e5f60718 - - - - - - - 1700000000 1700000060 - NODATA',
	'2 123456789012 eni-0a1b2c3d4e5f60718 10.0.1.10 10.0.1.27 1 2 6 1 40 1700000060 1700000000 ACCEPT OK',
	'2 123456789012 eni-0a1b2c3d4e5f60718 10.0.1.10  10.0.1.27 1 2 6 1 40 1700000000 1700000060 ACCEPT OK',
	'2 123456789012 eni-0a1b2c3d4e5f60718 10.0.1.010 10.0.1.27 1 2 6 1 40 1700000000 1700000060 ACCEPT OK',
	'2 123456789012 eni-\u001b[31m 10.0.1.10 10.0.1.27 1 2 6 1 40 1700000000 1700000060 ACCEPT OK',
);

// The world's records carry no version, account, tcp-flags or rewritten source; they get them here,
// so the default format's lines take its fast way in and the custom format has something to carry.
const extra = {version: '2', 'account-id': '123456789012', 'x-custom': 'blue'};

function withPacketFields(record: FlowRecord, position: number): FlowRecord {
	const tcpFlags = [2, 18, 19, 3][position % 4] ?? 0;
	return position % 5 === 0 && record.srcAddr !== undefined
		? {...record, extra, tcpFlags, pktSrcAddr: '100.64.0.9'}
		: {...record, extra, tcpFlags};
}

describe('parseFlowTable and the table readers', () => {
	it.each(formats)('pair and aggregate as parsed records do, in %s', (_name, format) => {
		fc.assert(
			fc.property(
				worldSpec,
				fc.array(fc.tuple(fc.nat(), strayLines), {maxLength: 6}),
				(spec, strays) => {
					const world = buildWorld(spec);
					const lines: (string | undefined)[] = world.records.map((record, position) =>
						renderFlowRecord(withPacketFields(record, position), format),
					);
					for (const [at, line] of strays) {
						lines.splice(at % (lines.length + 1), 0, line);
					}

					lines.push(undefined);
					const parsed = parseFlowRecords(lines, format);
					const table = parseFlowTable(lines, format);
					expect(table.table.length).toBe(parsed.records.length);
					expect(table.malformed).toBe(parsed.malformed);
					expect(table.reasons).toEqual(parsed.reasons);
					expect(pairTable(table.table, world.topology)).toEqual(
						pairConnections(parsed.records, world.topology),
					);
					expect(aggregateTable(table.table, world.topology)).toEqual(
						aggregateRecords(parsed.records, world.topology),
					);
				},
			),
			{numRuns: 30},
		);
	});
});
