// Records group into conversations: one interface, one protocol, both directions of one pair of
// endpoints. Parsed records take the integer table; hand-made ones with odd ports or protocols keep
// the keys they always had (-0 is port 0, NaN is one port, 1.5 is its own).
import {describe, expect, it} from 'vitest';
import {flowTableOf} from '../../../source/domain/flows/flow-table.js';
import {
	createTuple,
	groupByTuple as groupRows,
	readTuple,
} from '../../../source/domain/flows/tuples.js';
import type {FlowRecord} from '../../../source/domain/types/flows.js';

/** Changes to a record; an undefined one removes the field. */
type Ends = {readonly [Key in keyof FlowRecord]?: FlowRecord[Key] | undefined};

function record(changes: Ends): FlowRecord {
	const base: Record<string, unknown> = {
		interfaceId: 'eni-1',
		logStatus: 'OK',
		srcAddr: '198.51.100.7',
		dstAddr: '10.0.1.10',
		srcPort: 40_000,
		dstPort: 80,
		protocol: 6,
		start: 1_700_000_000,
		end: 1_700_000_060,
		extra: {},
		...changes,
	};
	for (const [key, value] of Object.entries(base)) {
		if (value === undefined) {
			delete base[key];
		}
	}

	return base as FlowRecord;
}

/** The groups, with the table's row numbers read back as the records they are. */
function groupByTuple(records: readonly FlowRecord[]) {
	const table = flowTableOf(records);
	const grouped = groupRows(table);
	const tuples = Array.from({length: grouped.count}, (_, index) =>
		readTuple(table, grouped, index, createTuple()),
	);
	return {tuples, records: Array.from(grouped.rows, (row) => records[row])};
}

const reply: Ends = {srcAddr: '10.0.1.10', dstAddr: '198.51.100.7', srcPort: 80, dstPort: 40_000};

describe('groupByTuple', () => {
	it.each<[string, Ends, Ends, boolean]>([
		['a request and its reply', {}, reply, true],
		['the same direction twice', {}, {}, true],
		['another interface', {}, {...reply, interfaceId: 'eni-2'}, false],
		['another protocol', {}, {...reply, protocol: 17}, false],
		['another client port', {}, {...reply, dstPort: 40_001}, false],
		['another client address', {}, {...reply, dstAddr: '198.51.100.8'}, false],
		['ports swapped on one side', {}, {srcPort: 80, dstPort: 40_000}, false],
		['port -0 and port 0', {srcPort: -0}, {srcPort: 0}, true],
		['two NaN ports', {srcPort: Number.NaN}, {srcPort: Number.NaN}, true],
		['a NaN port and its reply', {srcPort: Number.NaN}, {...reply, dstPort: Number.NaN}, true],
		['a fractional port and a whole one', {srcPort: 1.5}, {srcPort: 1}, false],
		['a port past 65535 and its reply', {srcPort: 70_000}, {...reply, dstPort: 70_000}, true],
		['a protocol past 255, twice', {protocol: 300}, {protocol: 300}, true],
		['a protocol past 255 and 44 (300 mod 256)', {protocol: 300}, {protocol: 44}, false],
		['a missing port and port 0', {srcPort: undefined}, {srcPort: 0}, true],
	])('%s: one conversation is %s', (_name, first, second, together) => {
		const grouped = groupByTuple([record(first), record(second)]);
		expect(grouped.tuples).toHaveLength(together ? 1 : 2);
		expect(grouped.records).toHaveLength(2);
	});

	it('keeps each conversation in record order, the first record naming side a', () => {
		const records = [
			record({start: 1}),
			record({...reply, protocol: 17, start: 2}),
			record({...reply, start: 3}),
			record({protocol: 17, start: 4}),
		];
		const {tuples, records: grouped} = groupByTuple(records);
		expect(
			tuples.map(({aAddr, aPort, protocol, from, to}) => [aAddr, aPort, protocol, from, to]),
		).toEqual([
			['198.51.100.7', 40_000, 6, 0, 2],
			['10.0.1.10', 80, 17, 2, 4],
		]);
		expect(grouped.map((each) => each?.start)).toEqual([1, 3, 2, 4]);
	});

	it('leaves out rows that cannot belong to a conversation', () => {
		const grouped = groupByTuple([
			record({logStatus: 'NODATA'}),
			record({srcAddr: undefined}),
			record({dstAddr: ''}),
			record({protocol: undefined}),
			record({}),
		]);
		expect(grouped.tuples).toHaveLength(1);
		expect(grouped.records).toHaveLength(1);
	});

	it('tells apart many conversations that share a table', () => {
		const records = Array.from({length: 3000}, (_, index) =>
			record({srcAddr: `198.51.${index % 7}.${index % 250}`, srcPort: 1024 + (index % 1000)}),
		);
		const distinct = new Set(records.map((each) => `${each.srcAddr}|${each.srcPort}`));
		expect(groupByTuple([...records, ...records]).tuples).toHaveLength(distinct.size);
	});
});
