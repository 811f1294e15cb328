// Flow log records for one aggregation window: every leg direction of every connection that had
// packets in the window becomes one record on its interface, in the default format the demo's
// flow logs use. A connection spanning windows is split by time, so the pieces add up to it.
import type {LogEvent} from '../world/types.js';
import type {DemoConnection, DirectionCounts} from './demo-connection.js';
import {minuteMs} from './demo-connection.js';
import {hashSeed} from './prng.js';

/**
 * A window's records reach CloudWatch Logs together, 1.5-3 minutes after the window closes (per
 * interface and window), so each record arrives 1.5-4 minutes after its own `end`.
 */
export function deliveryDelayMs(seed: number, interfaceId: string, windowStart: number): number {
	return 90_000 + (hashSeed(seed, 'delivery', interfaceId, windowStart) % 90_001);
}

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
};

type Split = {readonly packets: readonly number[]; readonly bytes: readonly number[]};

// Each connection's counts objects are its own, and its times never change, so a split computed
// once serves every window and every leg that shares the counts.
const splits = new WeakMap<DirectionCounts, Split>();

function splitOf(connection: DemoConnection, counts: DirectionCounts, firstWindow: number): Split {
	let split = splits.get(counts);
	if (split === undefined) {
		const weights: number[] = [];
		for (let window = firstWindow; window <= connection.end; window += minuteMs) {
			const overlap =
				Math.min(connection.end + 1, window + minuteMs) - Math.max(connection.start, window);
			weights.push(Math.max(overlap, 1));
		}
		const packets = splitCounts(counts.packets, weights);
		split = {packets, bytes: splitCounts(counts.bytes, packets)};
		splits.set(counts, split);
	}
	return split;
}

/** The part of one direction of a connection that falls into the window starting at `windowStart`. */
export function pieceInWindow(
	connection: DemoConnection,
	counts: DirectionCounts,
	windowStart: number,
): WindowPiece | undefined {
	const windowEnd = windowStart + minuteMs;
	if (connection.end < windowStart || connection.start >= windowEnd) {
		return undefined;
	}
	const firstWindow = Math.floor(connection.start / minuteMs) * minuteMs;
	const start = Math.floor(Math.max(connection.start, windowStart) / 1000);
	const end = Math.floor(Math.min(connection.end, windowEnd - 1) / 1000);
	if (connection.end < firstWindow + minuteMs) {
		return {packets: counts.packets, bytes: counts.bytes, start, end};
	}
	const split = splitOf(connection, counts, firstWindow);
	const index = (windowStart - firstWindow) / minuteMs;
	const packets = split.packets[index] ?? 0;
	return packets === 0 ? undefined : {packets, bytes: split.bytes[index] ?? 0, start, end};
}

export type DeliveredRecord = {
	readonly interfaceId: string;
	readonly event: LogEvent;
};

export type RecordContext = {
	readonly seed: number;
	readonly accountId: string;
	/** Interfaces AWS services own: their records may show `unknown` as the account (aws-facts.md §1). */
	readonly serviceInterfaceIds: ReadonlySet<string>;
};

export function windowRecords(
	context: RecordContext,
	connections: readonly DemoConnection[],
	windowStart: number,
): DeliveredRecord[] {
	const records: DeliveredRecord[] = [];
	const windowEnd = windowStart + minuteMs;
	const ingestionTimes = new Map<string, number>();
	const ingestionTimeOf = (interfaceId: string): number => {
		let time = ingestionTimes.get(interfaceId);
		if (time === undefined) {
			time = windowEnd + deliveryDelayMs(context.seed, interfaceId, windowStart);
			ingestionTimes.set(interfaceId, time);
		}
		return time;
	};
	const push = (
		interfaceId: string,
		prefix: string,
		counts: DirectionCounts,
		piece: WindowPiece | undefined,
	): void => {
		if (piece !== undefined) {
			// The default format: version account-id interface-id srcaddr dstaddr srcport dstport
			// protocol packets bytes start end action log-status.
			const message = `${prefix} 6 ${piece.packets} ${piece.bytes} ${piece.start} ${piece.end} ${counts.action} OK`;
			records.push({
				interfaceId,
				event: {
					timestamp: piece.start * 1000,
					ingestionTime: ingestionTimeOf(interfaceId),
					message,
				},
			});
		}
	};
	for (const connection of connections) {
		if (connection.end < windowStart || connection.start >= windowEnd) {
			continue;
		}
		for (const leg of connection.legs) {
			const id = leg.interfaceId;
			const account = context.serviceInterfaceIds.has(id) ? 'unknown' : context.accountId;
			const head = `2 ${account} ${id}`;
			const forwardPrefix = `${head} ${leg.srcAddr} ${leg.dstAddr} ${leg.srcPort} ${leg.dstPort}`;
			push(id, forwardPrefix, leg.forward, pieceInWindow(connection, leg.forward, windowStart));
			if (leg.reverse !== undefined) {
				const reversePrefix = `${head} ${leg.dstAddr} ${leg.srcAddr} ${leg.dstPort} ${leg.srcPort}`;
				push(id, reversePrefix, leg.reverse, pieceInWindow(connection, leg.reverse, windowStart));
			}
		}
	}
	return records;
}
