import {describe, expect, it} from 'vitest';
import {resetFloorPerMinute} from '../../../source/domain/findings/rules/reset-spike.js';
import {series} from './metrics-builder.js';
import {buildSnapshot} from './snapshot-builder.js';

function withNewFlows(perMinute: number[]) {
	return buildSnapshot({metrics: {series: [series('NewFlowCount', perMinute)], alarms: []}});
}

describe('the reset count worth a finding', () => {
	it.each([
		['a busy load balancer keeps the fixed floor', 2000, 20],
		['a quiet one: 5% of its new flows a minute', 200, 10],
		['a very quiet one: never below 5 a minute', 20, 5],
	])('%s', (_name, newFlowsPerMinute, floor) => {
		expect(
			resetFloorPerMinute(withNewFlows(Array.from({length: 10}, () => newFlowsPerMinute))),
		).toBe(floor);
	});

	it('keeps the fixed floor when the new flows are unknown', () => {
		expect(resetFloorPerMinute(buildSnapshot({metrics: {series: [], alarms: []}}))).toBe(20);
	});
});
