// The view a flows read writes is built from the held one's parts wherever they are equal: it must
// still equal the new view exactly, and keep every part that did not change.
import {isDeepStrictEqual} from 'node:util';
import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {keepUnchanged} from '../../source/live/keep-unchanged.js';

const leaf = fc.oneof(
	fc.constantFrom(0, -0, 1, 2, Number.NaN, Number.POSITIVE_INFINITY, '', 'a', 'b', true, null),
	fc.constant(undefined),
);
// Small keys and ids, so two random values often share parts.
const {value} = fc.letrec<{value: unknown}>((tie) => ({
	value: fc.oneof(
		{depthSize: 'small', withCrossShrink: true},
		leaf,
		fc.array(tie('value'), {maxLength: 4}),
		fc.dictionary(fc.constantFrom('id', 'x', 'y', 'z'), tie('value'), {maxKeys: 4}),
		fc.array(fc.record({id: fc.constantFrom('r1', 'r2', 'r3', 'r4'), v: tie('value')}), {
			maxLength: 4,
		}),
	),
}));

/** Every part of `result` deeply equal to the part of `previous` at the same path is that part. */
function keepsEqualParts(previous: unknown, result: unknown): boolean {
	if (isDeepStrictEqual(previous, result)) {
		return Object.is(previous, result);
	}
	if (
		typeof previous !== 'object' ||
		previous === null ||
		typeof result !== 'object' ||
		result === null
	) {
		return true;
	}
	// Only like with like is walked: an array and an object, or two prototypes, share nothing.
	if (Object.getPrototypeOf(previous) !== Object.getPrototypeOf(result)) {
		return true;
	}
	return Object.keys(result).every(
		(key) =>
			!Object.hasOwn(previous, key) ||
			Array.isArray(result) ||
			keepsEqualParts(Reflect.get(previous, key), Reflect.get(result, key)),
	);
}

describe('keepUnchanged', () => {
	it('gives a value deeply equal to the new one, the held one when nothing changed', () => {
		fc.assert(
			fc.property(value, value, (previous, next) => {
				const result = keepUnchanged(previous, next);
				expect(isDeepStrictEqual(result, next)).toBe(true);
				expect(Object.is(result, previous)).toBe(isDeepStrictEqual(previous, next));
				expect(keepsEqualParts(previous, result)).toBe(true);
			}),
			{numRuns: 2000},
		);
	});

	it('keeps each unchanged row of a list, wherever it moved', () => {
		const rows = [
			{id: 'a', n: 1, leg: {start: 1}},
			{id: 'b', n: 2, leg: {start: 2}},
			{id: 'c', n: 3, leg: {start: 3}},
		];
		const next = [
			{id: 'd', n: 4, leg: {start: 4}},
			{id: 'c', n: 3, leg: {start: 3}},
			{id: 'a', n: 9, leg: {start: 1}},
		];
		const result = keepUnchanged({rows, total: 6}, {rows: next, total: 16});
		expect(result).toStrictEqual({rows: next, total: 16});
		expect(result.rows[1]).toBe(rows[2]);
		expect(result.rows[2]?.leg).toBe(rows[0]?.leg);
		expect(result.rows[0]).toBe(next[0]);
	});

	it('tells -0 from 0 and keeps NaN', () => {
		expect(Object.is(keepUnchanged({a: 0}, {a: -0}).a, -0)).toBe(true);
		expect(Object.is(keepUnchanged([0], [-0])[0], -0)).toBe(true);
		const held = {a: Number.NaN};
		expect(keepUnchanged(held, {a: Number.NaN})).toBe(held);
	});

	it('walks only plain objects and arrays', () => {
		const held = new Map([['a', 1]]);
		const next = new Map([['a', 1]]);
		expect(keepUnchanged({held}, {held: next}).held).toBe(next);
	});
});
