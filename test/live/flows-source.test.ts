import {afterEach, beforeEach, describe, expect, it} from 'vitest';
import type {Connection} from '../../source/domain/types/flows.js';
import {flowsSource} from '../../source/live/flows-source.js';
import {
	discover,
	type FlowsHarness,
	startFlowsHarness,
} from '../integration/fixtures/flows-harness.js';
import {
	api,
	clients,
	logGroupName,
	pathInterfaces,
	web,
} from '../integration/fixtures/flows-world.js';
import {awsJson} from '../sim/server/aws-cli.js';

let harness: FlowsHarness;

beforeEach(async () => {
	harness = await startFlowsHarness();
	await discover(harness);
});

afterEach(async () => {
	await harness.close();
});

function connectionOf(connections: readonly Connection[], client: string): Connection | undefined {
	return connections.find((connection) => connection.clientAddr === client);
}

async function untilComplete(queryId: string): Promise<unknown[]> {
	for (;;) {
		const output = await awsJson(harness.sim.url, [
			'logs',
			'get-query-results',
			'--query-id',
			queryId,
		]);
		const {status, results} = output as {status?: string; results?: unknown[]};
		if (status === 'Complete') {
			return results ?? [];
		}

		if (status !== 'Running' && status !== 'Scheduled') {
			throw new Error(`query ended ${status}`);
		}
	}
}

/** What a person checking with the AWS CLI would count over the same range and interfaces. */
async function cliCountByAction(start: number, end: number): Promise<Record<string, number>> {
	const scope = pathInterfaces.map((id) => `interfaceId = "${id}"`).join(' or ');
	const started = (await awsJson(harness.sim.url, [
		'logs',
		'start-query',
		'--log-group-name',
		logGroupName,
		'--start-time',
		String(start),
		'--end-time',
		String(end),
		'--query-string',
		`filter ${scope} | stats count(*) as flows by action`,
	])) as {queryId: string};
	const rows = (await untilComplete(started.queryId)) as {field: string; value: string}[][];
	return Object.fromEntries(
		rows.map((row) => [
			row.find((cell) => cell.field === 'action')?.value ?? '',
			Number(row.find((cell) => cell.field === 'flows')?.value),
		]),
	);
}

describe('flowsSource against the sim', () => {
	it('pairs the documented legs: LB ACCEPT with target REJECT, exact, likely and unpaired', async () => {
		const source = flowsSource(harness.environment);
		await source.run(new AbortController().signal);
		const snapshot = harness.environment.store.getSnapshot();
		expect(snapshot.sources.flows.status).toBe('ok');
		const connections = snapshot.flows?.connections ?? [];

		expect(connectionOf(connections, clients.blocked)).toMatchObject({
			kind: 'exact',
			listenerPort: 80,
			targetAddr: web.ip,
			frontend: {action: 'ACCEPT'},
			backend: {action: 'ACCEPT'},
			targetView: {action: 'REJECT'},
		});
		expect(connectionOf(connections, clients.healthy)).toMatchObject({
			kind: 'exact',
			targetView: {action: 'ACCEPT'},
		});
		expect(connectionOf(connections, clients.translated)).toMatchObject({
			kind: 'likely',
			listenerPort: 443,
			targetAddr: api.ip,
			backend: {action: 'ACCEPT'},
		});
		const abandoned = connectionOf(connections, clients.abandoned);
		expect(abandoned).toMatchObject({kind: 'unpaired', frontend: {action: 'ACCEPT'}});
		expect(abandoned?.backend).toBeUndefined();
		// REJECT rows come first: they are usually the incident.
		expect(connections[0]?.clientAddr).toBe(clients.blocked);
		await source.dispose?.();
	});

	it('counts ACCEPT and REJECT as the AWS CLI does over the same range', async () => {
		const source = flowsSource(harness.environment);
		await source.run(new AbortController().signal);
		const flows = harness.environment.store.getSnapshot().flows;
		const nowSeconds = Math.floor(harness.now() / 1000);
		const windowStart = Math.floor((nowSeconds - 900) / 60) * 60;
		const cli = await cliCountByAction(windowStart, nowSeconds);

		expect(flows?.aggregates.accepted.flows).toBe(cli.ACCEPT);
		expect(flows?.aggregates.rejected.flows).toBe(cli.REJECT);
		expect(cli).toEqual({ACCEPT: harness.fixture.accepted, REJECT: harness.fixture.rejected});
		// The settled minutes are exact; the connection five minutes old is still settling.
		const buckets = flows?.aggregates.timeline ?? [];
		expect(buckets.find((bucket) => bucket.start === harness.fixture.settlingStart)).toMatchObject({
			precision: 'provisional',
		});
		expect(buckets.filter((bucket) => bucket.precision === 'exact').length).toBeGreaterThan(0);
		expect(flows).toMatchObject({
			aggregationSeconds: 60,
			malformedRecords: 1,
			sampled: false,
			dataThrough: (harness.fixture.settlingStart + 60) * 1000,
		});
		await source.dispose?.();
	});

	it('scans no settled range twice: a refresh scans only what newly settled', async () => {
		const source = flowsSource(harness.environment);
		const signal = new AbortController().signal;
		const cost = () => harness.environment.store.getSnapshot().cost;
		await source.run(signal);
		const afterBackfill = cost();
		// One combined query: the raw read counted too few records for its rows to be cut short.
		expect(afterBackfill.queries).toBe(1);
		expect(afterBackfill.bytesScanned).toBeGreaterThan(0);
		expect(afterBackfill.bytesScanned).toBe(harness.logs.totalBytesScanned());
		expect(afterBackfill.usd).toBeCloseTo((afterBackfill.bytesScanned / 1e9) * 0.005, 12);

		harness.advance(10_000);
		await source.run(signal);
		expect(cost()).toEqual(afterBackfill);

		// Three minutes on, the stretch from the old horizon to the new one has settled.
		const horizonBefore = harness.fixture.minute - 360;
		harness.advance(3 * 60_000 - 10_000);
		await source.run(signal);
		const horizonAfter = Math.floor((Math.floor(harness.now() / 1000) - 360) / 60) * 60;
		const after = cost();
		expect(after.queries).toBe(2);
		const sliceBytes = await cliBytesScanned(horizonBefore, horizonAfter - 1);
		expect(sliceBytes).toBeGreaterThan(0);
		// One query over the new slice only: each byte of it scanned once.
		expect(after.bytesScanned - afterBackfill.bytesScanned).toBe(sliceBytes);

		const flows = harness.environment.store.getSnapshot().flows;
		expect(
			flows?.aggregates.timeline.find((bucket) => bucket.start === harness.fixture.settlingStart),
		).toMatchObject({precision: 'exact'});
		await source.dispose?.();
	});

	it('stops its running queries on dispose', async () => {
		await harness.close();
		harness = await startFlowsHarness(60_000);
		await discover(harness);
		const source = flowsSource(harness.environment);
		const running = source.run(new AbortController().signal);
		await until(() => harness.polledQueries.size === 1);
		await source.dispose?.();
		await running.catch(() => undefined);
		expect(harness.logs.runningQueryCount()).toBe(0);
	});

	it('stops its running queries when the run is aborted (quitting)', async () => {
		await harness.close();
		harness = await startFlowsHarness(60_000);
		await discover(harness);
		const source = flowsSource(harness.environment);
		const controller = new AbortController();
		const running = source.run(controller.signal);
		await until(() => harness.polledQueries.size === 1);
		controller.abort();
		await expect(running).rejects.toBeDefined();
		expect(harness.logs.runningQueryCount()).toBe(0);
		expect(harness.environment.store.getSnapshot().cost.bytesScanned).toBe(
			harness.logs.totalBytesScanned(),
		);
	});
});

async function cliBytesScanned(start: number, end: number): Promise<number> {
	const started = (await awsJson(harness.sim.url, [
		'logs',
		'start-query',
		'--log-group-name',
		logGroupName,
		'--start-time',
		String(start),
		'--end-time',
		String(end),
		'--query-string',
		'stats count(*)',
	])) as {queryId: string};
	await untilComplete(started.queryId);
	const output = (await awsJson(harness.sim.url, [
		'logs',
		'get-query-results',
		'--query-id',
		started.queryId,
	])) as {statistics?: {bytesScanned?: number}};
	return output.statistics?.bytesScanned ?? 0;
}

async function until(condition: () => boolean): Promise<void> {
	const deadline = Date.now() + 10_000;
	while (!condition()) {
		if (Date.now() > deadline) {
			throw new Error('condition not met within 10 s');
		}

		await new Promise((resolve) => setImmediate(resolve));
	}
}
