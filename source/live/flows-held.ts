// What the flows source holds between runs, and how each kind of read updates it: a full read of
// the unsettled stretch replaces the parsed events and the provisional edge, a fresh read adds the
// events it was first to see.
import {
	addRawRecords,
	type Coverage,
	type ExactSlice,
	emptyRawHold,
	type HeldRecord,
	mergeRawRead,
	type RawHold,
	type WindowPlan,
} from '../domain/flows-window/index.js';
import type {FreshRead} from './flows-fresh.js';
import type {KnownEvent, RawReadResult} from './flows-raw.js';

export type Held = {
	readonly key: string;
	slices: ExactSlice[];
	raw: RawHold;
	rawHorizon?: number;
	busy: ReadonlySet<string>;
	/** Every event read since the last full read began, by eventId. */
	known: Map<string, KnownEvent>;
	/** The records of the last full read, and those fresh reads added since. */
	edge: readonly HeldRecord[];
	/** Unix seconds: where the last full read started. */
	readFrom?: number;
	/** Unix seconds: the last full read read every event from here on (a busy feed's may not). */
	edgeFrom?: number;
	/** Unix seconds: the rows have read the records from here on. */
	rowsFrom?: number;
	/** Unix ms, per feed: the newest event timestamp read. */
	newest: readonly (number | undefined)[];
	/** Unix ms: when the last full read began. */
	fullAt?: number;
	/** The window length the held figures were read for. */
	windowMs?: number;
	/** A run failed: read the stretch whole next. */
	fullDue: boolean;
};

export function emptyHeld(key: string): Held {
	return {
		key,
		slices: [],
		raw: emptyRawHold,
		busy: new Set(),
		known: new Map(),
		edge: [],
		newest: [],
		fullDue: false,
	};
}

export function applyFullRead(held: Held, plan: WindowPlan, result: RawReadResult): void {
	held.raw = unlessSame(held.raw, mergeRawRead(held.raw, result.read, {keepFrom: plan.rawFrom}));
	held.rawHorizon = plan.horizon;
	held.busy = result.busy;
	held.known = result.known;
	held.edge = result.read.records;
	held.readFrom = plan.read.start;
	held.edgeFrom = coveredFrom(result);
	// Later reads go on from where the first one reached; only a longer window reaches back.
	held.rowsFrom ??= held.edgeFrom;
	held.newest = result.feeds.map((feed) => feed.newest);
}

/** Settled records the rows had not read: added, and their span is never read again. */
export function applyRowsBackfill(held: Held, plan: WindowPlan, result: RawReadResult): void {
	held.raw = unlessSame(held.raw, mergeRawRead(held.raw, result.read, {keepFrom: plan.rawFrom}));
	held.rowsFrom = Math.min(held.rowsFrom ?? result.range.start, result.range.start);
}

/**
 * The hold as it was when a merge changed nothing: most full reads meet only events a fresh read
 * already brought, and the rows paired from a hold are kept with it (pairing the window is the
 * costliest step of a view), as are the findings worked out from those rows.
 */
export function unlessSame(before: RawHold, after: RawHold): RawHold {
	return before.newestEnd === after.newestEnd &&
		sameItems(before.records, after.records) &&
		sameCounts(before.counts, after.counts)
		? before
		: after;
}

function sameItems<T>(left: readonly T[], right: readonly T[]): boolean {
	return left.length === right.length && left.every((item, index) => item === right[index]);
}

function sameCounts(left: RawHold['counts'], right: RawHold['counts']): boolean {
	if (left.size !== right.size) {
		return false;
	}

	for (const [bucket, count] of left) {
		const other = right.get(bucket);
		if (other?.records !== count.records || other.malformed !== count.malformed) {
			return false;
		}
	}

	return true;
}

/** Where a read's coverage begins: its start, or where a busy feed's newest-first read stopped. */
function coveredFrom(result: RawReadResult): number {
	return result.feeds.reduce(
		(latest, feed) => Math.max(latest, feed.coveredFrom),
		result.range.start,
	);
}

/** Whether the fresh read brought anything new to show. */
export function applyFreshRead(held: Held, plan: WindowPlan, fresh: FreshRead): boolean {
	// By index, not `map`: a feed the read met nothing of may be a hole, which `map` would keep as a
	// hole, and the feed's next fresh read would start at the full read's start again.
	held.newest = Array.from(
		{length: Math.max(held.newest.length, fresh.newest.length)},
		(_, index) => laterOf(held.newest[index], fresh.newest[index]),
	);
	for (const [eventId, outcome] of fresh.known) {
		held.known.set(eventId, outcome);
	}

	if (fresh.counts.size === 0) {
		return false;
	}

	held.raw = addRawRecords(
		held.raw,
		{records: fresh.records, counts: fresh.counts},
		{keepFrom: plan.rawFrom},
	);
	held.edge = [...held.edge, ...fresh.records];
	return true;
}

function laterOf(left: number | undefined, right: number | undefined): number | undefined {
	if (left === undefined || right === undefined) {
		return left ?? right;
	}

	return Math.max(left, right);
}

/** The edge's records: those from where the held exact answers end. */
export function edgeFrom(records: readonly HeldRecord[], fromSeconds: number): HeldRecord[] {
	const fromMs = fromSeconds * 1000;
	return records.filter((held) => held.timestamp >= fromMs);
}

/**
 * What the view covers. The aggregates start at the held answers (the oldest first), else at the
 * last full read's coverage: after `t` to a longer window the answers start after the window does
 * until Insights has answered for the time before them, and that stretch is loading, not empty.
 */
export function heldCoverage(held: Held, windowStart: number): Coverage {
	const aggregatesFrom = held.slices[0]?.range.start ?? held.edgeFrom;
	return {
		...(held.rowsFrom === undefined ? {} : {rowsFrom: Math.max(held.rowsFrom, windowStart)}),
		...(aggregatesFrom === undefined
			? {}
			: {aggregatesFrom: Math.max(aggregatesFrom, windowStart)}),
	};
}
