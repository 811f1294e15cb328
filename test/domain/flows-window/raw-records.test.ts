import {describe, expect, it} from 'vitest';
import {
	addRawRecords,
	countByBucket,
	emptyRawHold,
	type HeldRecord,
	mergeRawRead,
	type RawHold,
	rawTotals,
	trimRecords,
} from '../../../source/domain/flows-window/index.js';
import {newestFirst, trimSorted} from '../../../source/domain/flows-window/record-trim.js';
import type {FlowAction} from '../../../source/domain/types/flows.js';

const t0 = 1_714_564_800; // 2024-05-01T12:00:00Z, a whole minute

function held(eventId: string, second: number, action: FlowAction = 'ACCEPT'): HeldRecord {
	return {
		eventId,
		timestamp: second * 1000,
		record: {
			interfaceId: 'eni-0aaa',
			logStatus: 'OK',
			start: second,
			end: second + 60,
			action,
			extra: {},
		},
	};
}

function readOf(records: readonly HeldRecord[], malformedAt: readonly number[] = []) {
	return {
		records,
		counts: countByBucket(
			[
				...records.map((record) => ({timestamp: record.timestamp, malformed: false})),
				...malformedAt.map((second) => ({timestamp: second * 1000, malformed: true})),
			],
			60,
		),
	};
}

describe('mergeRawRead', () => {
	it('meets a re-read event once, by its eventId', () => {
		const first = mergeRawRead(emptyRawHold, readOf([held('a', t0), held('b', t0 + 70)]), {
			keepFrom: t0,
		});
		const second = mergeRawRead(first, readOf([held('b', t0 + 70), held('c', t0 + 80)]), {
			keepFrom: t0,
		});
		expect(second.records.map((record) => record.eventId).sort()).toEqual(['a', 'b', 'c']);
		expect(rawTotals(second)).toEqual({recordsMatched: 3, recordsRead: 3, malformed: 0});
	});

	it('counts late arrivals in a bucket read again, never less than was seen before', () => {
		const first = mergeRawRead(emptyRawHold, readOf([held('a', t0 + 60)], [t0 + 61]), {
			keepFrom: t0,
		});
		const later = mergeRawRead(first, readOf([held('a', t0 + 60), held('b', t0 + 65)]), {
			keepFrom: t0,
		});
		expect(rawTotals(later)).toEqual({recordsMatched: 2, recordsRead: 2, malformed: 1});
	});

	it('drops records and counts older than keepFrom as the window slides', () => {
		const hold: RawHold = mergeRawRead(
			emptyRawHold,
			readOf([held('old', t0), held('new', t0 + 120)]),
			{keepFrom: t0},
		);
		const slid = mergeRawRead(hold, readOf([]), {keepFrom: t0 + 60});
		expect(slid.records.map((record) => record.eventId)).toEqual(['new']);
		expect(rawTotals(slid).recordsMatched).toBe(1);
	});

	it('remembers the newest record end it has seen', () => {
		const hold = mergeRawRead(emptyRawHold, readOf([held('a', t0), held('b', t0 + 90)]), {
			keepFrom: t0,
		});
		expect(hold.newestEnd).toBe(t0 + 150);
	});

	it('is sampled when more records matched than it keeps', () => {
		const many = Array.from({length: 10}, (_, index) => held(`e${index}`, t0 + index));
		const hold = mergeRawRead(emptyRawHold, readOf(many), {keepFrom: t0, maxRecords: 4});
		expect(rawTotals(hold)).toEqual({recordsMatched: 10, recordsRead: 4, malformed: 0});
	});
});

describe('addRawRecords', () => {
	it('adds the counts of records no earlier read returned to what each bucket holds', () => {
		const full = mergeRawRead(emptyRawHold, readOf([held('a', t0 + 60), held('b', t0 + 65)]), {
			keepFrom: t0,
		});
		// A fresh read from t0 + 61 on: it meets `b` again (left out by its caller) and two new ones.
		const fresh = addRawRecords(full, readOf([held('c', t0 + 70)], [t0 + 75]), {keepFrom: t0});
		expect(rawTotals(fresh)).toEqual({recordsMatched: 3, recordsRead: 3, malformed: 1});
		expect(fresh.records.map((record) => record.eventId)).toEqual(['c', 'b', 'a']);
		expect(fresh.newestEnd).toBe(t0 + 130);
	});

	it('leaves counts to the next full read, which never lowers them', () => {
		const full = mergeRawRead(emptyRawHold, readOf([held('a', t0 + 60)]), {keepFrom: t0});
		const fresh = addRawRecords(full, readOf([held('b', t0 + 70)]), {keepFrom: t0});
		const again = mergeRawRead(fresh, readOf([held('a', t0 + 60), held('b', t0 + 70)]), {
			keepFrom: t0,
		});
		expect(rawTotals(again).recordsMatched).toBe(2);
	});
});

describe('trimRecords', () => {
	it.each([
		{
			name: 'keeps the newest when all are accepted',
			records: [held('a', t0), held('b', t0 + 10), held('c', t0 + 20)],
			max: 2,
			kept: ['c', 'b'],
		},
		{
			name: 'keeps an old REJECT before newer ACCEPTs',
			records: [held('reject', t0, 'REJECT'), held('b', t0 + 10), held('c', t0 + 20)],
			max: 2,
			kept: ['c', 'reject'],
		},
		{
			name: 'keeps everything under the bound',
			records: [held('a', t0), held('b', t0 + 10)],
			max: 3000,
			kept: ['b', 'a'],
		},
	])('$name', ({records, max, kept}) => {
		expect(trimRecords(records, max).map((record) => record.eventId)).toEqual(kept);
	});

	it('keeps a rejected connection whole: the ACCEPTs at the LB stay with the REJECT at the target', () => {
		const leg = (
			eventId: string,
			second: number,
			src: string,
			dst: string,
			action: FlowAction,
		): HeldRecord => {
			const [srcAddr = '', srcPort] = src.split(':');
			const [dstAddr = '', dstPort] = dst.split(':');
			const base = held(eventId, second, action);
			return {
				...base,
				record: {
					...base.record,
					srcAddr,
					dstAddr,
					srcPort: Number(srcPort),
					dstPort: Number(dstPort),
				},
			};
		};
		const records = [
			leg('frontend', t0, '203.0.113.9:50000', '10.0.0.10:80', 'ACCEPT'),
			leg('backend', t0, '203.0.113.9:50000', '10.0.1.20:80', 'ACCEPT'),
			leg('target-reply', t0, '10.0.1.20:80', '203.0.113.9:50000', 'REJECT'),
			leg('newer-1', t0 + 30, '198.51.100.1:40000', '10.0.0.10:80', 'ACCEPT'),
			leg('newer-2', t0 + 40, '198.51.100.2:40001', '10.0.0.10:80', 'ACCEPT'),
		];
		expect(
			trimRecords(records, 3)
				.map((record) => record.eventId)
				.sort(),
		).toEqual(['backend', 'frontend', 'target-reply']);
	});
});

describe('trimSorted', () => {
	// Each record its own connection here (no addresses): which are kept is the connections' order.
	it.each([
		{name: 'all accepted, the newest kept', seconds: [t0, t0 + 10, t0 + 20], max: 2},
		{name: 'nothing to trim', seconds: [t0, t0 + 10], max: 5},
		// Times before 1970 are not in a flow log, but the order must not depend on their sign:
		// a connection's newest time counts from 0, as trimRecords counts it.
		{name: 'times before 1970', seconds: [-5, -1], max: 1},
		{name: 'times on both sides of 0', seconds: [-5, 3, -1], max: 2},
		// A bound that is not a number keeps nothing, in both.
		{name: 'a bound that is not a number', seconds: [t0, t0 + 10], max: Number.NaN},
	])('keeps what trimRecords keeps: $name', ({seconds, max}) => {
		const records = seconds.map((second, index) => held(`e${index}`, second));
		const sorted = [...records].sort(newestFirst);
		expect(trimSorted(records, sorted, max).map((record) => record.eventId)).toEqual(
			trimRecords(records, max).map((record) => record.eventId),
		);
	});
});
