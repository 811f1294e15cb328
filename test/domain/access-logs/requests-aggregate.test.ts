import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {
	aggregateRequests,
	maxTargets,
	RequestsAccumulator,
} from '../../../source/domain/access-logs/requests-accumulator.js';
import {
	many,
	minute,
	notDispatched,
	now,
	request,
	target5xx,
	tgArn,
	timedOut,
} from './request-builder.js';

const window = {start: now - 10 * minute, end: now};
const other = {targetAddr: '10.0.2.20', targetPort: 8080};

describe('requests per target', () => {
	it('splits target 5XX from the LB 5XX and 4XX, per target', () => {
		const view = aggregateRequests(
			[
				...many(6, () => request()),
				...many(2, () => target5xx()),
				timedOut(),
				request({elbStatusCode: 502, targetStatusCode: 200}),
				request({elbStatusCode: 404, targetStatusCode: 404}),
				...many(5, () => request(other)),
			],
			{precision: 'provisional', coverage: window},
		);
		const [first, second] = view.targets;
		expect(first).toMatchObject({
			target: '10.0.1.10:8080',
			targetAddr: '10.0.1.10',
			targetPort: 8080,
			targetGroupArn: tgArn,
			requests: 11,
			target5xx: 2,
			elb5xx: 2,
			status4xx: 1,
			noAnswer: 1,
			elbCodes: [
				{name: '502', count: 1},
				{name: '504', count: 1},
			],
			perMinute: 1.1,
		});
		expect(second).toMatchObject({target: '10.0.2.20:8080', requests: 5, target5xx: 0, elb5xx: 0});
		expect(view.totals).toMatchObject({requests: 16, target5xx: 2, elb5xx: 2, noAnswer: 1});
		expect(view).toMatchObject({
			precision: 'provisional',
			percentiles: 'sketch',
			coverage: window,
			dataThrough: now,
		});
	});

	it('gives p50 and p99 of target_processing_time, leaving out requests never answered', () => {
		const times = [...Array.from({length: 98}, () => 0.1), 2, 3];
		const view = aggregateRequests(
			[...times.map((time) => request({targetProcessingTime: time})), timedOut()],
			{precision: 'sampled', coverage: window},
		);
		const timing = view.targets[0]?.targetTime;
		expect(timing?.count).toBe(100);
		expect(timing?.p50).toBeCloseTo(0.1, 2);
		expect(timing?.p99).toBeCloseTo(2, 1);
		expect(timing?.max).toBe(3);
	});

	it('counts requests never dispatched per target group, apart from rules that answer on purpose', () => {
		const view = aggregateRequests(
			[
				...many(3, () => notDispatched()),
				notDispatched({elbStatusCode: 301, actionsExecuted: ['redirect']}),
				notDispatched({elbStatusCode: 403, actionsExecuted: ['waf']}),
				notDispatched({elbStatusCode: 400, actionsExecuted: []}),
				request(),
			],
			{precision: 'provisional', coverage: window},
		);
		expect(view.targets).toHaveLength(1);
		expect(view.notDispatched).toEqual([
			expect.objectContaining({
				targetGroupArn: tgArn,
				requests: 6,
				elb5xx: 3,
				byDesign: 2,
				status4xx: 2,
			}),
		]);
		expect(view.timeline.reduce((sum, bucket) => sum + bucket.notDispatched, 0)).toBe(6);
	});

	it('keeps a Lambda target as one row', () => {
		const {targetAddr: _a, targetPort: _p, ...lambda} = request({targetStatusCode: 200});
		const view = aggregateRequests([lambda, lambda], {precision: 'exact'});
		expect(view.targets.map((row) => [row.target, row.requests])).toEqual([['lambda', 2]]);
	});

	it('counts error reasons and classifications, and lists the slowest and the failing requests', () => {
		const slow = request({targetProcessingTime: 9});
		const failing = target5xx({
			time: now - 2 * minute,
			errorReason: 'LambdaUnhandled',
			classification: 'Ambiguous',
		});
		const view = aggregateRequests(
			[request(), slow, failing, request({classification: 'Acceptable'})],
			{precision: 'exact'},
		);
		const row = view.targets[0];
		expect(row?.errorReasons).toEqual({top: [{name: 'LambdaUnhandled', count: 1}], other: 0});
		expect(row?.classifications.top.map((entry) => entry.name)).toEqual([
			'Acceptable',
			'Ambiguous',
		]);
		expect(view.slowest[0]?.id).toBe(slow.id);
		expect(view.failing.map((record) => record.id)).toEqual([failing.id]);
		expect(view.tlsProtocols.top).toEqual([{name: 'TLSv1.2', count: 4}]);
	});

	it('lists a quiet target’s failures even when a busy target fills the failing list', () => {
		const busy = many(40, (index) => target5xx({...other, time: now - minute + index}));
		const quiet = target5xx({time: now - 5 * minute});
		const view = aggregateRequests([...busy, quiet], {precision: 'exact'});
		expect(view.failing.some((record) => record.id === quiet.id)).toBe(true);
	});

	it('stays bounded whatever the number of targets in the log', () => {
		const accumulator = new RequestsAccumulator();
		for (let index = 0; index < maxTargets + 300; index++) {
			accumulator.add(request({targetAddr: `10.${Math.floor(index / 250)}.${index % 250}.1`}));
		}

		const view = accumulator.view({precision: 'exact'});
		expect(view.targets).toHaveLength(maxTargets);
		expect(view.untrackedRequests).toBe(300);
		expect(view.totals.requests).toBe(maxTargets + 300);
	});

	it('derives its coverage from the entries when the objects do not say', () => {
		const view = aggregateRequests(
			[request({time: now - 3 * minute + 5000}), request({time: now - minute + 1000})],
			{precision: 'provisional'},
		);
		expect(view.coverage).toEqual({start: now - 3 * minute, end: now});
		expect(view.targets[0]?.perMinute).toBeCloseTo(2 / 3);
	});
});

describe('merging accumulators', () => {
	const entry = fc
		.record({
			kind: fc.constantFrom('ok', '5xx', 'timeout', 'undispatched'),
			target: fc.integer({min: 1, max: 4}),
			offset: fc.integer({min: 0, max: 10 * minute}),
			time: fc.integer({min: 1, max: 5000}).map((ms) => ms / 1000),
		})
		.map(({kind, target, offset, time}) => {
			const base = {time: now - offset, targetAddr: `10.0.0.${target}`, targetProcessingTime: time};
			return kind === 'ok'
				? request(base)
				: kind === '5xx'
					? target5xx(base)
					: kind === 'timeout'
						? timedOut(base)
						: notDispatched({time: base.time});
		});

	it('two intervals merged give what one pass over both gives', () => {
		fc.assert(
			fc.property(
				fc.array(entry, {maxLength: 60}),
				fc.array(entry, {maxLength: 60}),
				(left, right) => {
					const [a, b] = [new RequestsAccumulator(), new RequestsAccumulator()];
					for (const record of left) {
						a.add(record);
					}

					for (const record of right) {
						b.add(record);
					}

					a.merge(b);
					const options = {precision: 'exact' as const, coverage: window};
					expect(a.view(options)).toEqual(aggregateRequests([...left, ...right], options));
				},
			),
			{numRuns: 100},
		);
	});
});
