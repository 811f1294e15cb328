import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {sameJson} from '../../source/live/same-content.js';

/** JSON text with every object's keys sorted: equal exactly when the values read the same. */
function canonical(value: unknown): string {
	return JSON.stringify(value, (_key, inner: unknown) =>
		typeof inner === 'object' && inner !== null && !Array.isArray(inner)
			? Object.fromEntries(
					Object.entries(inner).sort(([left], [right]) =>
						left < right ? -1 : left > right ? 1 : 0,
					),
				)
			: inner,
	);
}

describe('sameJson', () => {
	it.each([
		{name: 'one reference', left: {a: [1]}, right: undefined, same: true, shared: true},
		{name: 'equal copies', left: {a: [1, {b: 'x'}]}, right: {a: [1, {b: 'x'}]}, same: true},
		{name: 'keys in another order', left: {a: 1, b: 2}, right: {b: 2, a: 1}, same: true},
		{
			name: 'an undefined key and a missing one',
			left: {a: 1, b: undefined},
			right: {a: 1},
			same: true,
		},
		{name: 'undefined and null in an array', left: [undefined], right: [null], same: true},
		{name: 'NaN and null', left: {a: Number.NaN}, right: {a: null}, same: true},
		{name: 'a changed number', left: {a: [1, 2]}, right: {a: [1, 3]}, same: false},
		{name: 'a longer array', left: [1], right: [1, 1], same: false},
		{name: 'an added key', left: {a: 1}, right: {a: 1, b: 0}, same: false},
		{name: 'a number and its text', left: {a: 1}, right: {a: '1'}, same: false},
		{name: 'an array and an object', left: {a: []}, right: {a: {}}, same: false},
		{name: 'null and an object', left: null, right: {}, same: false},
	])('$name', ({left, right, same, shared}) => {
		expect(sameJson(left, shared === true ? left : right)).toBe(same);
	});

	it('agrees with comparing the JSON text', () => {
		const value = fc.jsonValue({maxDepth: 3});
		fc.assert(
			fc.property(value, value, (left, right) => {
				expect(sameJson(left, right)).toBe(canonical(left) === canonical(right));
				expect(sameJson(left, structuredClone(left))).toBe(true);
			}),
		);
	});
});
