import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import type {Json} from '../../source/live/record-delta.js';
import {diffJson} from '../../source/live/record-diff.js';
import {applyPatch, PatchError} from '../../source/live/record-patch.js';
import {sameJson} from '../../source/live/same-content.js';

/** Rows as lbtop's lists hold them: an id from a small pool (so rows come, go and change) and fields. */
const rows = fc
	.uniqueArray(
		fc.record({
			id: fc.constantFrom('c-1', 'c-2', 'c-3', 'c-4', 'c-5', 'c-6', '__proto__', 'constructor'),
			bytes: fc.integer({min: 0, max: 5}),
			kind: fc.constantFrom('exact', 'likely', 'unpaired'),
			// A leg much like its neighbours': new rows are often written as a neighbour changed.
			leg: fc.record({
				interfaceId: fc.constantFrom('eni-0a1b2c3d4e5f60718', 'eni-0f1e2d3c4b5a69788'),
				availabilityZone: fc.constantFrom('us-east-1a', 'us-east-1b'),
				action: fc.constantFrom('ACCEPT', 'REJECT'),
			}),
		}),
		{selector: (row) => row.id, maxLength: 8},
	)
	.map((list): Json => list);

/** Points of a series: named by their first field, a time. */
const points = fc
	.uniqueArray(fc.record({t: fc.integer({min: 0, max: 6}), v: fc.integer({min: 0, max: 3})}), {
		selector: (point) => point.t,
		maxLength: 6,
	})
	.map((list): Json => list);

const value: fc.Arbitrary<Json> = fc.letrec<{value: Json}>((tie) => ({
	value: fc.oneof(
		{depthSize: 'small', withCrossShrink: true},
		fc.jsonValue({maxDepth: 1}) as fc.Arbitrary<Json>,
		rows,
		points,
		fc.dictionary(fc.constantFrom('a', 'b', 'c', 'id', '__proto__'), tie('value'), {
			maxKeys: 4,
		}),
	),
})).value;

describe('diffJson and applyPatch', () => {
	it('a patch applied to the value it was made from gives the new value, for every pair', () => {
		fc.assert(
			fc.property(value, value, (before, after) => {
				const patch = diffJson(before, after);
				const applied =
					patch === undefined ? before : applyPatch(before, JSON.parse(JSON.stringify(patch)));
				expect(sameJson(applied, after)).toBe(true);
			}),
			{numRuns: 2000},
		);
	});

	it('the same JSON gives no patch, whatever the keys with undefined values', () => {
		expect(diffJson({a: 1, b: [1, {c: 2}]}, {a: 1, b: [1, {c: 2}]})).toBeUndefined();
		const withUndefined = {a: 1, b: undefined} as unknown as Json;
		expect(diffJson(withUndefined, {a: 1})).toBeUndefined();
	});

	it('a list of a thousand rows of which ten are new and ten gone writes the ten and two runs', () => {
		const row = (index: number) => ({id: `c-${index}`, bytes: index, kind: 'exact'});
		const before = Array.from({length: 1000}, (_, index) => row(index));
		const after = [
			...Array.from({length: 10}, (_, index) => row(2000 + index)),
			...before.slice(0, 990),
		];
		const patch = diffJson(before, after);
		expect(patch).toEqual({
			rows: [...after.slice(0, 10).map((added) => added.id), [0, 990]],
			changed: Object.fromEntries(after.slice(0, 10).map((added) => [added.id, {set: added}])),
		});
		expect(JSON.stringify(patch).length).toBeLessThan(JSON.stringify(after).length / 50);
	});

	it('points of a sliding window are named by their time: one goes, one comes', () => {
		const before = [0, 60, 120, 180].map((t) => ({t, v: t / 60}));
		const after = [...before.slice(1), {t: 240, v: 4}];
		expect(diffJson(before, after)).toEqual({
			rows: [[1, 3], '240'],
			changed: {'240': {set: {t: 240, v: 4}}},
			by: 't',
		});
	});

	it('a key that appears keeps its place: the object prints as it was recorded', () => {
		const before = {schemaVersion: 1, generatedAt: 1, findings: []};
		const after = {schemaVersion: 1, generatedAt: 2, topology: {name: 'web'}, findings: []};
		const applied = applyPatch(before, diffJson(before, after));
		expect(JSON.stringify(applied)).toBe(JSON.stringify(after));
	});

	it('a new row much like the one before it is written as that row changed', () => {
		const leg = {
			interfaceId: 'eni-0a1b2c3d4e5f60718',
			availabilityZone: 'us-east-1a',
			action: 'ACCEPT',
		};
		const row = {kind: 'exact', protocol: 6, targetAddr: '10.0.10.21', leg};
		const before = [{id: 'c-1', port: 1, ...row}];
		const after = [...before, {id: 'c-2', port: 2, ...row}];
		const patch = diffJson(before, after);
		expect(patch).toEqual({
			rows: [[0, 1], 'c-2'],
			changed: {'c-2': {like: 'c-1', with: {put: {id: 'c-2', port: 2}}}},
		});
		expect(applyPatch(before, patch)).toEqual(after);
	});

	it('a changed row is patched, not rewritten', () => {
		const before = {flows: {connections: [{id: 'c-1', bytes: 1, kind: 'exact', client: 'x'}]}};
		const after = {flows: {connections: [{id: 'c-1', bytes: 9, kind: 'exact', client: 'x'}]}};
		expect(diffJson(before, after)).toEqual({
			keys: {
				flows: {keys: {connections: {rows: [[0, 1]], changed: {'c-1': {put: {bytes: 9}}}}}},
			},
		});
	});

	it('keeps what did not change: the same objects, not copies', () => {
		const unchanged = {id: 'c-1', bytes: 1};
		const before = {rows: [unchanged, {id: 'c-2', bytes: 2}], other: {deep: [1, 2]}};
		const after = {rows: [unchanged, {id: 'c-2', bytes: 3}], other: before.other};
		const patch = diffJson(before, after);
		const applied = applyPatch(before, patch) as typeof before;
		expect(applied.rows[0]).toBe(unchanged);
		expect(applied.other).toBe(before.other);
	});

	it.each([
		['not an object', 7],
		['of no known kind', {swap: 1}],
		['rows for an object', {rows: [[0, 1]]}],
		['a run past the end', {rows: [[0, 5]]}],
		['a new row without a value', {rows: ['c-9']}],
		[
			'a new row like one not built before it',
			{rows: ['c-9'], changed: {'c-9': {like: 'c-8', with: {put: {}}}}},
		],
		['keys for a list', {put: {}}],
	])('a patch %s is refused with a PatchError', (_what, patch) => {
		const before: Json =
			patch !== null && typeof patch === 'object' && 'keys' in patch ? [] : [{id: 'c-1'}];
		const target: Json = _what === 'rows for an object' ? {a: 1} : before;
		expect(() => applyPatch(target, patch)).toThrow(PatchError);
	});
});
