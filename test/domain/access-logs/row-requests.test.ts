import {describe, expect, it} from 'vitest';
import {aggregateRequests} from '../../../source/domain/access-logs/requests-accumulator.js';
import {belongsToRow, rowRequests} from '../../../source/domain/access-logs/row-requests.js';
import {
	minute,
	notDispatched,
	now,
	request,
	target5xx,
	tgArn,
	timedOut,
} from './request-builder.js';

const otherGroup =
	'arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/api-tg/0123456789abcdef';

describe('which row of the Requests pane a request line belongs to', () => {
	it.each([
		['its target in its group', request(), {target: '10.0.1.10:8080', targetGroupArn: tgArn}, true],
		[
			'another port of the same address',
			request({targetPort: 9090}),
			{target: '10.0.1.10:8080', targetGroupArn: tgArn},
			false,
		],
		[
			'the same target in another group',
			request({targetGroupArn: otherGroup}),
			{target: '10.0.1.10:8080', targetGroupArn: tgArn},
			false,
		],
		[
			'a timed-out request (dispatched, no answer)',
			timedOut(),
			{target: '10.0.1.10:8080', targetGroupArn: tgArn},
			true,
		],
		['an undispatched request, to its group', notDispatched(), {targetGroupArn: tgArn}, true],
		[
			'an undispatched request, never to a target',
			notDispatched(),
			{target: 'lambda', targetGroupArn: tgArn},
			false,
		],
		[
			'a dispatched request, never to the undispatched row',
			request(),
			{targetGroupArn: tgArn},
			false,
		],
		[
			'an IPv6 target, bracketed',
			request({targetAddr: '2001:db8::5'}),
			{target: '[2001:db8::5]:8080', targetGroupArn: tgArn},
			true,
		],
	])('%s: %s', (_name, record, row, expected) => {
		expect(belongsToRow(record, row)).toBe(expected);
	});

	it("lists a target's failing lines newest first, then its slowest without repeating them", () => {
		const failing = [1, 2, 3].map((index) =>
			target5xx({time: now - index * minute, targetProcessingTime: 5 + index}),
		);
		const slow = request({targetProcessingTime: 4});
		const elsewhere = request({targetAddr: '10.0.2.20', targetProcessingTime: 9});
		const view = aggregateRequests([...failing, slow, elsewhere, request()], {
			precision: 'exact',
		});
		const lines = rowRequests(view, {target: '10.0.1.10:8080', targetGroupArn: tgArn});
		expect(lines.failing.map((record) => record.id)).toEqual(failing.map((record) => record.id));
		expect(lines.slowest.map((record) => record.id)).toContain(slow.id);
		expect(lines.slowest.map((record) => record.id)).not.toContain(elsewhere.id);
		for (const record of failing) {
			expect(lines.slowest.map((entry) => entry.id)).not.toContain(record.id);
		}
	});
});
