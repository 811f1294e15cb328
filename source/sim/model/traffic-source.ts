// The connections that overlap a minute: those that start in it, and the few of the two minutes
// before that are still open (no connection outlives two minutes). What is kept between calls is
// only those stragglers of recent minutes, so reading a busy world minute after minute generates
// each minute once without holding any minute whole.
import {type Connection, minuteMs} from './connection.js';
import type {ModelContext} from './context.js';
import {minuteTraffic} from './minute-traffic.js';

/** Minutes whose stragglers are kept: reads go back and forth over a few recent windows. */
const keptStragglerMinutes = 24;

export type TrafficSource = {
	/** Every connection that starts in the minute. */
	readonly startingIn: (minuteStart: number) => readonly Connection[];
	/** Every connection with a packet in the minute. */
	readonly overlapping: (minuteStart: number) => readonly Connection[];
};

export function createTrafficSource(context: ModelContext): TrafficSource {
	const stragglers = new Map<number, readonly Connection[]>();
	const remember = (minuteStart: number, connections: readonly Connection[]) => {
		stragglers.delete(minuteStart);
		stragglers.set(
			minuteStart,
			connections.filter((connection) => connection.end >= minuteStart + minuteMs),
		);
		for (const oldest of stragglers.keys()) {
			if (stragglers.size <= keptStragglerMinutes) break;
			stragglers.delete(oldest);
		}
	};
	const startingIn = (minuteStart: number): readonly Connection[] => {
		const connections = minuteTraffic(context, minuteStart);
		remember(minuteStart, connections);
		return connections;
	};
	const stragglersOf = (minuteStart: number): readonly Connection[] => {
		const known = stragglers.get(minuteStart);
		if (known !== undefined) return known;
		startingIn(minuteStart);
		return stragglers.get(minuteStart) ?? [];
	};
	return {
		startingIn,
		overlapping: (minuteStart) => {
			const own = startingIn(minuteStart);
			const earlier = [minuteStart - 2 * minuteMs, minuteStart - minuteMs].flatMap((minute) =>
				stragglersOf(minute).filter((connection) => connection.end >= minuteStart),
			);
			return earlier.length === 0 ? own : [...earlier, ...own];
		},
	};
}
