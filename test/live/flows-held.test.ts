// A full read merged into the hold: when it met only events already held, the hold stays the
// same object, so the rows paired from it (kept with the hold) are not paired again. A fresh read
// that met no event of a feed leaves that feed's newest time as it was.
import {describe, expect, it} from 'vitest';
import {
	countByBucket,
	emptyRawHold,
	type HeldRecord,
	mergeRawRead,
	planWindow,
	type RawRead,
} from '../../source/domain/flows-window/index.js';
import {applyFreshRead, emptyHeld, unlessSame} from '../../source/live/flows-held.js';

const t0 = 1_714_564_800;

function held(eventId: string, second: number): HeldRecord {
	return {
		eventId,
		timestamp: second * 1000,
		record: {
			interfaceId: 'eni-0aaa',
			logStatus: 'OK',
			start: second,
			end: second + 60,
			action: 'ACCEPT',
			extra: {},
		},
	};
}

function readOf(records: readonly HeldRecord[], malformed = 0): RawRead {
	return {
		records,
		counts: countByBucket(
			[
				...records.map(({timestamp}) => ({timestamp, malformed: false})),
				...Array.from({length: malformed}, () => ({timestamp: t0 * 1000, malformed: true})),
			],
			60,
		),
	};
}

const first = held('a', t0);
const second = held('b', t0 + 10);
const hold = mergeRawRead(emptyRawHold, readOf([first, second]), {keepFrom: t0});

describe('unlessSame', () => {
	it.each<{readonly read: string; readonly again: RawRead; readonly kept: boolean}>([
		{read: 'the same events', again: readOf([first, second]), kept: true},
		{read: 'some of the same events', again: readOf([second]), kept: true},
		{read: 'a new event', again: readOf([first, second, held('c', t0 + 20)]), kept: false},
		{read: 'a malformed line more', again: readOf([first, second], 1), kept: false},
	])('keeps the hold after a read of $read: $kept', ({again, kept}) => {
		const merged = mergeRawRead(hold, again, {keepFrom: t0});
		expect(unlessSame(hold, merged) === hold).toBe(kept);
		expect(unlessSame(hold, merged)).toEqual(merged);
	});

	it('lets go of the hold when the window moved past one of its records', () => {
		const merged = mergeRawRead(hold, readOf([second]), {keepFrom: t0 + 5});
		expect(unlessSame(hold, merged)).toBe(merged);
	});
});

describe('applyFreshRead', () => {
	const plan = planWindow(t0 + 600, {windowSeconds: 900, aggregationSeconds: 60}, {exact: []});
	// The combined reader lays each path's newest times out by feed, leaving a hole where a feed's
	// read met nothing; a feed may also come back undefined.
	const sparse: (number | undefined)[] = new Array(3);
	sparse[0] = (t0 + 100) * 1000;

	it.each([
		{met: 'a hole', newest: sparse},
		{met: 'undefined', newest: [(t0 + 100) * 1000, undefined, undefined]},
	])("keeps a feed's newest time when the fresh read met none of its events ($met)", ({newest}) => {
		const state = emptyHeld('feeds');
		state.newest = [(t0 + 50) * 1000, (t0 + 80) * 1000, undefined];
		const changed = applyFreshRead(state, plan, {
			records: [],
			counts: new Map(),
			known: new Map(),
			newest,
		});
		expect(changed).toBe(false);
		// Each feed's next fresh read starts a minute before its own newest event, not at the start
		// of the last full read.
		expect([...state.newest]).toEqual([(t0 + 100) * 1000, (t0 + 80) * 1000, undefined]);
	});
});
