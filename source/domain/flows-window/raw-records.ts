// The raw records held for the paired rows. Each refresh re-reads only the unsettled tail, so a
// record is met again and again: events are merged by their eventId, counted per bucket (a count
// only grows as late records arrive), and trimmed to a bound that keeps pairing cheap.
import type {FlowRecord} from '../types/flows.js';
import {mergedRecords} from './held-merge.js';
import {alignDown} from './settling.js';

export {trimRecords} from './record-trim.js';

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
	const counts: BucketTally = new Map();
	for (const event of events) {
		countEvent(counts, event.timestamp, event.malformed, bucketSeconds);
	}

	return counts;
}

/**
 * Counts one event (its timestamp in Unix ms) into `counts`, in place: a read meets thousands of
 * events, and the counts are all it keeps of most of them.
 */
export function countEvent(
	counts: BucketTally,
	timestamp: number,
	malformed: boolean,
	bucketSeconds: number,
): void {
	const bucket = alignDown(Math.floor(timestamp / 1000), bucketSeconds);
	const known = counts.get(bucket);
	if (known === undefined) {
		counts.set(bucket, {records: malformed ? 0 : 1, malformed: malformed ? 1 : 0});
	} else if (malformed) {
		known.malformed++;
	} else {
		known.records++;
	}
}

/** Counts per bucket while they are being counted. */
export type BucketTally = Map<number, {records: number; malformed: number}>;

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
