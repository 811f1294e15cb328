import {describe, expect, it} from 'vitest';
import type {Terminal} from '../../source/domain/config-from-flags.js';
import {
	parseReplayTime,
	type ReplayFlags,
	replayConfigFromFlags,
} from '../../source/domain/replay-config.js';

const hour = 3_600_000;

describe('parseReplayTime', () => {
	it.each([
		['2025-03-14T13:42:10Z', {kind: 'instant', ms: Date.UTC(2025, 2, 14, 13, 42, 10)}],
		['2025-03-14 13:42:10', {kind: 'instant', ms: Date.UTC(2025, 2, 14, 13, 42, 10)}],
		['2025-03-14T13:42', {kind: 'instant', ms: Date.UTC(2025, 2, 14, 13, 42)}],
		['2025-03-14T13:42:10.5Z', {kind: 'instant', ms: Date.UTC(2025, 2, 14, 13, 42, 10, 500)}],
		['2025-03-14 13:42 UTC', {kind: 'instant', ms: Date.UTC(2025, 2, 14, 13, 42)}],
		['13:42', {kind: 'time-of-day', ms: 13 * hour + 42 * 60_000}],
		['9:05:30Z', {kind: 'time-of-day', ms: 9 * hour + 5 * 60_000 + 30_000}],
		['00:00', {kind: 'time-of-day', ms: 0}],
	])('%s -> %j', (text, expected) => {
		expect(parseReplayTime(text)).toEqual(expected);
	});

	it.each([
		'',
		'soon',
		'25:00',
		'13:60',
		'2025-02-30T10:00:00Z',
		'2025-13-01T10:00:00Z',
		'2025-03-14',
		'2025-03-14T13:42:10+02:00',
		'1710423730000',
	])('%j is not a time', (text) => {
		expect(parseReplayTime(text)).toBeUndefined();
	});
});

describe('replayConfigFromFlags', () => {
	const flags: ReplayFlags = {speed: 1, once: false, json: false, color: true, ascii: false};
	const terminal: Terminal = {interactive: true, noColorEnv: false, utf8: true};

	it('a recording on a terminal replays interactively at the recorded pace', () => {
		expect(replayConfigFromFlags(['rec.ndjson'], flags, terminal)).toEqual({
			ok: true,
			config: {path: 'rec.ndjson', speed: 1, output: 'interactive', color: true, ascii: false},
		});
	});

	it.each([
		{name: '--json', change: {json: true}, term: terminal, output: 'json'},
		{name: '--once', change: {once: true}, term: terminal, output: 'text'},
		{name: 'no terminal', change: {}, term: {...terminal, interactive: false}, output: 'text'},
	])('$name prints one snapshot ($output)', ({change, term, output}) => {
		const result = replayConfigFromFlags(['rec.ndjson'], {...flags, ...change}, term);
		expect(result.ok && result.config.output).toBe(output);
	});

	it('keeps --speed, --at, NO_COLOR and a non-UTF-8 locale', () => {
		const result = replayConfigFromFlags(
			['rec.ndjson'],
			{...flags, speed: 8, at: '13:42'},
			{interactive: true, noColorEnv: true, utf8: false},
		);
		expect(result).toEqual({
			ok: true,
			config: {
				path: 'rec.ndjson',
				speed: 8,
				at: {kind: 'time-of-day', ms: 13 * hour + 42 * 60_000},
				output: 'interactive',
				color: false,
				ascii: true,
			},
		});
	});

	it.each([
		{name: 'no file', input: [], change: {}, message: /name the recording/},
		{name: 'two files', input: ['a', 'b'], change: {}, message: /expected one recording, got 2/},
		{name: '--once --json', input: ['a'], change: {once: true, json: true}, message: /choose one/},
		{name: 'zero speed', input: ['a'], change: {speed: 0}, message: /--speed 0 must be/},
		{name: 'NaN speed', input: ['a'], change: {speed: Number.NaN}, message: /--speed NaN/},
		{name: 'absurd speed', input: ['a'], change: {speed: 1e9}, message: /at most 10000/},
		{
			name: 'bad --at',
			input: ['a'],
			change: {at: 'lunch'},
			message: /--at "lunch" is not a UTC time/,
		},
	])('$name is a usage error', ({input, change, message}) => {
		const result = replayConfigFromFlags(input, {...flags, ...change}, terminal);
		expect(result.ok).toBe(false);
		expect(result.ok ? '' : result.message).toMatch(message);
	});
});
