// The connections that overlap a time range: those that start in it, and the few of the two
// minutes before that are still open (no connection outlives two minutes). Connections are
// visited one at a time as they are generated; what is kept between calls is only the stragglers
// of recent minutes, so reading a busy world minute after minute generates each minute once and
// never holds a minute whole.
import {type Connection, minuteMs} from './connection.js';
import type {ModelContext} from './context.js';
import {forEachConnection} from './minute-traffic.js';

/**
 * Minutes whose stragglers are kept: a reader of a live world touches about ten recent minutes at
 * once (metrics a minute back, the flow logs' fresh edge, the settled minute Insights reads), and
 * a minute missing here is generated again for its stragglers alone.
 */
const keptStragglerMinutes = 10;
/**
 * At most this many stragglers over all kept minutes (about 1 KB each): a minute at 1000x the
 * demo's traffic has some 15,000, so a busy world keeps fewer minutes, and never fewer than the
 * two the next minute's reads need.
 */
const keptStragglers = 100_000;

export type TrafficSource = {
	/** Visits every connection with a packet in [start, start + ms) (whole minutes). */
	readonly visit: (start: number, ms: number, visit: (connection: Connection) => void) => void;
};

export function createTrafficSource(context: ModelContext): TrafficSource {
	const stragglers = new Map<number, readonly Connection[]>();
	let held = 0;
	const remember = (minuteStart: number, kept: readonly Connection[]) => {
		held -= stragglers.get(minuteStart)?.length ?? 0;
		stragglers.delete(minuteStart);
		stragglers.set(minuteStart, kept);
		held += kept.length;
		for (const [oldest, connections] of stragglers) {
			const over = stragglers.size > keptStragglerMinutes || held > keptStragglers;
			if (!over || stragglers.size <= 2) break;
			stragglers.delete(oldest);
			held -= connections.length;
		}
	};
	/** Generates the minute, visiting each connection, and keeps those still open after it. */
	const generate = (minuteStart: number, visit?: (connection: Connection) => void) => {
		const kept: Connection[] = [];
		forEachConnection(context, minuteStart, (connection) => {
			if (connection.end >= minuteStart + minuteMs) kept.push(connection);
			visit?.(connection);
		});
		remember(minuteStart, kept);
	};
	const stragglersOf = (minuteStart: number): readonly Connection[] => {
		if (!stragglers.has(minuteStart)) generate(minuteStart);
		return stragglers.get(minuteStart) ?? [];
	};
	return {
		visit: (start, ms, visit) => {
			for (const minute of [start - 2 * minuteMs, start - minuteMs]) {
				for (const connection of stragglersOf(minute)) {
					if (connection.end >= start) visit(connection);
				}
			}
			for (let minute = start; minute < start + ms; minute += minuteMs) generate(minute, visit);
		},
	};
}
