// Athena for settled time, as Insights is asked: each settled stretch once (and each 5-minute file
// in one query only), the bytes it scanned in the session's cost, and no query left running when a
// run is aborted (pause) or the source is disposed (exit).
import type {StartQueryExecutionCommandInput} from '@aws-sdk/client-athena';
import {afterEach, describe, expect, it} from 'vitest';
import {createFlowsSource} from '../../source/live/flows-source.js';
import type {LiveSource} from '../../source/live/source.js';
import {
	discover,
	type FlowsHarness,
	type HarnessOptions,
	startFlowsHarness,
} from '../integration/fixtures/flows-harness.js';
import {deliveredToS3, withOlderTraffic} from '../integration/fixtures/flows-s3-world.js';

let harness: FlowsHarness | undefined;
let source: LiveSource | undefined;

afterEach(async () => {
	await source?.dispose?.();
	await harness?.close();
	source = undefined;
	harness = undefined;
});

async function start(options: Omit<HarnessOptions, 'world'> = {}) {
	const started = await startFlowsHarness(300, {
		world: (world, fixture) => deliveredToS3(withOlderTraffic(world, fixture.minute)),
		config: {windowMs: 30 * 60_000},
		...options,
	});
	harness = started;
	await discover(started);
	const queries: StartQueryExecutionCommandInput[] = [];
	const athena = await started.environment.clients.athena();
	athena.middlewareStack.add(
		(next, context) => async (input) => {
			if (context.commandName === 'StartQueryExecutionCommand') {
				queries.push(input.input as StartQueryExecutionCommandInput);
			}
			return next(input);
		},
		{step: 'initialize', name: 'testAthenaRecorder'},
	);
	source = createFlowsSource()(started.environment);
	return {harness: started, queries, source};
}

const paths = (query: Partial<StartQueryExecutionCommandInput>) =>
	(query.ExecutionParameters ?? []).filter((value) => value.startsWith("'s3://"));

async function until(condition: () => boolean): Promise<void> {
	const deadline = Date.now() + 10_000;
	while (!condition()) {
		if (Date.now() > deadline) throw new Error('timed out');
		await new Promise((resolve) => setTimeout(resolve, 20));
	}
}

describe('Athena for settled time', () => {
	it('is asked each settled stretch once, each file in one query only, and its bytes are counted', async () => {
		const {harness: started, queries, source: flows} = await start();
		const signal = new AbortController().signal;
		const cost = () => started.environment.store.getSnapshot().cost;
		await flows.run(signal);
		expect(queries).toHaveLength(1);
		expect(paths(queries[0] ?? {})).not.toHaveLength(0);
		expect(cost().athena?.bytesScanned).toBe(started.athena.totalBytesScanned());
		expect(cost().queries).toBe(0);

		started.advance(10_000);
		await flows.run(signal);
		expect(queries).toHaveLength(1);

		// Fifteen minutes on, the recent traffic's files have settled: asked once, over new files only.
		started.advance(15 * 60_000);
		await flows.run(signal);
		expect(queries).toHaveLength(2);
		const first = new Set(paths(queries[0] ?? {}));
		expect(paths(queries[1] ?? {}).filter((path) => first.has(path))).toEqual([]);
		expect(cost().athena?.queries).toBe(2);
		expect(cost().athena?.bytesScanned).toBe(started.athena.totalBytesScanned());
		// Billed at least 10 MB a query, whatever it scanned.
		expect(cost().athena?.billedBytes).toBeGreaterThanOrEqual(2 * 10_000_000);
		expect(started.environment.store.getSnapshot().flows?.via).toBe('S3 + Athena');
	});

	it('stops its running query when the run is aborted (pause)', async () => {
		// The sim's clock stands still unless moved: the query stays QUEUED.
		const {harness: started, source: flows} = await start({athena: {queuedMs: 60 * 60_000}});
		const controller = new AbortController();
		const running = flows.run(controller.signal);
		await until(() => started.athena.runningQueryCount() === 1);
		controller.abort();
		await expect(running).rejects.toBeDefined();
		expect(started.athena.runningQueryCount()).toBe(0);
		expect(started.environment.store.getSnapshot().cost.athena?.queries).toBe(1);
	});

	it('stops its running query on dispose', async () => {
		const {harness: started, source: flows} = await start({athena: {queuedMs: 60 * 60_000}});
		const running = flows.run(new AbortController().signal);
		await until(() => started.athena.runningQueryCount() === 1);
		await flows.dispose?.();
		await running.catch(() => undefined);
		expect(started.athena.runningQueryCount()).toBe(0);
	});
});
