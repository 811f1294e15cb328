import {describe, expect, it} from 'vitest';
import {
	delayUntilNextRefresh,
	fetchRange,
	maxMetricWindowMs,
	metricWindowStart,
} from '../../../source/domain/metrics/metric-window.js';

const minute = 60_000;
/** 13:42:10 UTC: ten seconds after a minute boundary. */
const now = Date.UTC(2025, 2, 14, 13, 42, 10);
const at = (hours: number, minutes: number, seconds = 0) =>
	Date.UTC(2025, 2, 14, hours, minutes, seconds);

describe('fetchRange', () => {
	it.each([
		[
			'the first read covers the window, complete minutes only',
			{now, windowMs: 15 * minute},
			{start: at(13, 27), end: at(13, 42)},
		],
		[
			'later reads start three periods before the newest period held',
			{now, windowMs: 15 * minute, newestHeld: at(13, 40)},
			{start: at(13, 37), end: at(13, 42)},
		],
		[
			'a long silence is read back from the last period held',
			{now, windowMs: 15 * minute, newestHeld: at(13, 30)},
			{start: at(13, 27), end: at(13, 42)},
		],
		[
			'never before the window, however old the newest period held',
			{now, windowMs: 15 * minute, newestHeld: at(12, 0)},
			{start: at(13, 27), end: at(13, 42)},
		],
		[
			'windows longer than three hours are cut to three hours',
			{now, windowMs: 24 * 60 * minute},
			{start: at(10, 42), end: at(13, 42)},
		],
		[
			'a newest period at the edge still reads at least one period',
			{now: at(13, 42), windowMs: 15 * minute, newestHeld: at(13, 45)},
			{start: at(13, 41), end: at(13, 42)},
		],
	])('%s', (_name, request, expected) => {
		expect(fetchRange(request)).toEqual(expected);
	});
});

describe('metricWindowStart', () => {
	it.each([
		[15 * minute, at(13, 27)],
		[60 * minute, at(12, 42)],
		[maxMetricWindowMs * 4, at(10, 42)],
		[0, at(13, 41)],
	])('window of %d ms starts at %d', (windowMs, expected) => {
		expect(metricWindowStart(now, windowMs)).toBe(expected);
	});
});

describe('delayUntilNextRefresh', () => {
	it.each([
		['just after the boundary refresh: a whole minute', at(13, 42, 10), 10_000, 60_000],
		['mid-minute: until ten seconds past the next minute', at(13, 42, 40), 10_000, 30_000],
		['before the offset: later this minute', at(13, 42, 1), 5000, 9000],
		['too soon for the refresh setting: the minute after', at(13, 42, 5), 10_000, 65_000],
		['a refresh setting over a minute skips whole minutes', at(13, 42, 10), 150_000, 180_000],
	])('%s', (_name, time, refreshMs, expected) => {
		expect(delayUntilNextRefresh(time, refreshMs)).toBe(expected);
	});

	it('always lands ten seconds after a minute boundary', () => {
		for (let second = 0; second < 60; second += 7) {
			const time = at(13, 42, second);
			expect((time + delayUntilNextRefresh(time, 10_000)) % minute).toBe(10_000);
		}
	});
});
