// The fresh edge: between full reads of the unsettled stretch (every refresh), the flows source
// reads only the newest stretch every two seconds, so a record delivered now shows about as soon
// as `aws logs tail --follow` would print it, and nothing is parsed or counted twice.
import type {FilterLogEventsCommandInput} from '@aws-sdk/client-cloudwatch-logs';
import {afterEach, beforeEach, describe, expect, it} from 'vitest';
import {
	createFlowsSource,
	type FlowsSourceOptions,
	freshEdgeMs,
} from '../../source/live/flows-source.js';
import type {Timers} from '../../source/live/poller.js';
import type {LiveSource} from '../../source/live/source.js';
import {
	discover,
	type FlowsHarness,
	startFlowsHarness,
} from '../integration/fixtures/flows-harness.js';
import {eventOf} from '../integration/fixtures/flows-traffic.js';
import {lbA, logGroupName} from '../integration/fixtures/flows-world.js';

let harness: FlowsHarness;
let reads: {startTime: number; events: number}[];

beforeEach(async () => {
	harness = await startFlowsHarness();
	await discover(harness);
	reads = [];
	const logs = await harness.environment.clients.logs();
	logs.middlewareStack.add(
		(next, context) => async (input) => {
			const result = await next(input);
			if (context.commandName === 'FilterLogEventsCommand') {
				const request = input.input as FilterLogEventsCommandInput;
				const output = result.output as {events?: unknown[]};
				reads.push({startTime: request.startTime ?? 0, events: output.events?.length ?? 0});
			}

			return result;
		},
		{step: 'initialize', name: 'testReadRecorder'},
	);
});

afterEach(async () => {
	await harness.close();
});

/** A new client's frontend record on the LB's first interface, delivered at the harness's now. */
function deliver(client: string, secondsAgo: number): void {
	const stream = harness.fixture.world.logGroups
		.find((group) => group.logGroupName === logGroupName)
		?.streams.find((candidate) => candidate.logStreamName === `${lbA.eni}-all`);
	const start = Math.floor(harness.now() / 1000) - secondsAgo;
	const event = {
		...eventOf({eni: lbA.eni, src: client, sport: 45_000, dst: lbA.ip, dport: 80, start}),
		ingestionTime: harness.now(),
	};
	stream?.events.push(event);
	stream?.events.sort((left, right) => left.timestamp - right.timestamp);
}

function shows(client: string): boolean {
	const connections = harness.environment.store.getSnapshot().flows?.connections ?? [];
	return connections.some((connection) => connection.clientAddr === client);
}

function intervalOf(source: LiveSource): number {
	return typeof source.intervalMs === 'function' ? source.intervalMs() : source.intervalMs;
}

function sourceWith(options: FlowsSourceOptions = {}, timers?: Timers): LiveSource {
	return createFlowsSource(options)({
		...harness.environment,
		...(timers === undefined ? {} : {timers}),
	});
}

const newClient = '198.18.0.77';

describe('the flows source between full reads', () => {
	it('shows a record delivered after a full read at the next run, reading only the newest stretch', async () => {
		const source = sourceWith();
		const signal = new AbortController().signal;
		await source.run(signal);
		const full = reads.at(-1);
		expect(intervalOf(source)).toBe(freshEdgeMs);

		deliver(newClient, 60);
		harness.advance(freshEdgeMs);
		await source.run(signal);

		expect(shows(newClient)).toBe(true);
		const fresh = reads.at(-1);
		// From a minute before the newest record held, not from the start of the unsettled stretch.
		expect(fresh?.startTime).toBeGreaterThan(full?.startTime ?? Number.POSITIVE_INFINITY);
		expect(fresh?.events).toBeLessThan(full?.events ?? 0);
		// No Insights query: only newly settled time is ever queried.
		expect(harness.environment.store.getSnapshot().cost.queries).toBe(1);
		expect(harness.environment.store.getSnapshot().flows?.recordsMatched).toBe(
			harness.fixture.accepted + harness.fixture.rejected + 1,
		);
		await source.dispose?.();
	});

	it('leaves the snapshot alone when nothing new came', async () => {
		const source = sourceWith();
		const signal = new AbortController().signal;
		await source.run(signal);
		const before = harness.environment.store.getSnapshot();
		harness.advance(freshEdgeMs);
		await source.run(signal);
		expect(harness.environment.store.getSnapshot()).toBe(before);
		await source.dispose?.();
	});

	it('keeps the rows it holds when a full read meets only events already read', async () => {
		const source = sourceWith();
		const signal = new AbortController().signal;
		await source.run(signal);
		const before = harness.environment.store.getSnapshot().flows;
		// `r`: the whole unsettled stretch again, at the same moment; every event in it is known.
		source.refreshRequested?.();
		await source.run(signal);
		const after = harness.environment.store.getSnapshot();
		expect(reads.length).toBeGreaterThan(1);
		expect(after.flows).toBe(before);
		expect(after.sources.flows.status).toBe('ok');
		await source.dispose?.();
	});

	it('leaves a record older than the newest minute to the next full read, one refresh on', async () => {
		const source = sourceWith();
		const signal = new AbortController().signal;
		await source.run(signal);
		deliver('198.18.0.76', 30);
		harness.advance(freshEdgeMs);
		await source.run(signal);
		// Four minutes old on arrival, three older than the newest record held: out of order by more
		// than a fresh read looks back.
		deliver(newClient, 240);
		harness.advance(freshEdgeMs);
		await source.run(signal);
		expect(shows(newClient)).toBe(false);

		harness.advance(harness.environment.config.refreshMs);
		await source.run(signal);
		expect(shows(newClient)).toBe(true);
		await source.dispose?.();
	});

	it('runs at the fresh cadence while all is well, lands on the next full read, backs off from the refresh interval', async () => {
		const source = sourceWith();
		const signal = new AbortController().signal;
		const {refreshMs} = harness.environment.config;
		expect(intervalOf(source)).toBe(refreshMs);
		await source.run(signal);
		expect(intervalOf(source)).toBe(freshEdgeMs);
		// Near the next full read (the clock also moved while the run ran): the run lands on it.
		harness.advance(refreshMs - freshEdgeMs / 2);
		expect(intervalOf(source)).toBeLessThanOrEqual(freshEdgeMs / 2);
		expect(intervalOf(source)).toBeGreaterThanOrEqual(freshEdgeMs / 4);

		harness.sim.faults.set({rules: {'logs:FilterLogEvents': {accessDenied: true}}});
		await expect(source.run(signal)).rejects.toMatchObject({iamAction: 'logs:FilterLogEvents'});
		expect(intervalOf(source)).toBe(refreshMs);

		// The attempt after a failure reads the unsettled stretch whole again: from the settled
		// horizon, six minutes back, not from a minute before the newest record.
		harness.sim.faults.clear();
		const full = reads.length;
		await source.run(signal);
		expect(reads.slice(full).at(0)?.startTime).toBeLessThanOrEqual(harness.now() - 360_000);
		await source.dispose?.();
	});

	it('reads the unsettled stretch whole again when the user asks for a refresh (r)', async () => {
		const source = sourceWith();
		const signal = new AbortController().signal;
		await source.run(signal);
		deliver('198.18.0.76', 30);
		harness.advance(freshEdgeMs);
		await source.run(signal);
		// Out of order by more than a fresh read looks back: only a full read finds it.
		deliver(newClient, 240);
		harness.advance(freshEdgeMs);
		source.refreshRequested?.();
		await source.run(signal);
		expect(shows(newClient)).toBe(true);
		await source.dispose?.();
	});

	it('keeps reading the fresh edge while an Insights query is answered', async () => {
		await harness.close();
		harness = await startFlowsHarness(60_000);
		await discover(harness);
		const timers = manualTimers();
		const source = sourceWith({}, timers);
		const running = source.run(new AbortController().signal);
		await until(() => harness.polledQueries.size === 1 && timers.pending() > 0);

		deliver(newClient, 60);
		timers.fireAll();
		await until(() => shows(newClient));
		expect(harness.logs.runningQueryCount()).toBe(1);

		// The query ends on the sim's clock; the run sees it through.
		harness.advance(60_000);
		await running;
		expect(harness.logs.runningQueryCount()).toBe(0);
		expect(shows(newClient)).toBe(true);
		await source.dispose?.();
	});
});

/** Timers that fire only when told, on the harness's clock. */
function manualTimers(): Timers & {pending(): number; fireAll(): void} {
	const waiting = new Map<number, () => void>();
	let next = 1;
	return {
		now: () => harness.now(),
		setTimeout(callback) {
			const handle = next++;
			waiting.set(handle, callback);
			return handle;
		},
		clearTimeout(handle) {
			if (typeof handle === 'number') {
				waiting.delete(handle);
			}
		},
		pending: () => waiting.size,
		fireAll() {
			const due = [...waiting.values()];
			waiting.clear();
			for (const callback of due) {
				callback();
			}
		},
	};
}

async function until(condition: () => boolean): Promise<void> {
	const deadline = Date.now() + 10_000;
	while (!condition()) {
		if (Date.now() > deadline) {
			throw new Error('condition not met within 10 s');
		}

		await new Promise((resolve) => setTimeout(resolve, 5));
	}
}
