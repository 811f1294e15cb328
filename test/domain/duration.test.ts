import {describe, expect, it} from 'vitest';
import {formatDuration, formatLagDuration, parseDuration} from '../../source/domain/duration.js';

describe('parseDuration', () => {
	it.each([
		['90s', 90_000],
		['15m', 900_000],
		['1h', 3_600_000],
		['1h30m', 5_400_000],
		['500ms', 500],
		['1.5m', 90_000],
		[' 10S ', 10_000],
	])('reads %j as %i ms', (text, ms) => {
		expect(parseDuration(text)).toBe(ms);
	});

	it.each(['', '15', 'm', '-5m', '0s', '5 minutes', '1x', '1h-'])('rejects %j', (text) => {
		expect(parseDuration(text)).toBeUndefined();
	});
});

describe('formatDuration', () => {
	it.each([
		[800, '800ms'],
		[45_000, '45s'],
		[290_000, '4m50s'],
		[300_000, '5m'],
		[7_500_000, '2h05m'],
		[3 * 86_400_000, '3d'],
		[-45_000, '-45s'],
	])('writes %i ms as %j', (ms, text) => {
		expect(formatDuration(ms)).toBe(text);
	});
});

describe('formatLagDuration', () => {
	it.each([
		[0, '0s'],
		[45_900, '45s'],
		[128_000, '2m'],
		[131_000, '2m10s'],
		[599_999, '9m50s'],
		[754_000, '12m'],
		[-5000, '0s'],
	])('writes a lag of %i ms as %j', (ms, text) => {
		expect(formatLagDuration(ms)).toBe(text);
	});
});
