// A full read merged into the hold: when it met only events already held, the hold stays the
// same object, so the rows paired from it (kept with the hold) are not paired again.
import {describe, expect, it} from 'vitest';
import {
	countByBucket,
	emptyRawHold,
	type HeldRecord,
	mergeRawRead,
	type RawRead,
} from '../../source/domain/flows-window/index.js';
import {unlessSame} from '../../source/live/flows-held.js';

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
