// What the flows source holds between runs, and how each kind of read updates it: a full read of
// the unsettled stretch replaces the parsed events and the provisional edge, a fresh read adds the
// events it was first to see.
import {
	addRawRecords,
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
	held.raw = mergeRawRead(held.raw, result.read, {keepFrom: plan.rawFrom});
	held.rawHorizon = plan.horizon;
	held.busy = result.busy;
	held.known = result.known;
	held.edge = result.read.records;
	held.readFrom = plan.read.start;
	held.newest = result.feeds.map((feed) => feed.newest);
}

/** Whether the fresh read brought anything new to show. */
export function applyFreshRead(held: Held, plan: WindowPlan, fresh: FreshRead): boolean {
	held.newest = fresh.newest.map((newest, index) => laterOf(held.newest[index], newest));
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
