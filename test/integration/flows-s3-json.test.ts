// The same traffic delivered twice, to CloudWatch Logs and to S3, read by the built CLI as a user
// would (`lbtop edge-nlb --json`): both paths must give the same connections, pairing kinds,
// per-leg actions and accept/reject aggregates. Needs the build (the test script builds first).
import {existsSync} from 'node:fs';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import type {Connection, Snapshot} from '../../source/domain/snapshot.js';
import {type RunningSim, startSim} from '../../source/sim/server.js';
import {type AthenaService, createAthenaService} from '../../source/sim/services/athena/index.js';
import {createGlueService} from '../../source/sim/services/glue/index.js';
import {createLogsService, type LogsService} from '../../source/sim/services/logs/index.js';
import {createS3Service} from '../../source/sim/services/s3/index.js';
import type {World} from '../../source/sim/world/types.js';
import {cliPath, runCli} from '../cli/run-cli.js';
import {deliveredToS3, withOlderTraffic} from './fixtures/flows-s3-world.js';
import {flowsFixture, loadBalancerName} from './fixtures/flows-world.js';

const credentials = {
	AWS_ACCESS_KEY_ID: 'test',
	AWS_SECRET_ACCESS_KEY: 'test',
	AWS_REGION: 'us-east-1',
};

const lbtopJson = (url: string) =>
	runCli([loadBalancerName, '--endpoint-url', url, '--json', '--window', '30m'], credentials);

type Served = {
	readonly sim: RunningSim;
	readonly logs: LogsService;
	readonly athena: AthenaService;
};

async function serve(world: World, now: () => number): Promise<Served> {
	const clock = {now};
	const logs = createLogsService({queryDurationMs: 300});
	const athena = createAthenaService(clock);
	const sim = await startSim({
		world,
		clock,
		jsonServices: [logs, athena, createGlueService()],
		restServices: [createS3Service()],
	});
	return {sim, logs, athena};
}

const shape = (row: Connection) => ({
	client: `${row.clientAddr}:${row.clientPort}`,
	kind: row.kind,
	target: row.targetAddr,
	frontend: row.frontend?.action,
	backend: row.backend?.action,
	targetView: row.targetView?.action,
});

const byClient = (rows: readonly Connection[]) =>
	rows.map(shape).sort((left, right) => left.client.localeCompare(right.client));

let logsSnapshot: Snapshot;
let s3Snapshot: Snapshot;
let s3Served: Served;
let logsServed: Served;

beforeAll(async () => {
	if (!existsSync(cliPath)) {
		throw new Error(`${cliPath} is missing: run \`npm run build\` before this test`);
	}

	const now = () => Date.now();
	const fixture = flowsFixture(now());
	const world = withOlderTraffic(fixture.world, fixture.minute);
	logsServed = await serve(world, now);
	s3Served = await serve(deliveredToS3(world), now);
	const [fromLogs, fromS3] = await Promise.all([
		lbtopJson(logsServed.sim.url),
		lbtopJson(s3Served.sim.url),
	]);
	for (const result of [fromLogs, fromS3]) {
		if (result.code !== 0) {
			throw new Error(`lbtop exited ${result.code}: ${result.stderr}`);
		}
	}

	logsSnapshot = JSON.parse(fromLogs.stdout) as Snapshot;
	s3Snapshot = JSON.parse(fromS3.stdout) as Snapshot;
}, 120_000);

afterAll(async () => {
	for (const served of [logsServed, s3Served]) {
		await served?.sim.close();
		await served?.athena.close();
	}
});

describe('the same traffic through CloudWatch Logs and through S3', () => {
	it('reads both, each by its own path', () => {
		expect(logsSnapshot.sources.flows.status).toBe('ok');
		expect(s3Snapshot.sources.flows.status).toBe('ok');
		expect(logsSnapshot.flows?.via).toBe('CloudWatch Logs + Insights');
		expect(s3Snapshot.flows?.via).toBe('S3 + Athena');
	});

	it('gives the same connections, pairing kinds and per-leg actions', () => {
		const rows = byClient(logsSnapshot.flows?.connections ?? []);
		expect(rows.length).toBeGreaterThan(3);
		expect(byClient(s3Snapshot.flows?.connections ?? [])).toEqual(rows);
	});

	it('gives the same accept and reject aggregates', () => {
		const totals = (snapshot: Snapshot) => ({
			accepted: snapshot.flows?.aggregates.accepted,
			rejected: snapshot.flows?.aggregates.rejected,
			rejectedSources: snapshot.flows?.aggregates.rejectedSources.map((source) => [
				source.addr,
				source.flows,
				source.where,
			]),
		});
		expect(totals(logsSnapshot).rejected?.flows).toBe(2);
		expect(totals(s3Snapshot)).toEqual(totals(logsSnapshot));
	});

	it('asked Athena for the settled stretch, stopped nothing half-way, and counted what it cost', () => {
		expect(s3Snapshot.cost.queries).toBe(0);
		expect(s3Snapshot.cost.athena?.queries).toBeGreaterThanOrEqual(1);
		expect(s3Snapshot.cost.athena?.bytesScanned).toBe(s3Served.athena.totalBytesScanned());
		expect(s3Snapshot.cost.s3?.listRequests).toBeGreaterThan(0);
		expect(s3Snapshot.cost.s3?.getRequests).toBeGreaterThan(0);
		expect(s3Served.athena.runningQueryCount()).toBe(0);
		expect(logsServed.logs.runningQueryCount()).toBe(0);
	});
});
