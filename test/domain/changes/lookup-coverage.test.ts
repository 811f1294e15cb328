import {describe, expect, it} from 'vitest';
import {
	coverageAfter,
	type LookupOutcome,
	newestEventTime,
	oldestEventTime,
} from '../../../source/domain/changes/lookup-coverage.js';
import type {Coverage, LookupRequest} from '../../../source/domain/changes/lookup-plan.js';

const minute = 60_000;
const now = Date.UTC(2025, 0, 15, 13, 45, 0);

function request(startTime: number, endTime: number): LookupRequest {
	return {
		attribute: {key: 'EventSource', value: 'elasticloadbalancing.amazonaws.com'},
		startTime,
		endTime,
		maxPages: 10,
	};
}

type Case = {
	readonly name: string;
	readonly previous?: Coverage;
	readonly request: LookupRequest;
	readonly outcome: LookupOutcome;
	readonly expected: Coverage;
};

const cases: readonly Case[] = [
	{
		name: 'a complete first read covers its whole range',
		request: request(now - 60 * minute, now),
		outcome: {complete: true},
		expected: {from: now - 60 * minute, through: now},
	},
	{
		name: 'a first read stopped at its page limit covers back to its oldest event',
		request: request(now - 60 * minute, now),
		outcome: {complete: false, oldestEventTime: now - 12 * minute},
		expected: {from: now - 12 * minute, through: now},
	},
	{
		name: 'an overlapping fresh read extends the coverage to now',
		previous: {from: now - 60 * minute, through: now - minute},
		request: request(now - 16 * minute, now),
		outcome: {complete: true},
		expected: {from: now - 60 * minute, through: now},
	},
	{
		name: 'a fresh read that stopped inside the overlap still joins the older coverage',
		previous: {from: now - 60 * minute, through: now - minute},
		request: request(now - 16 * minute, now),
		outcome: {complete: false, oldestEventTime: now - 5 * minute},
		expected: {from: now - 60 * minute, through: now},
	},
	{
		name: 'a fresh read that stopped short of the last read leaves a gap: the newer part wins',
		previous: {from: now - 60 * minute, through: now - 20 * minute},
		request: request(now - 35 * minute, now),
		outcome: {complete: false, oldestEventTime: now - 10 * minute},
		expected: {from: now - 10 * minute, through: now},
	},
	{
		name: 'a complete backfill reaches the lookback',
		previous: {from: now - 12 * minute, through: now},
		request: request(now - 60 * minute, now - 12 * minute),
		outcome: {complete: true},
		expected: {from: now - 60 * minute, through: now},
	},
	{
		name: 'a partial backfill moves the start back to its oldest event',
		previous: {from: now - 12 * minute, through: now},
		request: request(now - 60 * minute, now - 12 * minute),
		outcome: {complete: false, oldestEventTime: now - 30 * minute},
		expected: {from: now - 30 * minute, through: now},
	},
	{
		name: 'a backfill stuck in one crowded instant still moves back',
		previous: {from: now - 12 * minute, through: now},
		request: request(now - 60 * minute, now - 12 * minute),
		outcome: {complete: false, oldestEventTime: now - 12 * minute},
		expected: {from: now - 12 * minute - 1, through: now},
	},
];

describe('what a read has covered', () => {
	it.each(cases)('$name', ({previous, request: lookup, outcome, expected}) => {
		expect(coverageAfter(previous, lookup, outcome)).toEqual(expected);
	});
});

describe('event times of a page', () => {
	const raws = [
		{EventTime: new Date(now - minute)},
		{EventTime: (now - 3 * minute) / 1000},
		{EventTime: 'not a time'},
		{},
	];

	it('finds the oldest and newest readable times', () => {
		expect(oldestEventTime(raws)).toBe(now - 3 * minute);
		expect(newestEventTime(raws)).toBe(now - minute);
	});

	it('has none for an empty page', () => {
		expect(oldestEventTime([])).toBeUndefined();
		expect(newestEventTime([])).toBeUndefined();
	});
});
