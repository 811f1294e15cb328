// The Athena runner against the sim: it backs off while Athena says TooManyRequestsException and
// then runs the query once, pages the answer without its header row, shows a failed query's own
// message, and leaves nothing running when its caller gives up.
import {afterEach, describe, expect, it} from 'vitest';
import {AthenaRunner} from '../../source/aws/athena-runner.js';
import {AwsClients} from '../../source/aws/clients.js';
import {type RunningSim, startSim} from '../../source/sim/server.js';
import {type AthenaService, createAthenaService} from '../../source/sim/services/athena/index.js';
import {emptyWorld, t0} from '../sim/logs-test-world.js';

let sim: RunningSim | undefined;
let athena: AthenaService | undefined;
let clients: AwsClients | undefined;

afterEach(async () => {
	await clients?.destroy();
	await sim?.close();
	await athena?.close();
	sim = undefined;
	athena = undefined;
	clients = undefined;
});

async function start(options: Parameters<typeof createAthenaService>[1] = {}) {
	const clock = {now: () => t0};
	athena = createAthenaService(clock, {queuedMs: 0, runningMs: 0, ...options});
	sim = await startSim({
		world: emptyWorld({
			dataLake: {
				buckets: [],
				glueDatabases: [],
				glueTables: [],
				athenaWorkGroups: [{name: 'primary', managedQueryResults: true}],
			},
		}),
		jsonServices: [athena],
		clock,
	});
	clients = new AwsClients({
		endpointUrl: sim.url,
		region: 'us-east-1',
		credentials: {accessKeyId: 'test', secretAccessKey: 'test'},
		maxAttempts: 1,
	});
	return {sim, athena, clients};
}

const quick = {
	pollDelaysMs: [5],
	throttleDelaysMs: [5, 5, 5],
	sleep: (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)),
};

describe('AthenaRunner', () => {
	it('pages the answer, drops the header row, and reports what ended how', async () => {
		const started = await start();
		const ends: string[] = [];
		const runner = new AthenaRunner(started.clients, {
			...quick,
			onEnd: (_bytes, end) => ends.push(end),
		});
		const result = await runner.run(
			{
				queryString: `SELECT n, n * ? AS twice FROM (VALUES ${Array.from({length: 1500}, (_, n) => `(${n})`).join(', ')}) AS t(n) ORDER BY n`,
				parameters: ['2'],
				workGroup: 'primary',
			},
			new AbortController().signal,
		);
		expect(result.header).toEqual(['n', 'twice']);
		expect(result.rows).toHaveLength(1500);
		expect(result.rows[1499]).toEqual(['1499', '2998']);
		expect(ends).toEqual(['SUCCEEDED']);
		expect(runner.runningQueries).toBe(0);
	});

	it('backs off while Athena throttles StartQueryExecution, then starts the query once', async () => {
		const started = await start();
		started.sim.faults.set({rules: {'athena:StartQueryExecution': {throttleRate: 1}}});
		let sleeps = 0;
		const runner = new AthenaRunner(started.clients, {
			...quick,
			sleep: async (ms, signal) => {
				sleeps++;
				if (sleeps === 2) started.sim.faults.clear();
				await quick.sleep(ms);
				signal.throwIfAborted();
			},
		});
		const result = await runner.run(
			{queryString: 'SELECT 1 AS one', parameters: [], workGroup: 'primary'},
			new AbortController().signal,
		);
		expect(result.rows).toEqual([['1']]);
		expect(started.athena.startedQueries()).toBe(1);
	});

	it('gives up after its last wait, naming TooManyRequestsException', async () => {
		const started = await start();
		started.sim.faults.set({rules: {'athena:StartQueryExecution': {throttleRate: 1}}});
		const runner = new AthenaRunner(started.clients, quick);
		await expect(
			runner.run(
				{queryString: 'SELECT 1', parameters: [], workGroup: 'primary'},
				new AbortController().signal,
			),
		).rejects.toMatchObject({
			iamAction: 'athena:StartQueryExecution',
			cause: {name: 'TooManyRequestsException'},
		});
	});

	it("shows a failed query's own message", async () => {
		const started = await start();
		const runner = new AthenaRunner(started.clients, quick);
		await expect(
			runner.run(
				{
					queryString: 'SELECT nope FROM (VALUES (1)) AS t(n)',
					parameters: [],
					workGroup: 'primary',
				},
				new AbortController().signal,
			),
		).rejects.toMatchObject({
			iamAction: 'athena:GetQueryExecution',
			cause: {
				state: 'FAILED',
				reason: expect.stringMatching(/^COLUMN_NOT_FOUND: .*'nope' cannot be resolved/),
			},
		});
	});

	it('stops the query its caller gave up on, and hears what it was billed', async () => {
		const started = await start({queuedMs: 60 * 60_000});
		const ends: string[] = [];
		const runner = new AthenaRunner(started.clients, {
			...quick,
			onEnd: (_bytes, end) => ends.push(end),
		});
		const controller = new AbortController();
		const running = runner.run(
			{queryString: 'SELECT 1', parameters: [], workGroup: 'primary'},
			controller.signal,
		);
		while (started.athena.runningQueryCount() === 0) {
			await quick.sleep(5);
		}
		controller.abort();
		await expect(running).rejects.toBeDefined();
		expect(started.athena.runningQueryCount()).toBe(0);
		expect(runner.runningQueries).toBe(0);
		expect(ends).toEqual(['CANCELLED']);
	});

	it('says a workgroup without a result location cannot run its queries', async () => {
		const started = await start();
		const runner = new AthenaRunner(started.clients, quick);
		expect(await runner.workGroupProblem('primary', new AbortController().signal)).toBeUndefined();
		await expect(
			runner.workGroupProblem('nope', new AbortController().signal),
		).rejects.toMatchObject({
			iamAction: 'athena:GetWorkGroup',
		});
	});
});
