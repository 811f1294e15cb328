// The rows come in compareConnections order whatever their shapes and values: sortConnections reads
// each row's sort fields into columns once, and must order exactly as sorting by the comparator
// does (stable, so rows that compare equal keep the order they came in).
import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {compareConnections, sortConnections} from '../../../source/domain/flows/connection-rows.js';
import type {Connection, FlowLeg} from '../../../source/domain/types/flows.js';

const time = fc.oneof(
	fc.integer({min: 1_700_000_000, max: 1_700_000_030}),
	fc.constantFrom(0, -0, Number.NaN, Number.POSITIVE_INFINITY, 1.5, 2 ** 40),
);

const leg = fc.record({
	role: fc.constantFrom('frontend' as const, 'backend' as const, 'target' as const),
	interfaceId: fc.constant('eni-0aaa000000000000a'),
	protocol: fc.constant(6),
	srcAddr: fc.constant('198.51.100.7'),
	srcPort: fc.constant(40_000),
	dstAddr: fc.constant('10.0.1.10'),
	dstPort: fc.constant(80),
	action: fc.constantFrom('ACCEPT' as const, 'REJECT' as const),
	packets: fc.constant(1),
	bytes: fc.constant(40),
	start: time,
	end: time,
}) satisfies fc.Arbitrary<FlowLeg>;

// Ids as pairing makes them, and a few equal ones so that ties reach the stable order.
const id = fc.oneof(
	fc.constantFrom('c-empty', 'c-0000000000000000', 'c-ffffffffffffffff'),
	fc.stringMatching(/^c-[0-9a-f]{16}$/),
);

const connection: fc.Arbitrary<Connection> = fc.record(
	{
		id,
		kind: fc.constantFrom('exact' as const, 'unpaired' as const, 'health-check' as const),
		candidates: fc.nat(3),
		clientAddr: fc.constant('198.51.100.7'),
		clientPort: fc.constant(40_000),
		protocol: fc.constant(6),
		frontend: leg,
		backend: leg,
		targetView: leg,
		packets: fc.constant(1),
		bytes: fc.constant(40),
		start: time,
		end: time,
	},
	{
		requiredKeys: [
			'id',
			'kind',
			'clientAddr',
			'clientPort',
			'protocol',
			'packets',
			'bytes',
			'start',
			'end',
		],
	},
);

describe('sortConnections', () => {
	it('orders as a stable sort by compareConnections', () => {
		fc.assert(
			fc.property(fc.array(connection, {maxLength: 40}), (rows) => {
				const sorted = sortConnections(rows);
				const expected = [...rows].sort(compareConnections);
				expect(sorted).toHaveLength(expected.length);
				sorted.forEach((row, position) => {
					expect(row).toBe(expected[position]);
				});
			}),
			{numRuns: 500},
		);
	});
});
