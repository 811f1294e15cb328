import {describe, expect, it} from 'vitest';
import {parseScenarioTime} from '../../source/sim/scenario/time.js';

const now = Date.UTC(2025, 4, 1, 12, 0, 0);

describe('scenario times', () => {
	it.each([
		{text: 'now', expected: now},
		{text: '-5m', expected: now - 300_000},
		{text: '-90s', expected: now - 90_000},
		{text: '-1h30m', expected: now - 5_400_000},
		{text: '+2m', expected: now + 120_000},
		{text: '-1.5h', expected: now - 5_400_000},
		{text: '-2d', expected: now - 172_800_000},
		{text: '-250ms', expected: now - 250},
		{text: '2025-05-01T11:00:00Z', expected: now - 3_600_000},
		{text: '2025-05-01T13:00:00+02:00', expected: now - 3_600_000},
		{text: '2025-05-01T11:59:30.500Z', expected: now - 29_500},
	])('reads $text', ({text, expected}) => {
		expect(parseScenarioTime(text, now)).toBe(expected);
	});

	it.each(['', 'yesterday', '5m', '-5', '-5 m', '2025-05-01', '2025-05-01T11:00:00', '-m'])(
		'rejects %j',
		(text) => {
			expect(parseScenarioTime(text, now)).toBeUndefined();
		},
	);
});
