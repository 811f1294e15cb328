// When traffic worked again after a finding's evidence: read from an index of the rows, it must say
// what a scan of every row says, for any rows, any evidence and any port.
import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {clearThrough, type LegSide} from '../../../source/domain/findings/evidence-time.js';
import type {Connection, FlowLeg, Snapshot} from '../../../source/domain/snapshot.js';
import {leg} from './flows-builder.js';
import {buildSnapshot, flows} from './snapshot-builder.js';

/** The scan every rule ran before the index: each row's leg on that side, one by one. */
function scanned(
	snapshot: Snapshot,
	evidence: readonly FlowLeg[],
	side: LegSide,
	port: number | undefined,
): number | undefined {
	if (evidence.length === 0) {
		return undefined;
	}

	const interfaces = new Set(evidence.map((entry) => entry.interfaceId));
	const last = Math.max(...evidence.map((entry) => entry.end));
	let newest: number | undefined;
	for (const connection of snapshot.flows?.connections ?? []) {
		const found = connection[side];
		if (
			found !== undefined &&
			found.action === 'ACCEPT' &&
			found.start > last &&
			interfaces.has(found.interfaceId) &&
			(port === undefined || found.dstPort === port)
		) {
			newest = Math.max(newest ?? 0, found.start * 1000);
		}
	}

	return newest;
}

const interfaceId = fc.constantFrom('eni-a', 'eni-b', 'eni-c');
const port = fc.oneof(fc.constantFrom(80, 443, 8080), fc.constant(Number.NaN));
const time = fc.oneof(fc.integer({min: 0, max: 40}), fc.constant(Number.NaN), fc.constant(-0));
const anyLeg = fc
	.record({
		interfaceId,
		dstPort: port,
		start: time,
		length: fc.integer({min: 0, max: 10}),
		action: fc.constantFrom('ACCEPT', 'REJECT'),
	})
	.map(({length, ...fields}) =>
		leg({role: 'frontend', ...fields, end: fields.start + length, action: fields.action}),
	);
const row = fc
	.record({
		frontend: fc.option(anyLeg, {nil: undefined}),
		backend: fc.option(anyLeg, {nil: undefined}),
		targetView: fc.option(anyLeg, {nil: undefined}),
	})
	.map(
		(legs): Connection => ({
			id: 'c',
			kind: 'exact',
			clientAddr: '203.0.113.7',
			clientPort: 40_000,
			protocol: 6,
			packets: 1,
			bytes: 1,
			start: 0,
			end: 1,
			...Object.fromEntries(Object.entries(legs).filter(([, value]) => value !== undefined)),
		}),
	);

describe('clearThrough', () => {
	it('gives what a scan of every row gives', () => {
		fc.assert(
			fc.property(
				fc.array(row, {maxLength: 30}),
				fc.array(anyLeg, {maxLength: 4}),
				fc.constantFrom<LegSide>('frontend', 'backend', 'targetView'),
				fc.option(port, {nil: undefined}),
				(rows, evidence, side, asked) => {
					const connections = rows.map((entry, index) => ({...entry, id: `c${index}`}));
					const snapshot = {...buildSnapshot(), flows: flows(connections)};
					// Asked twice: the second answer comes from the index the first one built.
					for (const _ of [1, 2]) {
						expect(clearThrough(snapshot, evidence, side, asked)).toBe(
							scanned(snapshot, evidence, side, asked),
						);
					}
				},
			),
			{numRuns: 400},
		);
	});
});
