import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {
	maxBuckets,
	QuantileSketch,
	relativeAccuracy,
} from '../../../source/domain/access-logs/sketch.js';

/** The nearest-rank percentile, computed exactly. */
function exact(values: readonly number[], q: number): number {
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.max(0, Math.ceil(q * sorted.length) - 1)] ?? Number.NaN;
}

const timing = fc.oneof(
	fc.constant(0),
	fc.integer({min: 1, max: 4_000_000}).map((ms) => ms / 1000),
);

describe('the percentile sketch', () => {
	it('answers every percentile within 1% of the exact nearest-rank value', () => {
		fc.assert(
			fc.property(
				fc.array(timing, {minLength: 1, maxLength: 400}),
				fc.double({min: 0, max: 1, noNaN: true}),
				(values, q) => {
					const sketch = new QuantileSketch();
					for (const value of values) {
						sketch.add(value);
					}

					const truth = exact(values, q);
					const answer = sketch.quantile(q) ?? Number.NaN;
					expect(Math.abs(answer - truth)).toBeLessThanOrEqual(truth * relativeAccuracy + 1e-12);
					expect(sketch.max).toBe(Math.max(...values));
					expect(sketch.count).toBe(values.length);
				},
			),
			{numRuns: 300},
		);
	});

	it('merged sketches answer as one sketch of all the values', () => {
		fc.assert(
			fc.property(
				fc.array(timing, {maxLength: 200}),
				fc.array(timing, {maxLength: 200}),
				(left, right) => {
					const [a, b, all] = [new QuantileSketch(), new QuantileSketch(), new QuantileSketch()];
					for (const value of left) {
						a.add(value);
						all.add(value);
					}

					for (const value of right) {
						b.add(value);
						all.add(value);
					}

					a.merge(b);
					for (const q of [0, 0.5, 0.9, 0.99, 1]) {
						expect(a.quantile(q)).toBe(all.quantile(q));
					}
				},
			),
			{numRuns: 200},
		);
	});

	it('stays bounded over values spread across every magnitude, and keeps the high percentiles', () => {
		const sketch = new QuantileSketch();
		const values: number[] = [];
		for (let exponent = -8; exponent < 8; exponent += 0.002) {
			values.push(10 ** exponent);
			sketch.add(10 ** exponent);
		}

		expect(values.length).toBeGreaterThan(maxBuckets * 3);
		const p99 = exact(values, 0.99);
		expect(Math.abs((sketch.quantile(0.99) ?? 0) - p99)).toBeLessThanOrEqual(
			p99 * relativeAccuracy,
		);
		expect((sketch as unknown as {buckets: Map<number, number>}).buckets.size).toBeLessThanOrEqual(
			maxBuckets,
		);
	});

	it('ignores values that are not timings and says nothing when empty', () => {
		const sketch = new QuantileSketch();
		for (const value of [Number.NaN, -1, Number.POSITIVE_INFINITY]) {
			sketch.add(value);
		}

		expect(sketch.quantile(0.5)).toBeUndefined();
		expect(sketch.max).toBeUndefined();
	});
});
