// Percentiles in bounded memory, whatever the traffic: a log-bucket sketch (the DDSketch idea).
// Each positive value falls in the bucket i with γ^(i-1) < value ≤ γ^i, γ = (1 + α) / (1 - α);
// a percentile is answered with its bucket's midpoint, so it is within α = 1% of the true
// nearest-rank percentile (relative). Timings from 1 ms to an hour need under 800 buckets; past
// `maxBuckets` the lowest buckets are merged, which only coarsens the fastest values (p50 and p99
// stay within α unless more than half the buckets are below the median). Sketches of adjacent
// intervals merge exactly, so a sliding window is the sum of its intervals' sketches.

export const relativeAccuracy = 0.01;
const gamma = (1 + relativeAccuracy) / (1 - relativeAccuracy);
const logGamma = Math.log(gamma);
/** Values at or below this are counted as zero (ALB timings have millisecond precision). */
const smallest = 1e-9;
export const maxBuckets = 2048;

export class QuantileSketch {
	private readonly buckets = new Map<number, number>();
	private zeros = 0;
	private total = 0;
	private largest = Number.NEGATIVE_INFINITY;

	get count(): number {
		return this.total;
	}

	get max(): number | undefined {
		return this.total === 0 ? undefined : this.largest;
	}

	/** Memory held: never more than `maxBuckets`. */
	get bucketCount(): number {
		return this.buckets.size;
	}

	add(value: number, times = 1): void {
		if (!Number.isFinite(value) || value < 0 || times <= 0) {
			return;
		}

		this.total += times;
		this.largest = Math.max(this.largest, value);
		if (value <= smallest) {
			this.zeros += times;
			return;
		}

		const index = Math.ceil(Math.log(value) / logGamma);
		this.buckets.set(index, (this.buckets.get(index) ?? 0) + times);
		if (this.buckets.size > maxBuckets) {
			this.collapseLowest();
		}
	}

	merge(other: QuantileSketch): void {
		this.total += other.total;
		this.zeros += other.zeros;
		this.largest = Math.max(this.largest, other.largest);
		for (const [index, count] of other.buckets) {
			this.buckets.set(index, (this.buckets.get(index) ?? 0) + count);
		}

		while (this.buckets.size > maxBuckets) {
			this.collapseLowest();
		}
	}

	/** The nearest-rank percentile (q in 0..1), or undefined when empty. */
	quantile(q: number): number | undefined {
		if (this.total === 0) {
			return undefined;
		}

		const rank = Math.max(0, Math.ceil(Math.min(1, Math.max(0, q)) * this.total) - 1);
		if (rank < this.zeros) {
			return 0;
		}

		let seen = this.zeros;
		for (const index of [...this.buckets.keys()].sort((a, b) => a - b)) {
			seen += this.buckets.get(index) ?? 0;
			if (seen > rank) {
				// The bucket's midpoint; never above the largest value seen.
				return Math.min(this.largest, (2 * gamma ** index) / (gamma + 1));
			}
		}

		return this.largest;
	}

	private collapseLowest(): void {
		const [lowest, next] = [...this.buckets.keys()].sort((a, b) => a - b);
		if (lowest === undefined || next === undefined) {
			return;
		}

		this.buckets.set(next, (this.buckets.get(next) ?? 0) + (this.buckets.get(lowest) ?? 0));
		this.buckets.delete(lowest);
	}
}
