import {describe, expect, it} from 'vitest';
import {
	fitText,
	formatClock,
	formatGb,
	formatLag,
	formatUsd,
	formatWindowLength,
	truncateText,
} from '../../source/ui/format.js';

const at = Date.UTC(2025, 2, 14, 13, 42, 10);

describe('formatClock', () => {
	it('writes UTC with a Z', () => {
		expect(formatClock(at, 'utc')).toBe('13:42:10Z');
	});

	it('writes local time without a zone letter', () => {
		expect(formatClock(at, 'local')).toMatch(/^\d{2}:\d{2}:\d{2}$/);
	});

	it('shows placeholders for a missing time', () => {
		expect(formatClock(Number.NaN, 'utc')).toBe('--:--:--');
	});
});

describe('formatLag', () => {
	it.each([
		{through: at - 290_000, lag: '4m50s'},
		{through: at - 12_400, lag: '12s'},
		{through: at - 3_720_000, lag: '1h02m'},
		{through: at + 5000, lag: '0s'},
		{through: at - 400, lag: '0s'},
		{through: Number.NaN, lag: '?'},
	])('data through $through is $lag behind', ({through, lag}) => {
		expect(formatLag(through, at)).toBe(lag);
	});
});

describe('formatWindowLength', () => {
	it.each([
		{ms: 5 * 60_000, text: '5m'},
		{ms: 15 * 60_000, text: '15m'},
		{ms: 60 * 60_000, text: '1h'},
		{ms: 90 * 60_000, text: '90m'},
		{ms: 0, text: '0m'},
	])('$ms ms is $text', ({ms, text}) => {
		expect(formatWindowLength(ms)).toBe(text);
	});
});

describe('query cost figures', () => {
	it('prints small costs with four decimals and scans in GB', () => {
		expect(formatUsd(0.0012)).toBe('$0.0012');
		expect(formatUsd(1.5)).toBe('$1.50');
		expect(formatGb(240_000_000)).toBe('0.24 GB');
	});
});

describe('truncateText and fitText', () => {
	it.each([
		{text: 'connections', width: 20, ascii: false, out: 'connections'},
		{text: 'connections', width: 6, ascii: false, out: 'conne…'},
		{text: 'connections', width: 6, ascii: true, out: 'conne~'},
		{text: 'connections', width: 1, ascii: false, out: '…'},
		{text: 'connections', width: 0, ascii: false, out: ''},
	])('cuts "$text" to $width', ({text, width, ascii, out}) => {
		expect(truncateText(text, width, ascii)).toBe(out);
	});

	it('pads to exactly the width', () => {
		expect(fitText('abc', 6, false)).toBe('abc   ');
		expect(fitText('abcdefgh', 6, false)).toBe('abcde…');
	});
});
