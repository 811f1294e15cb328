// A connection spanning aggregation windows leaves one record per window and direction: its
// packets and bytes split by time, so the pieces add up to the connection, each with the flags of
// the packets it holds (the SYN in the first piece, the FIN or RST in the last).
import type {Connection, DirectionCounts} from './connection.js';

/** Splits `total` over `weights` in proportion (largest remainder), the parts summing to `total`. */
export function splitCounts(total: number, weights: readonly number[]): number[] {
	const weightSum = weights.reduce((sum, weight) => sum + weight, 0);
	if (weightSum <= 0) {
		return weights.map((_, index) => (index === 0 ? total : 0));
	}
	const shares = weights.map((weight) => (total * weight) / weightSum);
	const parts = shares.map(Math.floor);
	let remainder = total - parts.reduce((sum, part) => sum + part, 0);
	const order = shares
		.map((share, index) => ({fraction: share - Math.floor(share), index}))
		.sort((a, b) => b.fraction - a.fraction || a.index - b.index);
	for (let position = 0; remainder > 0; position = (position + 1) % order.length) {
		const slot = order[position];
		if (slot !== undefined) {
			parts[slot.index] = (parts[slot.index] ?? 0) + 1;
			remainder--;
		}
	}
	return parts;
}

export type WindowPiece = {
	readonly packets: number;
	readonly bytes: number;
	/** Unix seconds: first and last packet of the piece. */
	readonly start: number;
	readonly end: number;
	readonly flags: number;
};

type Split = {readonly packets: readonly number[]; readonly bytes: readonly number[]};

// Each connection's counts objects are its own and its times never change, so a split computed
// once serves every window and every leg that shares the counts.
const splits = new WeakMap<DirectionCounts, Map<number, Split>>();

function splitOf(
	connection: Connection,
	counts: DirectionCounts,
	firstWindow: number,
	windowMs: number,
): Split {
	let byWindow = splits.get(counts);
	let split = byWindow?.get(windowMs);
	if (split === undefined) {
		const weights: number[] = [];
		for (let window = firstWindow; window <= connection.end; window += windowMs) {
			const overlap =
				Math.min(connection.end + 1, window + windowMs) - Math.max(connection.start, window);
			weights.push(Math.max(overlap, 1));
		}
		const packets = splitCounts(counts.packets, weights);
		split = {packets, bytes: splitCounts(counts.bytes, packets)};
		if (byWindow === undefined) {
			byWindow = new Map();
			splits.set(counts, byWindow);
		}
		byWindow.set(windowMs, split);
	}
	return split;
}

/** The part of one direction of a connection that falls into the window starting at `windowStart`. */
export function pieceInWindow(
	connection: Connection,
	counts: DirectionCounts,
	windowStart: number,
	windowMs: number,
): WindowPiece | undefined {
	const windowEnd = windowStart + windowMs;
	if (connection.end < windowStart || connection.start >= windowEnd) {
		return undefined;
	}
	const firstWindow = Math.floor(connection.start / windowMs) * windowMs;
	const start = Math.floor(Math.max(connection.start, windowStart) / 1000);
	const end = Math.floor(Math.min(connection.end, windowEnd - 1) / 1000);
	const first = windowStart <= connection.start;
	const last = connection.end < windowEnd;
	const flags = (first ? counts.open : 0) | (last ? counts.close : 0);
	if (first && last) {
		return {packets: counts.packets, bytes: counts.bytes, start, end, flags};
	}
	const split = splitOf(connection, counts, firstWindow, windowMs);
	const index = (windowStart - firstWindow) / windowMs;
	const packets = split.packets[index] ?? 0;
	return packets === 0 ? undefined : {packets, bytes: split.bytes[index] ?? 0, start, end, flags};
}
