// The raw records held for the paired rows. Each refresh re-reads only the unsettled tail, so a
// record is met again and again: events are merged by their eventId, counted per bucket (a count
// only grows as late records arrive), and trimmed to a bound that keeps pairing cheap.
import type {FlowRecord} from '../types/flows.js';
import {alignDown} from './settling.js';

export type HeldRecord = {
	readonly eventId: string;
	/** Unix ms: the log event's timestamp, which CloudWatch Logs sets to the record's start. */
	readonly timestamp: number;
	readonly record: FlowRecord;
};

export type BucketCounts = {readonly records: number; readonly malformed: number};

export type RawHold = {
	readonly records: readonly HeldRecord[];
	/** Bucket start (Unix seconds) -> records and malformed lines seen there. */
	readonly counts: ReadonlyMap<number, BucketCounts>;
	/** Unix seconds: the newest record end seen. */
	readonly newestEnd?: number;
};

export type RawRead = {
	readonly records: readonly HeldRecord[];
	readonly counts: ReadonlyMap<number, BucketCounts>;
};

export const emptyRawHold: RawHold = {records: [], counts: new Map()};

export const defaultMaxRecords = 3000;

/** Records and malformed lines per bucket of event time. */
export function countByBucket(
	events: Iterable<{readonly timestamp: number; readonly malformed: boolean}>,
	bucketSeconds: number,
): Map<number, BucketCounts> {
	const counts = new Map<number, BucketCounts>();
	for (const event of events) {
		const bucket = alignDown(Math.floor(event.timestamp / 1000), bucketSeconds);
		const known = counts.get(bucket) ?? {records: 0, malformed: 0};
		counts.set(bucket, {
			records: known.records + (event.malformed ? 0 : 1),
			malformed: known.malformed + (event.malformed ? 1 : 0),
		});
	}

	return counts;
}

export type MergeOptions = {
	/** Unix seconds: older records and counts are dropped. */
	readonly keepFrom: number;
	readonly maxRecords?: number;
};

/** Merges a read that covered its range whole: a bucket's count is the larger of the two. */
export function mergeRawRead(hold: RawHold, read: RawRead, options: MergeOptions): RawHold {
	return combine(hold, read, options, (known, count) => ({
		records: Math.max(known.records, count.records),
		malformed: Math.max(known.malformed, count.malformed),
	}));
}

/**
 * Adds records no earlier read returned (a read of the fresh edge only): their counts add to what
 * each bucket already holds.
 */
export function addRawRecords(hold: RawHold, read: RawRead, options: MergeOptions): RawHold {
	return combine(hold, read, options, (known, count) => ({
		records: known.records + count.records,
		malformed: known.malformed + count.malformed,
	}));
}

function combine(
	hold: RawHold,
	read: RawRead,
	options: MergeOptions,
	both: (known: BucketCounts, count: BucketCounts) => BucketCounts,
): RawHold {
	const counts = new Map<number, BucketCounts>();
	for (const source of [hold.counts, read.counts]) {
		for (const [bucket, count] of source) {
			if (bucket < options.keepFrom) {
				continue;
			}

			const known = counts.get(bucket);
			counts.set(bucket, known === undefined ? count : both(known, count));
		}
	}

	let newestEnd = hold.newestEnd;
	for (const held of read.records) {
		newestEnd = newestEnd === undefined ? held.record.end : Math.max(newestEnd, held.record.end);
	}

	return {
		records: mergedRecords(
			hold.records,
			read.records,
			options.keepFrom * 1000,
			options.maxRecords ?? defaultMaxRecords,
		),
		counts,
		...(newestEnd === undefined ? {} : {newestEnd}),
	};
}

/**
 * Record lists this module made: newest first, one record per eventId. A fresh read adds a few
 * records to a thousand or more held, every two seconds; such a list takes them by one merge
 * instead of a map of every eventId and a sort of the whole.
 */
const ordered = new WeakSet<readonly HeldRecord[]>([emptyRawHold.records]);

/**
 * The held records from `keepFromMs` on with the read's added (a read's record replaces the held
 * one of its eventId, the last of a read's own repeats wins), newest first, trimmed to `limit`.
 */
function mergedRecords(
	held: readonly HeldRecord[],
	read: readonly HeldRecord[],
	keepFromMs: number,
	limit: number,
): readonly HeldRecord[] {
	if (!ordered.has(held)) {
		return plainMerge(held, read, keepFromMs, limit);
	}

	const fromRead = new Map<string, HeldRecord>();
	for (const record of read) {
		if (record.timestamp >= keepFromMs) {
			fromRead.set(record.eventId, record);
		}
	}

	// Newest first: the records the window still holds are a prefix.
	let end = held.length;
	while (end > 0 && (held[end - 1]?.timestamp ?? keepFromMs) < keepFromMs) {
		end--;
	}

	if (fromRead.size === 0 && end <= limit) {
		return end === held.length ? held : marked(held.slice(0, end));
	}

	const incoming = [...fromRead.values()].sort(newestFirst);
	const merged: HeldRecord[] = [];
	let next = 0;
	for (let position = 0; position < end; position++) {
		const record = held[position];
		if (record === undefined || fromRead.has(record.eventId)) {
			continue;
		}

		while (next < incoming.length && newestFirst(incoming[next] as HeldRecord, record) < 0) {
			merged.push(incoming[next] as HeldRecord);
			next++;
		}

		merged.push(record);
	}

	for (; next < incoming.length; next++) {
		merged.push(incoming[next] as HeldRecord);
	}

	// Over the bound, which connections stay is trimRecords' to decide, from the records in the
	// order a plain merge meets them.
	return merged.length <= limit ? marked(merged) : plainMerge(held, read, keepFromMs, limit);
}

function plainMerge(
	held: readonly HeldRecord[],
	read: readonly HeldRecord[],
	keepFromMs: number,
	limit: number,
): readonly HeldRecord[] {
	const byId = new Map<string, HeldRecord>();
	for (const records of [held, read]) {
		for (const record of records) {
			if (record.timestamp >= keepFromMs) {
				byId.set(record.eventId, record);
			}
		}
	}

	return marked(trimRecords([...byId.values()], limit));
}

function marked(records: readonly HeldRecord[]): readonly HeldRecord[] {
	ordered.add(records);
	return records;
}

/**
 * The client end of a record: of its two endpoints, the one with the higher (ephemeral) port.
 * The records of one connection (frontend, backend and the target's view, both directions) share
 * it whenever the client's address and port survive to the target.
 */
function connectionKey(held: HeldRecord): string {
	const {record} = held;
	if (record.srcAddr === undefined || record.dstAddr === undefined) {
		return `event:${held.eventId}`;
	}
	const src = `${record.srcAddr ?? '-'}:${record.srcPort ?? '-'}`;
	const dst = `${record.dstAddr ?? '-'}:${record.dstPort ?? '-'}`;
	return (record.srcPort ?? 0) >= (record.dstPort ?? 0) ? src : dst;
}

type Group = {readonly records: HeldRecord[]; rejected: boolean; newest: number};

/**
 * The newest records up to `max`, kept a connection at a time with REJECTed connections first:
 * they are usually the incident, and a REJECT at the target whose ACCEPTs at the LB were trimmed
 * away would show as an unpaired leg that is not unpaired at all.
 */
export function trimRecords(records: readonly HeldRecord[], max: number): HeldRecord[] {
	const limit = Math.max(0, Math.floor(max));
	if (records.length <= limit) {
		return [...records].sort(newestFirst);
	}
	const groups = new Map<string, Group>();
	for (const held of records) {
		const key = connectionKey(held);
		const group = groups.get(key) ?? {records: [], rejected: false, newest: 0};
		group.records.push(held);
		group.rejected ||= held.record.action === 'REJECT';
		group.newest = Math.max(group.newest, held.timestamp);
		groups.set(key, group);
	}
	const ordered = [...groups.values()].sort(
		(left, right) => Number(right.rejected) - Number(left.rejected) || right.newest - left.newest,
	);
	const kept: HeldRecord[] = [];
	for (const group of ordered) {
		const room = limit - kept.length;
		if (room <= 0) {
			break;
		}
		// A connection too big for the room left is cut to its newest records rather than dropped.
		kept.push(...group.records.sort(newestFirst).slice(0, room));
	}
	return kept.sort(newestFirst);
}

function newestFirst(left: HeldRecord, right: HeldRecord): number {
	// Ties by eventId in code-point order: a total order, without the cost of a collator.
	return (
		right.timestamp - left.timestamp ||
		(left.eventId < right.eventId ? -1 : left.eventId > right.eventId ? 1 : 0)
	);
}

export type RawTotals = {
	readonly recordsMatched: number;
	readonly recordsRead: number;
	readonly malformed: number;
};

export function rawTotals(hold: RawHold): RawTotals {
	let matched = 0;
	let malformed = 0;
	for (const count of hold.counts.values()) {
		matched += count.records;
		malformed += count.malformed;
	}

	// Every held record was counted when read; the max only guards against a count the caller lost.
	return {
		recordsMatched: Math.max(matched, hold.records.length),
		recordsRead: hold.records.length,
		malformed,
	};
}
