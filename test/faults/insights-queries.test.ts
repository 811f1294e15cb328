// Logs Insights bills every query until it ends, so no way out of a refresh may leave one
// running: stop, pause, a refresh pressed mid-query, a sibling query failing, an answer lost in
// flight (held back, or never coming while the query runs). And when the account's
// concurrent-query quota is used up, lbtop says so and backs off.
import {afterEach, describe, expect, it} from 'vitest';
import {SimError} from '../../source/sim/context.js';
import {expectFailed, expectOthersCarryOn, untilAllOk} from './support/expectations.js';
import {type Rig, type RigOptions, startedRig, startRig} from './support/fault-rig.js';
import {
	type Intercepted,
	protocolError,
	startTamperingProxy,
	type Tampering,
	type TamperingProxy,
} from './support/tampering-proxy.js';

let rig: Rig | undefined;

afterEach(async () => {
	await rig?.close();
	rig = undefined;
});

const minute = 60_000;
// Queries run on the test's clock, which stands still unless moved: they stay Running.
const slowQueries = {logs: {queryDurationMs: 10 * minute}} satisfies RigOptions;

/**
 * Something between lbtop and the sim that decides what becomes of the n-th StartQuery (from 1);
 * every other call passes as it is.
 */
function tamperingStarts(
	decide: (request: Intercepted, start: number) => Tampering | undefined,
): (simUrl: string) => Promise<TamperingProxy> {
	return async (simUrl) => {
		let starts = 0;
		const proxy = await startTamperingProxy(simUrl);
		proxy.set((request) => {
			if (request.operation !== 'StartQuery') {
				return undefined;
			}
			starts += 1;
			return decide(request, starts);
		});
		return proxy;
	};
}

/** A refusal with the error and status AWS gives it. */
function refused(request: Intercepted, code: string, message: string): Tampering {
	return {kind: 'respond', response: protocolError(request, new SimError(code, message, 400))};
}

// A settled stretch is asked for with one combined query, or (at a busy load balancer) with the
// timeline and sources queries side by side: neither way may leave one behind.
const queryModes = [
	{flowsQueries: 'combined', queries: 1},
	{flowsQueries: 'pair', queries: 2},
] as const;

/** Every query of the first slice running, and polled: lbtop holds their ids. */
async function withQueryRunning(options: RigOptions = slowQueries): Promise<Rig> {
	const current = await startRig(options);
	rig = current;
	current.engine.start();
	const queries = options.flowsQueries === 'pair' ? 2 : 1;
	await current.until(
		'the Insights queries running and polled',
		() =>
			current.logs.runningQueryCount() >= queries &&
			current.requests('logs:GetQueryResults') >= queries,
	);
	return current;
}

describe.each(queryModes)('no $flowsQueries Insights query is left running', ({flowsQueries}) => {
	const slow = {...slowQueries, flowsQueries} satisfies RigOptions;

	it('after stop()', async () => {
		const current = await withQueryRunning(slow);
		await current.engine.stop();
		expect(current.logs.runningQueryCount()).toBe(0);
	});

	it('after refreshes pressed mid-query: no second set runs alongside, none is left behind', async () => {
		const current = await withQueryRunning({...slow, refreshMs: 60 * minute});
		const started = current.requests('logs:StartQuery');
		for (let press = 0; press < 5; press++) {
			current.engine.refresh();
		}
		expect(current.requests('logs:StartQuery')).toBe(started);
		// Let the queries finish (the sim times them on the test's clock).
		current.timers.advance(10 * minute);
		await current.until('the held-up flows run over', () => current.finished('flows') >= 2);
		await current.engine.stop();
		expect(current.mostAtOnce('flows')).toBe(1);
		// The presses bought at most one run after the held-up one, not one each.
		expect(current.requests('logs:StartQuery')).toBeLessThanOrEqual(2 * started);
		expect(current.logs.runningQueryCount()).toBe(0);
	});
});

describe('asked for while a run is held up by a query', () => {
	// Engine.setWindow: "A new window applies from the next run of each source, which starts now."
	it('a new window applies from a run that starts once the held-up run ends', async () => {
		const current = await withQueryRunning({...slowQueries, refreshMs: 60 * minute});
		const before = current.started('flows');
		current.engine.setWindow(30 * minute);
		current.timers.advance(10 * minute);
		await current.until(
			'a flows run for the new window',
			() => current.started('flows') > before,
			5000,
		);
	});
});

describe('no Insights query is left running, with answers in flight', () => {
	// The sim starts a query as soon as StartQuery arrives; here its answer (the query id) is still on
	// the way back when lbtop gives up on the run, and only that answer tells lbtop what to stop.
	// The two queries of a pair are answered at different times, as they are over a real network.
	describe.each(queryModes)(
		'when stop comes while a $flowsQueries StartQuery is answered',
		({flowsQueries, queries}) => {
			it('every query it started is stopped anyway', async () => {
				const current = await startRig({
					...slowQueries,
					flowsQueries,
					between: tamperingStarts((_request, start) => ({
						kind: 'forward',
						delayMs: start === 1 ? 200 : 700,
					})),
				});
				rig = current;
				current.engine.start();
				await current.until(
					'every query started at the sim',
					() => current.logs.runningQueryCount() >= queries,
				);
				await current.engine.stop();
				await current.until(
					'every query lbtop started stopped after stop',
					() => current.logs.runningQueryCount() === 0,
					3000,
				);
			});
		},
	);

	it('when StopQuery is denied, stop() still returns promptly', async () => {
		const current = await withQueryRunning({
			...slowQueries,
			flowsQueries: 'pair',
			faults: {rules: {'logs:StopQuery': {accessDenied: true}}},
		});
		const stopping = performance.now();
		await current.engine.stop();
		expect(performance.now() - stopping).toBeLessThan(3000);
		expect(current.requests('logs:StopQuery')).toBeGreaterThan(0);
	});

	it('when one query of a pair fails while the other is being started', async () => {
		let starts = 0;
		const current = await startRig({
			...slowQueries,
			flowsQueries: 'pair',
			// The first is started and its answer held back; the second is refused at once.
			between: tamperingStarts((request, start) => {
				starts = start;
				return start === 1
					? {kind: 'forward', delayMs: 400}
					: refused(request, 'MalformedQueryException', 'unexpected symbol');
			}),
		});
		rig = current;
		current.engine.start();
		await current.until('both StartQuery calls made', () => starts >= 2);
		await current.until('the flows run over', () => current.state('flows').status === 'stale');
		await current.until(
			'the started sibling stopped',
			() => current.logs.runningQueryCount() === 0,
			5000,
		);
	});
});

/** The first StartQuery carried out at the sim, its answer lost on the way back. */
const losingFirstStart = tamperingStarts((_request, start) =>
	start === 1 ? {kind: 'lose'} : undefined,
);

describe('a StartQuery whose answer is lost, the query started all the same', () => {
	it('tried again by the SDK: the query of the lost attempt is stopped, the answered one polled', async () => {
		const current = await startRig({...slowQueries, maxAttempts: 3, between: losingFirstStart});
		rig = current;
		current.engine.start();
		await current.until(
			'the answered query polled and the lost one stopped',
			() =>
				current.requests('logs:StartQuery') === 2 &&
				current.requests('logs:GetQueryResults') >= 1 &&
				current.logs.runningQueryCount() === 1,
		);
		expect(current.requests('logs:StopQuery')).toBe(1);
		await current.engine.stop();
		expect(current.logs.runningQueryCount()).toBe(0);
	});

	it('not tried again: the run fails as a network error and the query it started is stopped', async () => {
		const current = await startRig({...slowQueries, between: losingFirstStart});
		rig = current;
		current.engine.start();
		await current.until('the flows run failed', () => current.state('flows').error !== undefined);
		expectFailed(current, 'flows', {kind: 'network', iamAction: 'logs:StartQuery'});
		expect(current.requests('logs:StartQuery')).toBe(1);
		expect(current.logs.runningQueryCount()).toBe(0);
	});

	it('lost, then refused on the retries: the query of the lost attempt is stopped all the same', async () => {
		let starts = 0;
		const current = await startRig({
			...slowQueries,
			maxAttempts: 3,
			// The error the SDK reports is the last attempt's: a 400 that started nothing.
			between: tamperingStarts((request, start) => {
				starts = start;
				return start === 1
					? {kind: 'lose'}
					: refused(request, 'ThrottlingException', 'Rate exceeded');
			}),
		});
		rig = current;
		current.engine.start();
		await current.until('the flows run failed', () => current.state('flows').error !== undefined);
		expectFailed(current, 'flows', {kind: 'throttled', iamAction: 'logs:StartQuery'});
		expect(starts).toBe(3);
		expect(current.logs.runningQueryCount()).toBe(0);
	});

	it('answered with a body cut short: the query it started is stopped', async () => {
		const current = await startRig({
			...slowQueries,
			between: tamperingStarts(() => ({kind: 'forward', body: (upstream) => upstream.slice(0, 5)})),
		});
		rig = current;
		current.engine.start();
		await current.until('the flows run failed', () => current.state('flows').error !== undefined);
		expect(current.requests('logs:StartQuery')).toBe(1);
		expect(current.logs.runningQueryCount()).toBe(0);
	});

	it('whose query has ended by the time it is looked for: what it scanned is counted', async () => {
		// Queries end as soon as they start: the lost one is Complete when it is found.
		const current = await startRig({
			logs: {queryDurationMs: 0},
			maxAttempts: 3,
			between: losingFirstStart,
		});
		rig = current;
		current.engine.start();
		await current.until(
			'the answered query read',
			() =>
				current.requests('logs:DescribeQueries') === 1 && current.state('flows').status === 'ok',
		);
		await current.engine.stop();
		expect(current.requests('logs:StartQuery')).toBe(2);
		expect(current.logs.totalBytesScanned()).toBeGreaterThan(0);
		expect(current.snapshot().cost.bytesScanned).toBe(current.logs.totalBytesScanned());
	});

	it('with logs:DescribeQueries denied: the read goes on, the lost query left to end', async () => {
		const current = await startRig({
			...slowQueries,
			maxAttempts: 3,
			between: losingFirstStart,
			faults: {rules: {'logs:DescribeQueries': {accessDenied: true}}},
		});
		rig = current;
		current.engine.start();
		await current.until(
			'the answered query polled',
			() =>
				current.requests('logs:DescribeQueries') === 1 &&
				current.requests('logs:GetQueryResults') >= 1,
		);
		expect(current.logs.runningQueryCount()).toBe(2);
		expect(current.requests('logs:StopQuery')).toBe(0);
		expect(current.state('flows').error).toBeUndefined();
	});
});

describe('the concurrent-query quota used up', () => {
	it('by other users of the account: flows says so, backs off, and does not storm StartQuery', async () => {
		const current = await startedRig({logs: {maxConcurrentQueries: 0}, maxAttempts: 2});
		rig = current;
		expectFailed(current, 'flows', {kind: 'throttled', iamAction: 'logs:StartQuery'});
		expect(current.state('flows').error?.message).toContain('LimitExceededException');
		expectOthersCarryOn(current, ['flows']);

		const runsBefore = current.finished('flows');
		const end = current.timers.now() + 10 * minute;
		while (current.timers.now() < end) {
			await current.step();
		}
		const runs = current.finished('flows') - runsBefore;
		// Every 30 s without backoff would be 20 runs in 10 minutes.
		expect(runs).toBeGreaterThan(0);
		expect(runs).toBeLessThanOrEqual(7);
		// At most two queries a run, each tried at most twice by the SDK.
		expect(current.requests('logs:StartQuery')).toBeLessThanOrEqual(4 * (runs + runsBefore));
		expectFailed(current, 'flows', {kind: 'throttled', iamAction: 'logs:StartQuery'});
		expectOthersCarryOn(current, ['flows']);
	});

	it('for a while: flows recovers at its next attempt and leaves nothing running', async () => {
		let proxy: TamperingProxy | undefined;
		const current = await startedRig({
			async between(simUrl) {
				proxy = await startTamperingProxy(simUrl);
				proxy.set((request) =>
					request.operation === 'StartQuery'
						? {
								kind: 'respond',
								response: protocolError(
									request,
									new SimError(
										'LimitExceededException',
										'Account maximum query concurrency limit of [30] reached.',
										400,
									),
								),
							}
						: undefined,
				);
				return proxy;
			},
		});
		rig = current;
		expectFailed(current, 'flows', {kind: 'throttled', iamAction: 'logs:StartQuery'});
		proxy?.set(undefined);
		await current.retry('flows');
		expect(current.state('flows').status).toBe('ok');
		await untilAllOk(current);
		expect(current.logs.runningQueryCount()).toBe(0);
	});
});
