// The built CLI, run as a user would (`lbtop edge-nlb --endpoint-url … --json`), against the sim
// serving the flows world. Needs `npx tsc` first (the test script builds before testing).
import {execFile} from 'node:child_process';
import {existsSync} from 'node:fs';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import type {Snapshot} from '../../source/domain/snapshot.js';
import {type FlowsHarness, startFlowsHarness} from './fixtures/flows-harness.js';
import {api, clients, loadBalancerName, web} from './fixtures/flows-world.js';

const cliPath = 'dist/bin/lbtop.js';

function runCli(url: string): Promise<{code: number; stdout: string; stderr: string}> {
	const environment: NodeJS.ProcessEnv = {};
	for (const [key, value] of Object.entries(process.env)) {
		if (!key.startsWith('AWS_')) {
			environment[key] = value;
		}
	}

	return new Promise((resolve) => {
		execFile(
			process.execPath,
			[cliPath, loadBalancerName, '--endpoint-url', url, '--json'],
			{
				env: {
					...environment,
					AWS_ACCESS_KEY_ID: 'test',
					AWS_SECRET_ACCESS_KEY: 'test',
					AWS_REGION: 'us-east-1',
					AWS_CONFIG_FILE: '/dev/null',
					AWS_SHARED_CREDENTIALS_FILE: '/dev/null',
					AWS_EC2_METADATA_DISABLED: 'true',
				},
				timeout: 60_000,
			},
			(error, stdout, stderr) => {
				resolve({code: error === null ? 0 : Number(error.code ?? 1), stdout, stderr});
			},
		);
	});
}

let harness: FlowsHarness;
let snapshot: Snapshot;

beforeAll(async () => {
	if (!existsSync(cliPath)) {
		throw new Error(`${cliPath} is missing: run \`npx tsc\` before this test`);
	}

	harness = await startFlowsHarness();
	const result = await runCli(harness.sim.url);
	if (result.code !== 0) {
		throw new Error(`lbtop exited ${result.code}: ${result.stderr}`);
	}

	snapshot = JSON.parse(result.stdout) as Snapshot;
}, 90_000);

afterAll(async () => {
	await harness?.close();
});

describe('lbtop --json over the flows world', () => {
	it('reports the flows source as read', () => {
		expect(snapshot.sources.flows).toMatchObject({status: 'ok'});
	});

	it('lists the paired rows with their kinds and actions', () => {
		const byClient = new Map(
			(snapshot.flows?.connections ?? []).map((row) => [row.clientAddr, row]),
		);
		expect(byClient.get(clients.blocked)).toMatchObject({
			kind: 'exact',
			targetAddr: web.ip,
			frontend: {action: 'ACCEPT'},
			backend: {action: 'ACCEPT'},
			targetView: {action: 'REJECT'},
		});
		expect(byClient.get(clients.translated)).toMatchObject({kind: 'likely', targetAddr: api.ip});
		expect(byClient.get(clients.abandoned)).toMatchObject({kind: 'unpaired'});
	});

	it('counts what the window holds and says what it cost', () => {
		expect(snapshot.flows?.aggregates.accepted.flows).toBe(harness.fixture.accepted);
		expect(snapshot.flows?.aggregates.rejected.flows).toBe(harness.fixture.rejected);
		expect(snapshot.flows?.aggregationSeconds).toBe(60);
		// The backfill in one combined query: the window holds too few records to fill its answer.
		expect(snapshot.cost.queries).toBe(1);
		expect(snapshot.cost.bytesScanned).toBe(harness.logs.totalBytesScanned());
		expect(harness.logs.runningQueryCount()).toBe(0);
	});
});
