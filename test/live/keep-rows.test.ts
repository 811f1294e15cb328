// A flows read's rows are given the held objects wherever they are equal: the view written must
// still equal the new view exactly, field by field as the types declare them.
import {isDeepStrictEqual} from 'node:util';
import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import type {Connection, DirectionStats, FlowLeg, FlowsView} from '../../source/domain/snapshot.js';
import {keepFlowsView, keepRows} from '../../source/live/keep-rows.js';

const number = fc.constantFrom(0, -0, 1, 80, Number.NaN);
/** An optional field: absent, or any of the values (an undefined one only where the type allows). */
const optional = <T>(value: fc.Arbitrary<T>) => fc.option(value, {nil: undefined, freq: 2});
/** The fields given as undefined left out, as exactOptionalPropertyTypes writes an absent one. */
function withoutAbsent<T>(value: {readonly [K in keyof T]-?: T[K] | undefined}): T {
	return Object.fromEntries(Object.entries(value).filter(([, field]) => field !== undefined)) as T;
}

const stats: fc.Arbitrary<DirectionStats> = fc
	.record({
		packets: number,
		bytes: number,
		action: fc.constantFrom('ACCEPT', 'REJECT'),
		records: number,
		rejectedRecords: optional(number),
		tcpFlags: optional(number),
		explicitUndefined: fc.boolean(),
	})
	.map(({explicitUndefined, ...fields}) =>
		explicitUndefined
			? {...withoutAbsent<DirectionStats>(fields), tcpFlags: undefined}
			: withoutAbsent<DirectionStats>(fields),
	);

const leg: fc.Arbitrary<FlowLeg> = fc
	.record({
		role: fc.constantFrom('frontend', 'backend', 'target'),
		interfaceId: fc.constantFrom('eni-a', 'eni-b'),
		availabilityZone: optional(fc.constantFrom('us-east-1a', 'us-east-1b')),
		protocol: number,
		srcAddr: fc.constantFrom('203.0.113.7', '10.0.0.5'),
		srcPort: number,
		dstAddr: fc.constantFrom('10.0.0.5', '10.0.0.10'),
		dstPort: number,
		action: fc.constantFrom('ACCEPT', 'REJECT'),
		packets: number,
		bytes: number,
		start: number,
		end: number,
		forward: optional(stats),
		reverse: optional(stats),
	})
	.map((fields) => withoutAbsent<FlowLeg>(fields));

const row: fc.Arbitrary<Connection> = fc
	.record({
		id: fc.constantFrom('c1', 'c2', 'c3', 'c4', 'c5'),
		kind: fc.constantFrom('exact', 'likely', 'arriving'),
		candidates: optional(number),
		clientAddr: fc.constantFrom('203.0.113.7', '203.0.113.8'),
		clientPort: number,
		listenerPort: optional(number),
		targetAddr: optional(fc.constantFrom('10.0.0.10')),
		targetPort: optional(number),
		protocol: number,
		frontend: optional(leg),
		backend: optional(leg),
		targetView: optional(leg),
		packets: number,
		bytes: number,
		start: number,
		end: number,
	})
	.map((fields) => withoutAbsent<Connection>(fields));

/** Rows with distinct ids, some of them copies of held rows (equal, not the same objects). */
const rowsAfter = (held: readonly Connection[]) =>
	fc
		.array(fc.oneof(row, fc.constantFrom(...held, ...([] as Connection[])).map(structuredClone)), {
			maxLength: 6,
		})
		.map((rows) => [...new Map(rows.map((entry) => [entry.id, entry])).values()]);

const heldAndNext = fc
	.array(row, {minLength: 1, maxLength: 5})
	.map((rows) => [...new Map(rows.map((entry) => [entry.id, entry])).values()])
	.chain((held) => fc.tuple(fc.constant(held), rowsAfter(held)));

function view(connections: readonly Connection[], flows = 3): FlowsView {
	return {
		connections,
		sampled: false,
		recordsRead: 10,
		recordsMatched: 10,
		malformedRecords: 0,
		aggregationSeconds: 60,
		aggregates: {
			accepted: {flows, packets: 1, bytes: 2},
			rejected: {flows: 0, packets: 0, bytes: 0},
			acceptedSources: [{addr: '203.0.113.7', ports: [80], flows, packets: 1, bytes: 2}],
			rejectedSources: [],
			acceptedPorts: [],
			rejectedPorts: [],
			interfaces: [],
			timeline: [{start: 0, accepted: flows, rejected: 0, bytes: 2, precision: 'exact'}],
			bucketSeconds: 60,
			precision: 'exact',
		},
	};
}

describe('keepRows', () => {
	it('gives rows equal to the new ones, each equal held row being the held object', () => {
		fc.assert(
			fc.property(heldAndNext, ([held, next]) => {
				const kept = keepRows(held, next);
				expect(isDeepStrictEqual(kept, next)).toBe(true);
				for (const [index, entry] of kept.entries()) {
					const before = held.find((candidate) => candidate.id === entry.id);
					const equal = before !== undefined && isDeepStrictEqual(before, next[index]);
					expect(entry === before).toBe(equal);
				}
				expect(kept === held).toBe(isDeepStrictEqual(held, next));
			}),
			{numRuns: 1500},
		);
	});
});

describe('keepFlowsView', () => {
	it('gives a view equal to the new one, with the held rows when none changed', () => {
		fc.assert(
			fc.property(heldAndNext, fc.constantFrom(3, 4), ([held, next], flows) => {
				const before = view(held);
				const after = view(next, flows);
				const kept = keepFlowsView(before, after);
				expect(isDeepStrictEqual(kept, after)).toBe(true);
				expect(kept.connections === before.connections).toBe(
					isDeepStrictEqual(before.connections, after.connections),
				);
			}),
			{numRuns: 500},
		);
	});
});
