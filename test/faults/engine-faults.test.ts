// Whole-API faults against the running engine: throttling storms, 5xx, dropped connections and slow
// answers. The engine never throws; each source shows the fault and keeps its last good data; the
// first attempt after the fault clears brings it back.
import {afterEach, describe, expect, it} from 'vitest';
import {AwsClients} from '../../source/aws/clients.js';
import type {Config} from '../../source/domain/config.js';
import type {SourceName} from '../../source/domain/snapshot.js';
import {initialSnapshot} from '../../source/live/initial-snapshot.js';
import type {SourceEnvironment, SourceFactory} from '../../source/live/source.js';
import {defaultSources} from '../../source/live/sources.js';
import {SnapshotStore} from '../../source/live/store.js';
import type {FaultRule} from '../../source/sim/faults.js';
import {
	type ExpectedFault,
	expectAllOk,
	expectFailed,
	expectOthersCarryOn,
	untilAllOk,
} from './support/expectations.js';
import {allSources, dataOf, faultTestSources, type Rig, startedRig} from './support/fault-rig.js';

let rig: Rig | undefined;

afterEach(async () => {
	await rig?.close();
	rig = undefined;
});

const minute = 60_000;

it('runs the sources lbtop runs, in the same order', () => {
	const config: Config = {
		windowMs: minute,
		refreshMs: 10_000,
		logGroups: [],
		output: 'json',
		color: false,
		ascii: false,
	};
	const environment: SourceEnvironment = {
		clients: new AwsClients({}),
		config,
		store: new SnapshotStore(initialSnapshot(config, 0, 'us-east-1')),
		now: () => 0,
		callContext: (iamAction) => ({iamAction, now: 0}),
		refresh: () => undefined,
	};
	const names = (factories: readonly SourceFactory[]) =>
		factories.map((factory) => factory(environment).name);
	expect(names(faultTestSources)).toEqual(names(defaultSources));
});

/** Every source, one after another, at the retry it announced; all of them ok afterwards. */
async function recoverEach(current: Rig, names: readonly SourceName[]): Promise<void> {
	for (const name of names) {
		if (current.state(name).status !== 'ok') {
			await current.retry(name);
			expect(current.state(name).status, name).toBe('ok');
		}
	}
	await untilAllOk(current);
	expectAllOk(current);
}

/** After a clean first round, `rule` on every API: all sources stale, holding what they had. */
async function expectEverySourceStale(rule: FaultRule, fault: ExpectedFault): Promise<Rig> {
	const current = await startedRig({maxAttempts: 2});
	rig = current;
	expectAllOk(current);
	const before = current.snapshot();

	current.sim.faults.set({rules: {'*': rule}});
	await current.nextRound();

	for (const name of allSources) {
		expectFailed(current, name, fault);
		expect(current.state(name).status).toBe('stale');
		// Nothing of the failed read leaked in: the data is exactly what the last success left.
		expect(dataOf(current.snapshot(), name), name).toEqual(dataOf(before, name));
		expect(current.state(name).fetchedAt).toBe(before.sources[name].fetchedAt);
	}
	current.sim.faults.clear();
	await recoverEach(current, allSources);
	return current;
}

describe('a throttling storm on every API', () => {
	it('from the start: identity and discovery say throttled, back off, and recover after it', async () => {
		const current = await startedRig({faults: {rules: {'*': {throttleRate: 1}}}, maxAttempts: 2});
		rig = current;
		expectFailed(current, 'identity', {kind: 'throttled', iamAction: 'sts:GetCallerIdentity'});
		expectFailed(current, 'discovery', {
			kind: 'throttled',
			iamAction: 'elasticloadbalancing:DescribeLoadBalancers',
		});
		expectOthersCarryOn(current, ['identity', 'discovery']);

		const delays = new Map<number, number>();
		const noteDelay = () => {
			const {error, retryAt} = current.state('discovery');
			if (error !== undefined && retryAt !== undefined) {
				delays.set(error.at, retryAt - error.at);
			}
		};
		noteDelay();
		const unsubscribe = current.store.subscribe(noteDelay);
		const stormEnd = current.timers.now() + 20 * minute;
		while (current.timers.now() < stormEnd) {
			await current.step();
		}
		unsubscribe();

		// Until the load balancer is found, discovery retries at the refresh pace (30 s here) and
		// backs off from there to a ceiling, so twenty minutes of throttling cost a handful of
		// runs, not a request loop.
		const runs = current.finished('discovery');
		expect(runs).toBeGreaterThanOrEqual(3);
		expect(runs).toBeLessThanOrEqual(8);
		const waits = [...delays.values()];
		expect(waits.length).toBe(runs);
		expect(waits[0]).toBe(30_000);
		for (const [index, wait] of waits.entries()) {
			expect(wait).toBeGreaterThanOrEqual(waits[index - 1] ?? 0);
			expect(wait).toBeLessThanOrEqual(5 * minute);
		}
		// The SDK retries a throttled call itself (twice here); lbtop adds no loop of its own.
		expect(current.requests('elasticloadbalancing:DescribeLoadBalancers')).toBeLessThanOrEqual(
			2 * runs,
		);
		expect(current.requests('sts:GetCallerIdentity')).toBeLessThanOrEqual(
			2 * current.finished('identity'),
		);

		current.sim.faults.clear();
		await recoverEach(current, ['identity', 'discovery']);
		await expect(current.engine.stop()).resolves.toBeUndefined();
	});

	it('after a good round: every source is stale, keeps its data, and recovers', async () => {
		await expectEverySourceStale({throttleRate: 1}, {kind: 'throttled'});
	});
});

describe.each([500, 503] as const)('server errors (%i) on every API', (status) => {
	it('every source is stale, names the failed call, and recovers', async () => {
		const current = await expectEverySourceStale(
			{serverErrorRate: 1, serverErrorStatus: status},
			{kind: 'unknown'},
		);
		expect(current.requests()).toBeGreaterThan(0);
	});
});

describe('dropped connections (reset without an answer) on every API', () => {
	it('every source is stale with a network error, and recovers', async () => {
		await expectEverySourceStale({dropRate: 1}, {kind: 'network'});
	});
});

describe('slow answers', () => {
	it('every source still gets through, one run at a time, however often refresh is pressed', async () => {
		const current = await startedRig({faults: {rules: {'*': {latencyMs: 50}}}});
		rig = current;
		expectAllOk(current);
		const runsBefore = current.finished('discovery');
		const requestsBefore = current.requests('elasticloadbalancing:DescribeLoadBalancers');
		current.engine.refresh();
		await current.until('a slow refresh under way', () => current.busy());
		for (let press = 0; press < 20 && current.busy(); press++) {
			current.engine.refresh();
			const pressedAt = performance.now();
			await current.until('the next key press', () => performance.now() - pressedAt > 20);
		}
		await current.until('the refresh to finish', () => !current.busy());
		expectAllOk(current);
		for (const name of allSources) {
			expect(current.mostAtOnce(name), name).toBe(1);
		}
		const runs = current.finished('discovery') - runsBefore;
		expect(current.requests('elasticloadbalancing:DescribeLoadBalancers') - requestsBefore).toBe(
			runs,
		);
	});
});
