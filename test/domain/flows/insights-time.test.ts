// Insights times: the common `YYYY-MM-DD HH:MM:SS.fff` shape is read by character positions and
// date arithmetic; what it accepts, and the seconds it gives, are those of the pattern and Date.UTC.
import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {parseInsightsTime} from '../../../source/domain/flows/insights-time.js';

const pattern =
	/^([0-9]{4})-([0-9]{2})-([0-9]{2})[ T]([0-9]{2}):([0-9]{2})(?::([0-9]{2})(?:\.[0-9]+)?)?Z?$/;

/** The definition: the pattern's fields, checked, through Date.UTC. */
function definedSeconds(text: string): number | undefined {
	const match = pattern.exec(text);
	if (match === null) {
		return undefined;
	}

	const [year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0] = match
		.slice(1)
		.map((part) => (part === undefined ? 0 : Number(part)));
	if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 60) {
		return undefined;
	}

	return Math.floor(Date.UTC(year, month - 1, day, hour, minute, second) / 1000);
}

describe('parseInsightsTime', () => {
	it.each<[string, number | undefined]>([
		['2025-03-14 13:42:10.000', 1_741_959_730],
		['2025-03-14T13:42:10Z', 1_741_959_730],
		['2025-03-14 13:42:10', 1_741_959_730],
		['2025-03-14 13:42:10.123456', 1_741_959_730],
		['2025-03-14 13:42', 1_741_959_720],
		['2025-03-14T13:42Z', 1_741_959_720],
		// A day past the month's end rolls over, as Date.UTC rolls it.
		['2025-02-31 00:00:00', 1_740_960_000],
		['2024-02-29 23:59:60', 1_709_251_200],
		// Date.UTC reads two-digit years as 19xx.
		['0099-01-01 00:00:00', 915_148_800],
		['1969-12-31 23:59:59', -1],
		['2025-03-14 13:42:10.', undefined],
		['2025-03-14 13:42:10z', undefined],
		['2025-03-14 13:42:10 ', undefined],
		['2025-03-14  13:42:10', undefined],
		['2025-03-14 13:42:1', undefined],
		['2025-3-14 13:42:10', undefined],
		['+2025-03-14 13:42:10', undefined],
		['2025-13-01 00:00:00', undefined],
		['2025-00-10 00:00:00', undefined],
		['2025-03-00 00:00:00', undefined],
		['2025-03-32 00:00:00', undefined],
		['2025-03-14 24:00:00', undefined],
		['2025-03-14 13:60:00', undefined],
		['2025-03-14 13:42:61', undefined],
		['1700000000', 1_700_000_000],
		['1700000000000', 1_700_000_000],
		['99999999999', 99_999_999_999],
		['100000000000', 100_000_000],
		['12345678901234567', undefined],
		['', undefined],
	])('reads %j as %s', (text, expected) => {
		expect(parseInsightsTime(text)).toBe(expected);
	});

	it('reads the same text the same way twice in a row, and then another', () => {
		expect(parseInsightsTime('2025-03-14 13:42:10.000')).toBe(1_741_959_730);
		expect(parseInsightsTime('2025-03-14 13:42:10.000')).toBe(1_741_959_730);
		expect(parseInsightsTime('2025-13-14 13:42:10.000')).toBeUndefined();
		expect(parseInsightsTime('2025-13-14 13:42:10.000')).toBeUndefined();
		expect(parseInsightsTime('2025-03-14 13:42:11.000')).toBe(1_741_959_731);
	});

	it('gives what the pattern and Date.UTC give, for any digits in the shape', () => {
		const digits = (count: number, max: number) =>
			fc.integer({min: 0, max}).map((value) => String(value).padStart(count, '0'));
		const text = fc
			.tuple(
				digits(4, 9999),
				digits(2, 13),
				digits(2, 32),
				fc.constantFrom(' ', 'T'),
				digits(2, 24),
				digits(2, 60),
				fc.option(digits(2, 61), {nil: undefined}),
				fc.constantFrom('', '.000', '.5', 'Z', '.123Z', '.', 'z'),
			)
			.map(
				([year, month, day, separator, hour, minute, second, tail]) =>
					`${year}-${month}-${day}${separator}${hour}:${minute}${second === undefined ? '' : `:${second}`}${tail}`,
			);
		fc.assert(
			fc.property(text, (value) => {
				expect(parseInsightsTime(value)).toBe(definedSeconds(value));
			}),
			{numRuns: 5000},
		);
	});
});
