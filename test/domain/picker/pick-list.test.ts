import {describe, expect, it} from 'vitest';
import {
	filterPickList,
	type PickEntry,
	visibleSlice,
} from '../../../source/domain/picker/pick-list.js';

function entry(name: string, type = 'network', scheme = 'internet-facing'): PickEntry {
	return {
		name,
		arn: `arn:${name}`,
		type,
		scheme,
		state: 'active',
		dnsName: `${name}.elb.amazonaws.com`,
	};
}

const entries = [
	entry('payments-nlb'),
	entry('web-alb', 'application'),
	entry('web-nlb'),
	entry('internal-api', 'network', 'internal'),
];

describe('filterPickList', () => {
	it.each([
		['', ['internal-api', 'payments-nlb', 'web-alb', 'web-nlb']],
		['web', ['web-alb', 'web-nlb']],
		['nlb', ['payments-nlb', 'web-nlb']],
		['application', ['web-alb']],
		['internal', ['internal-api']],
		['web network', ['web-nlb']],
		['WEB', ['web-alb', 'web-nlb']],
		['nothing-like-it', []],
	])('%j shows %j', (typed, names) => {
		expect(filterPickList(entries, typed).map((found) => found.name)).toEqual(names);
	});

	it('puts names that start with what was typed first', () => {
		expect(
			filterPickList([entry('old-api'), entry('api-nlb')], 'api').map((found) => found.name),
		).toEqual(['api-nlb', 'old-api']);
	});
});

describe('visibleSlice', () => {
	it.each([
		[5, 0, 10, {start: 0, end: 5}],
		[100, 0, 10, {start: 0, end: 10}],
		[100, 50, 10, {start: 45, end: 55}],
		[100, 99, 10, {start: 90, end: 100}],
	])('%i rows, selected %i, height %i', (count, selected, height, expected) => {
		expect(visibleSlice(count, selected, height)).toEqual(expected);
	});
});
