// The held raw records with a read's merged in. A fresh read adds a few records to the thousands
// held, every two seconds, and a full read meets mostly the very records already held: the held
// list stays newest first, so a read's records go in by one merge, not a map and a sort of the whole.
import type {HeldRecord} from './raw-records.js';
import {newestFirst, trimRecords, trimSorted} from './record-trim.js';

/** Lists this module made: newest first, one record per eventId. */
const ordered = new WeakSet<readonly HeldRecord[]>();

/**
 * The held records from `keepFromMs` on with the read's added (a read's record replaces the held
 * one of its eventId, the last of a read's own repeats wins), newest first, trimmed to `limit` by
 * trimRecords as if it were given the held records then the read's new ones.
 */
export function mergedRecords(
	held: readonly HeldRecord[],
	read: readonly HeldRecord[],
	keepFromMs: number,
	limit: number,
): readonly HeldRecord[] {
	if ((held.length > 0 && !ordered.has(held)) || Number.isNaN(keepFromMs)) {
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

	// In the order a map by eventId meets them (held, then the read's new ones), and as they stand
	// newest first: held records the read left alone keep their place, the rest are merged in.
	const plain: HeldRecord[] = [];
	const staying: HeldRecord[] = [];
	const moved: HeldRecord[] = [];
	let changed = end !== held.length;
	for (let position = 0; position < end; position++) {
		const record = held[position] as HeldRecord;
		const again = fromRead.get(record.eventId);
		if (again === undefined || again === record) {
			plain.push(record);
			staying.push(record);
		} else {
			plain.push(again);
			moved.push(again);
		}

		if (again !== undefined) {
			fromRead.delete(record.eventId);
		}
	}

	for (const record of fromRead.values()) {
		plain.push(record);
		moved.push(record);
	}

	changed ||= moved.length > 0;
	if (!changed && end <= limit) {
		return held;
	}

	const sorted = moved.length === 0 ? staying : mergeSorted(staying, moved.sort(newestFirst));
	return marked(trimSorted(plain, sorted, limit));
}

function mergeSorted(left: readonly HeldRecord[], right: readonly HeldRecord[]): HeldRecord[] {
	const merged: HeldRecord[] = [];
	let next = 0;
	for (const record of left) {
		while (next < right.length && newestFirst(right[next] as HeldRecord, record) < 0) {
			merged.push(right[next] as HeldRecord);
			next++;
		}

		merged.push(record);
	}

	for (; next < right.length; next++) {
		merged.push(right[next] as HeldRecord);
	}

	return merged;
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
