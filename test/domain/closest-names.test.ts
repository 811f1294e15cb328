import {describe, expect, it} from 'vitest';
import {closestNames} from '../../source/domain/closest-names.js';

const names = ['prod-nlb', 'prod-alb', 'staging-nlb', 'payments-internal', 'demo-nlb'];

describe('closestNames', () => {
	it('suggests names one typo away first', () => {
		expect(closestNames('prod-nbl', names)[0]).toBe('prod-nlb');
	});

	it('suggests names that contain what was typed', () => {
		expect(closestNames('payments', names)).toContain('payments-internal');
	});

	it('suggests nothing for an unrelated name', () => {
		expect(closestNames('zzzzzzzzzzzz', names)).toEqual([]);
	});

	it('returns at most the requested count', () => {
		expect(closestNames('nlb', names, 2)).toHaveLength(2);
	});
});
