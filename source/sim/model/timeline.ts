// The configuration over time: the world's own until the first change, then each change's result.
// With a cycle, the same changes repeat every cycle, each cycle starting again from the world's
// own configuration. Lookups are pure functions of the time, so any minute can be rebuilt alike.
import type {ConfigState} from './config-state.js';
import type {Change, Cycle} from './spec.js';

export type Epoch = {
	/** Timeline time the state starts at (-Infinity for the first). */
	readonly from: number;
	readonly state: ConfigState;
	readonly index: number;
};

export type StateAt = {
	readonly epoch: Epoch;
	/** What timeline time 0 is in Unix ms for this moment (the cycle's start; 0 without cycle). */
	readonly base: number;
};

export type Timeline = {
	readonly epochs: readonly Epoch[];
	readonly cycle?: Cycle;
	/** Timeline time of a moment (Unix ms), and the base it counts from. */
	readonly locate: (time: number) => {readonly offset: number; readonly base: number};
	readonly at: (time: number) => StateAt;
	/** Changes whose time falls in [from, to) (Unix ms), with their Unix time, oldest first. */
	readonly changesBetween: (
		from: number,
		to: number,
	) => {readonly time: number; readonly change: Change}[];
};

export function createTimeline(
	initial: ConfigState,
	changes: readonly Change[],
	cycle?: Cycle,
): Timeline {
	const ordered = [...changes].sort((left, right) => left.at - right.at);
	const epochs: Epoch[] = [{from: Number.NEGATIVE_INFINITY, state: initial, index: 0}];
	for (const change of ordered) {
		const previous = epochs.at(-1) ?? epochs[0];
		if (previous === undefined) break;
		const state = change.apply(previous.state);
		if (previous.from === change.at) {
			epochs[epochs.length - 1] = {...previous, state};
		} else {
			epochs.push({from: change.at, state, index: epochs.length});
		}
	}
	const locate = (time: number) => {
		if (cycle === undefined) return {offset: time, base: 0};
		const count = Math.floor((time - cycle.origin) / cycle.every);
		const base = cycle.origin + count * cycle.every;
		return {offset: time - base, base};
	};
	const epochAt = (offset: number): Epoch => {
		let low = 0;
		let high = epochs.length - 1;
		while (low < high) {
			const middle = (low + high + 1) >> 1;
			if ((epochs[middle]?.from ?? 0) <= offset) low = middle;
			else high = middle - 1;
		}
		const epoch = epochs[low];
		if (epoch === undefined) throw new RangeError('a timeline always has a first state');
		return epoch;
	};
	return {
		epochs,
		...(cycle === undefined ? {} : {cycle}),
		locate,
		at: (time) => {
			const {offset, base} = locate(time);
			return {epoch: epochAt(offset), base};
		},
		changesBetween: (from, to) => {
			const found: {time: number; change: Change}[] = [];
			if (cycle === undefined) {
				for (const change of ordered) {
					if (change.at >= from && change.at < to) found.push({time: change.at, change});
				}
				return found;
			}
			const first = locate(from).base;
			for (let base = first; base < to; base += cycle.every) {
				for (const change of ordered) {
					const time = base + change.at;
					if (time >= from && time < to) found.push({time, change});
				}
			}
			return found;
		},
	};
}
