// Which raw records the window keeps when it has more than its bound: whole connections, REJECTed
// ones first, then the newest.
import type {HeldRecord} from './raw-records.js';

type Group = {
	readonly records: HeldRecord[];
	rejected: boolean;
	newest: number;
	/** How many of its records, newest first, are kept. */
	kept: number;
};

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

	const kept: HeldRecord[] = [];
	for (const group of byPriority(groupsOf(records).values())) {
		const room = limit - kept.length;
		if (room <= 0) {
			break;
		}

		// A connection too big for the room left is cut to its newest records rather than dropped.
		kept.push(...group.records.sort(newestFirst).slice(0, room));
	}

	return kept.sort(newestFirst);
}

/**
 * What trimRecords keeps of `records` (one per eventId), given them also newest first in `sorted`
 * (`sorted` itself when all are kept): taken from it as they stand rather than sorted again, which
 * matters at every read of a window held at its bound. Connections are counted, not listed: such a
 * window is trimmed at every read, and listing its thousands of records by connection made an
 * array per connection each time. Only one connection can be cut (no room is left after it), and
 * its newest records are the first of it that `sorted` meets.
 */
export function trimSorted(
	records: readonly HeldRecord[],
	sorted: readonly HeldRecord[],
	max: number,
): readonly HeldRecord[] {
	const limit = Math.max(0, Math.floor(max));
	if (records.length <= limit) {
		return sorted;
	}

	const counts = countsOf(records);
	let room = limit;
	let cut: Count | undefined;
	for (const count of byPriority(counts.values())) {
		if (room <= 0) {
			break;
		}

		if (count.records > room) {
			cut = count;
		}

		count.kept = Math.min(room, count.records);
		room -= count.kept;
	}

	let cutLeft = cut?.kept ?? 0;
	return sorted.filter((held) => {
		const count = counts.get(connectionKey(held));
		// Not `=== 0`: a bound that is not a number leaves `kept` NaN, and keeps nothing (trimRecords).
		if (count === undefined || !(count.kept > 0)) {
			return false;
		}

		if (count !== cut) {
			return true;
		}

		cutLeft--;
		return cutLeft >= 0;
	});
}

type Count = {
	/** How many records the connection has. */
	records: number;
	rejected: boolean;
	newest: number;
	kept: number;
};

/** Connections counted, each where its first record stands (groupsOf without the lists). */
function countsOf(records: readonly HeldRecord[]): Map<string, Count> {
	const counts = new Map<string, Count>();
	for (const held of records) {
		const key = connectionKey(held);
		const count = counts.get(key);
		if (count === undefined) {
			counts.set(key, {
				records: 1,
				rejected: held.record.action === 'REJECT',
				// As groupsOf counts it, from 0.
				newest: Math.max(0, held.timestamp),
				kept: 0,
			});
		} else {
			count.records++;
			count.rejected ||= held.record.action === 'REJECT';
			count.newest = Math.max(count.newest, held.timestamp);
		}
	}

	return counts;
}

/** Records by connection, each connection where its first record stands. */
function groupsOf(records: readonly HeldRecord[]): Map<string, Group> {
	const groups = new Map<string, Group>();
	for (const held of records) {
		const key = connectionKey(held);
		let group = groups.get(key);
		if (group === undefined) {
			group = {records: [], rejected: false, newest: 0, kept: 0};
			groups.set(key, group);
		}

		group.records.push(held);
		group.rejected ||= held.record.action === 'REJECT';
		group.newest = Math.max(group.newest, held.timestamp);
	}

	return groups;
}

/** REJECTed connections first, then the newest; otherwise as they came (the sort is stable). */
function byPriority<Entry extends {readonly rejected: boolean; readonly newest: number}>(
	groups: Iterable<Entry>,
): Entry[] {
	return [...groups].sort(
		(left, right) => Number(right.rejected) - Number(left.rejected) || right.newest - left.newest,
	);
}

// The same records are met at every read while they are held: their keys are made once.
const keys = new WeakMap<HeldRecord, string>();

/**
 * The client end of a record: of its two endpoints, the one with the higher (ephemeral) port.
 * The records of one connection (frontend, backend and the target's view, both directions) share
 * it whenever the client's address and port survive to the target.
 */
function connectionKey(held: HeldRecord): string {
	const known = keys.get(held);
	if (known !== undefined) {
		return known;
	}

	const {record} = held;
	let key: string;
	if (record.srcAddr === undefined || record.dstAddr === undefined) {
		key = `event:${held.eventId}`;
	} else {
		const src = `${record.srcAddr ?? '-'}:${record.srcPort ?? '-'}`;
		const dst = `${record.dstAddr ?? '-'}:${record.dstPort ?? '-'}`;
		key = (record.srcPort ?? 0) >= (record.dstPort ?? 0) ? src : dst;
	}

	keys.set(held, key);
	return key;
}

export function newestFirst(left: HeldRecord, right: HeldRecord): number {
	// Ties by eventId in code-point order: a total order, without the cost of a collator.
	return (
		right.timestamp - left.timestamp ||
		(left.eventId < right.eventId ? -1 : left.eventId > right.eventId ? 1 : 0)
	);
}
