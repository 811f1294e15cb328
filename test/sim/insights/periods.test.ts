import {describe, expect, it} from 'vitest';
import {ceilToPeriod, floorToPeriod, parsePeriod} from '../../../source/sim/insights/periods.js';

describe('time periods', () => {
	it.each([
		['5m', 300_000],
		['1min', 60_000],
		['2mins', 120_000],
		['30s', 30_000],
		['10sec', 10_000],
		['1h', 3_600_000],
		['2hrs', 7_200_000],
		['100ms', 100],
		['1d', 86_400_000],
		['1w', 604_800_000],
		['1mo', undefined],
		['1qtr', undefined],
		['1y', undefined],
	])('%s lasts %s ms', (text, ms) => {
		expect(parsePeriod(text)?.ms).toBe(ms);
	});

	it.each(['0m', '5x', 'm', '1.5m'])('%s is not a period', (text) => {
		expect(parsePeriod(text)).toBeUndefined();
	});

	it('buckets by calendar months and quarters in UTC', () => {
		const at = Date.UTC(2023, 10, 14, 22, 13, 20);
		const quarter = parsePeriod('1q');
		const month = parsePeriod('1mo');
		expect(quarter && new Date(floorToPeriod(at, quarter)).toISOString()).toBe(
			'2023-10-01T00:00:00.000Z',
		);
		expect(month && new Date(ceilToPeriod(at, month)).toISOString()).toBe(
			'2023-12-01T00:00:00.000Z',
		);
	});
});
