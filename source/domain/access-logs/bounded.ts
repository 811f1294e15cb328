// Counters and lists that stay small whatever the traffic: a counter remembers a bounded number of
// names (the rest is summed under `other`), a ranked list keeps its best few. Both merge, so a
// window is the sum of its 5-minute intervals.
import type {TopCounts} from '../types/access-logs.js';

export class BoundedCounter {
	private readonly counts = new Map<string, number>();
	private rest = 0;

	/** Error reasons and classifications are a few documented codes; SNI names are the client's. */
	constructor(private readonly maxNames = 256) {}

	add(name: string | undefined, times = 1): void {
		if (name === undefined) {
			return;
		}

		const known = this.counts.get(name);
		if (known !== undefined) {
			this.counts.set(name, known + times);
		} else if (this.counts.size < this.maxNames) {
			this.counts.set(name, times);
		} else {
			this.rest += times;
		}
	}

	merge(other: BoundedCounter): void {
		for (const [name, count] of other.counts) {
			this.add(name, count);
		}

		this.rest += other.rest;
	}

	get total(): number {
		let sum = this.rest;
		for (const count of this.counts.values()) {
			sum += count;
		}

		return sum;
	}

	/** The `length` most frequent names (ties by name), the others summed. */
	top(length = 10): TopCounts {
		const sorted = [...this.counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
		const top = sorted.slice(0, length).map(([name, count]) => ({name, count}));
		const other = sorted.slice(length).reduce((sum, [, count]) => sum + count, this.rest);
		return {top, other};
	}
}

/** The first `length` items by `compare`, each kept once (by `key`). */
export class RankedList<Item> {
	private items: Item[] = [];

	constructor(
		private readonly length: number,
		private readonly compare: (a: Item, b: Item) => number,
		private readonly key: (item: Item) => string,
	) {}

	add(item: Item): void {
		const last = this.items.at(-1);
		if (this.items.length >= this.length && last !== undefined && this.compare(item, last) >= 0) {
			return;
		}

		if (this.items.some((kept) => this.key(kept) === this.key(item))) {
			return;
		}

		this.items.push(item);
		this.items.sort(this.compare);
		if (this.items.length > this.length) {
			this.items.length = this.length;
		}
	}

	merge(other: RankedList<Item>): void {
		for (const item of other.items) {
			this.add(item);
		}
	}

	get values(): readonly Item[] {
		return this.items;
	}
}
