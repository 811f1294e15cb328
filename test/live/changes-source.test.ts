import type {LookupEventsCommandInput} from '@aws-sdk/client-cloudtrail';
import {afterEach, describe, expect, it} from 'vitest';
import type {Config} from '../../source/domain/config.js';
import type {Snapshot} from '../../source/domain/snapshot.js';
import {createChangesSource} from '../../source/live/changes-source.js';
import {Engine} from '../../source/live/engine.js';
import {initialSnapshot} from '../../source/live/initial-snapshot.js';
import {realTimers} from '../../source/live/poller.js';
import {SnapshotStore} from '../../source/live/store.js';
import {type RunningSim, startSim} from '../../source/sim/server.js';
import {createCloudTrailService} from '../../source/sim/services/cloudtrail/index.js';
import type {World} from '../../source/sim/world/types.js';
import {
	changesTopology,
	changesWorld,
	elbSource,
	minute,
	relevantIds,
	securityGroupRevoke,
	t0,
	targetHealthRead,
} from './changes-world.js';

const config: Config = {
	target: 'web-nlb',
	windowMs: 15 * minute,
	refreshMs: 10_000,
	logGroups: [],
	output: 'json',
	color: false,
	ascii: true,
};

type Call = {
	readonly attribute: string;
	readonly startTime?: number;
	readonly endTime?: number;
	/** Wall clock, to check the spacing between calls. */
	readonly sentAt: number;
};

type Harness = {
	readonly engine: Engine;
	readonly world: World;
	readonly sim: RunningSim;
	readonly calls: Call[];
	setNow(ms: number): void;
	runOnce(): Promise<Snapshot>;
};

let running: Harness | undefined;

afterEach(async () => {
	await running?.engine.stop();
	await running?.sim.close();
	running = undefined;
});

async function start(
	options: {
		readonly spacingMs?: number;
		readonly withTopology?: boolean;
		readonly world?: World;
	} = {},
): Promise<Harness> {
	let now = t0;
	const world = options.world ?? changesWorld();
	const sim = await startSim({
		world,
		jsonServices: [createCloudTrailService()],
		clock: {now: () => now},
	});
	const initial = initialSnapshot(config, t0, 'us-east-1');
	const store = new SnapshotStore(
		options.withTopology === false ? initial : {...initial, topology: changesTopology()},
	);
	const engine = new Engine({
		config,
		store,
		aws: {
			endpointUrl: sim.url,
			region: 'us-east-1',
			credentials: {accessKeyId: 'test', secretAccessKey: 'test'},
			maxAttempts: 1,
		},
		sources: [createChangesSource({minCallSpacingMs: options.spacingMs ?? 0})],
		timers: {...realTimers, now: () => now},
	});
	const calls: Call[] = [];
	const client = await engine.clients.cloudtrail();
	client.middlewareStack.add(
		(next) => async (args) => {
			const input = args.input as LookupEventsCommandInput;
			const attribute = input.LookupAttributes?.[0];
			calls.push({
				attribute: `${attribute?.AttributeKey}=${attribute?.AttributeValue}`,
				...(input.StartTime instanceof Date ? {startTime: input.StartTime.getTime()} : {}),
				...(input.EndTime instanceof Date ? {endTime: input.EndTime.getTime()} : {}),
				sentAt: Date.now(),
			});
			return next(args);
		},
		{step: 'initialize', name: 'recordLookups'},
	);
	running = {
		engine,
		world,
		sim,
		calls,
		setNow: (ms) => {
			now = ms;
		},
		runOnce: () => engine.snapshotOnce(),
	};
	return running;
}

const eventIds = (snapshot: Snapshot) => snapshot.changes?.events.map((event) => event.id);
const elbCalls = (calls: readonly Call[]) =>
	calls.filter((call) => call.attribute === `EventSource=${elbSource}`);

describe('the changes source', () => {
	it("shows the path's changes, newest first, and nothing else", async () => {
		const harness = await start();
		const snapshot = await harness.runOnce();
		expect(eventIds(snapshot)).toEqual([...relevantIds]);
		expect(snapshot.sources.changes).toMatchObject({status: 'ok', fetchedAt: t0});
		// The newest event CloudTrail returned, a read included: how far its delivery has got.
		expect(snapshot.changes?.dataThrough).toBe(t0 - 5 * minute);
		expect(snapshot.sources.changes.dataThrough).toBe(t0 - 5 * minute);
	});

	it('reads the last hour on the first run, one call per attribute', async () => {
		const harness = await start();
		await harness.runOnce();
		expect(harness.calls).toHaveLength(13);
		expect(new Set(harness.calls.map((call) => call.attribute)).size).toBe(13);
		for (const call of harness.calls) {
			expect(call).toMatchObject({startTime: t0 - 60 * minute, endTime: t0});
		}
	});

	it('re-reads only the delivery overlap later, and holds each event once', async () => {
		const harness = await start();
		await harness.runOnce();
		harness.calls.length = 0;
		const later = t0 + minute;
		harness.setNow(later);
		// Delivered late: it happened before the first run but was not visible to it.
		harness.world.cloudTrailEvents.push(securityGroupRevoke('evt-revoke-late', t0 - 8 * minute));
		harness.world.cloudTrailEvents.push(securityGroupRevoke('evt-revoke-new', t0 + 30_000));

		const snapshot = await harness.runOnce();
		expect(harness.calls).toHaveLength(13);
		for (const call of harness.calls) {
			expect(call).toMatchObject({startTime: t0 - 15 * minute, endTime: later});
		}
		expect(eventIds(snapshot)).toEqual([
			'evt-revoke-new',
			'evt-revoke-late',
			'evt-acl-path',
			'evt-revoke-web',
			'evt-modify-listener',
			'evt-register-targets',
		]);
		expect(snapshot.changes?.dataThrough).toBe(t0 + 30_000);
	});

	it('bounds the pages of a busy account and fills in the older part on later runs', async () => {
		const world = changesWorld();
		for (let index = 1; index <= 500; index += 1) {
			world.cloudTrailEvents.push(targetHealthRead(`evt-read-${index}`, t0 - index * 3000));
		}
		const harness = await start({world});

		const first = await harness.runOnce();
		expect(elbCalls(harness.calls)).toHaveLength(10);
		expect(eventIds(first)).not.toContain('evt-modify-listener');
		expect(eventIds(first)).not.toContain('evt-register-targets');

		harness.calls.length = 0;
		harness.setNow(t0 + minute);
		const second = await harness.runOnce();
		const calls = elbCalls(harness.calls);
		expect(calls.length).toBeLessThanOrEqual(10);
		expect(calls.at(-1)).toMatchObject({startTime: t0 - 59 * minute});
		expect(calls.at(-1)?.endTime).toBeLessThan(t0 - 15 * minute);
		expect(eventIds(second)).toEqual([...relevantIds]);
	});

	it('reads back the time a longer window newly covers, and says how far back it has read', async () => {
		const harness = await start();
		const first = await harness.runOnce();
		expect(first.changes?.coveredFrom).toBe(t0 - 60 * minute);
		expect(eventIds(first)).not.toContain('evt-revoke-old');

		harness.calls.length = 0;
		harness.engine.setWindow(3 * 60 * minute);
		const longer = await harness.runOnce();
		expect(harness.calls.some((call) => call.startTime === t0 - 3 * 60 * minute)).toBe(true);
		expect(eventIds(longer)).toContain('evt-revoke-old');
		expect(longer.changes?.coveredFrom).toBe(t0 - 3 * 60 * minute);
	});

	it('says how far back a page-bounded first read reached', async () => {
		const world = changesWorld();
		for (let index = 1; index <= 500; index += 1) {
			world.cloudTrailEvents.push(targetHealthRead(`evt-read-${index}`, t0 - index * 3000));
		}
		const harness = await start({world});
		const first = await harness.runOnce();
		expect(first.changes?.coveredFrom).toBeGreaterThan(t0 - 60 * minute);
		expect(first.changes?.coveredFrom).toBeLessThan(t0);
	});

	it('spaces its calls to stay under the LookupEvents rate limit', async () => {
		const harness = await start({spacingMs: 40});
		await harness.runOnce();
		const sent = harness.calls.map((call) => call.sentAt);
		expect(sent).toHaveLength(13);
		// Each send may lag its slot by a few event-loop turns, so single gaps can look short; but
		// 13 calls can never go out faster than their 12 spacings allow (load only slows them).
		const first = sent[0] ?? 0;
		const last = sent.at(-1) ?? 0;
		expect(last - first).toBeGreaterThanOrEqual(11 * 40);
	});

	it('waits for the topology before reading anything', async () => {
		const harness = await start({withTopology: false});
		const snapshot = await harness.runOnce();
		expect(harness.calls).toEqual([]);
		expect(snapshot.sources.changes.status).toBe('pending');
		expect(snapshot.changes).toBeUndefined();
	});

	it('reports a denied LookupEvents with the IAM action to grant', async () => {
		const harness = await start();
		harness.sim.faults.set({rules: {'cloudtrail:LookupEvents': {accessDenied: true}}});
		const snapshot = await harness.runOnce();
		expect(snapshot.sources.changes.status).toBe('error');
		expect(snapshot.sources.changes.error).toMatchObject({
			kind: 'access-denied',
			iamAction: 'cloudtrail:LookupEvents',
			message: expect.stringContaining('cloudtrail:LookupEvents'),
			hint: expect.stringContaining('cloudtrail:LookupEvents'),
		});
	});

	it('keeps the events it holds when a later run fails', async () => {
		const harness = await start();
		await harness.runOnce();
		harness.setNow(t0 + minute);
		harness.sim.faults.set({rules: {'cloudtrail:*': {accessDenied: true}}});
		const snapshot = await harness.runOnce();
		expect(snapshot.sources.changes.status).toBe('stale');
		expect(snapshot.sources.changes.error?.iamAction).toBe('cloudtrail:LookupEvents');
		expect(eventIds(snapshot)).toEqual([...relevantIds]);
	});
});
