import {describe, expect, it} from 'vitest';
import {formatBytes, formatNumber} from '../../../source/domain/units.js';
import {
	formatAddressPort,
	formatAgo,
	formatClock,
	formatDurationCoarse,
	formatDurationFine,
	formatProtocol,
} from '../../../source/ui/panes/format-cells.js';
import {sinceText} from '../../../source/ui/panes/pane-ages.js';

describe('formatNumber', () => {
	it.each([
		[0, '0'],
		[7, '7'],
		[9999, '9999'],
		[10_000, '10k'],
		[48_211, '48.2k'],
		[999_400, '999k'],
		[999_600, '1M'],
		[1_900_000, '1.9M'],
		[2_500_000_000, '2.5G'],
		[6.333, '6.33'],
		[0.5, '0.5'],
		[0.004, '<0.01'],
		[12.34, '12.3'],
		[123.4, '123'],
		[-1500.5, '-1501'],
		[Number.NaN, '-'],
		[Number.POSITIVE_INFINITY, '-'],
	])('%d reads %j', (value, expected) => {
		expect(formatNumber(value)).toBe(expected);
	});
});

describe('formatBytes', () => {
	it.each([
		[0, '0B'],
		[660, '660B'],
		[1024, '1KB'],
		[1536, '1.5KB'],
		[361_400, '353KB'],
		[1_400_000_000, '1.3GB'],
		[-1, '-'],
	])('%d reads %j', (value, expected) => {
		expect(formatBytes(value)).toBe(expected);
	});
});

describe('durations', () => {
	it.each([
		[0, '0s', '0s'],
		[-5000, '0s', '0s'],
		[45_000, '45s', '45s'],
		[290_000, '4m', '4m50s'],
		[7_800_000, '2h10m', '2h10m'],
		[7_200_000, '2h', '2h00m'],
		[273_600_000, '3d', '3d04h'],
		[Number.NaN, '-', '-'],
	])('%d ms is %j coarse and %j fine', (milliseconds, coarse, fine) => {
		expect(formatDurationCoarse(milliseconds)).toBe(coarse);
		expect(formatDurationFine(milliseconds)).toBe(fine);
	});

	it.each([
		[0, 'just now'],
		[12_000, '12s ago'],
		[240_000, '4m ago'],
	])('%d ms ago reads %j', (elapsed, expected) => {
		expect(formatAgo(1_000_000_000 - elapsed, 1_000_000_000)).toBe(expected);
	});
});

describe('formatClock', () => {
	const now = Date.UTC(2025, 5, 3, 13, 45, 0);
	const at = Date.UTC(2025, 5, 3, 13, 41, 7);

	it.each([
		[{timeZone: 'utc', seconds: true}, '13:41:07Z'],
		[{timeZone: 'utc', seconds: false}, '13:41Z'],
		[{timeZone: 'utc', seconds: true, now}, '13:41:07Z'],
	] as const)('%j reads %j', (options, expected) => {
		expect(formatClock(at, options)).toBe(expected);
	});

	it('shows the date instead of the seconds for another day', () => {
		expect(formatClock(Date.UTC(2025, 5, 2, 9, 5, 30), {timeZone: 'utc', seconds: true, now})).toBe(
			'06-02 09:05Z',
		);
	});

	it('reads local time without the Z', () => {
		const date = new Date(at);
		const pad = (value: number) => String(value).padStart(2, '0');
		expect(formatClock(at, {timeZone: 'local', seconds: true})).toBe(
			`${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}`,
		);
	});

	it('reads since when and for how long', () => {
		expect(sinceText(Date.UTC(2025, 5, 3, 13, 41, 0), {now, timeZone: 'utc'})).toBe(
			'since 13:41Z (4m)',
		);
	});
});

describe('addresses and protocols', () => {
	it.each([
		['203.0.113.7', 51_234, '203.0.113.7:51234'],
		['2001:db8::1', 443, '[2001:db8::1]:443'],
		['10.0.0.1', undefined, '10.0.0.1'],
	])('%s port %s reads %j', (address, port, expected) => {
		expect(formatAddressPort(address, port)).toBe(expected);
	});

	it.each([
		[6, 'tcp'],
		[17, 'udp'],
		[47, '47'],
	])('protocol %i reads %j', (protocol, expected) => {
		expect(formatProtocol(protocol)).toBe(expected);
	});
});
