// A scenario whose flow logs go to S3 with no Athena table over them, read by the built CLI:
// lbtop reads the files itself, says that no table covers the bucket and how to print one, and
// --print-athena-ddl prints it. Needs the build (the test script builds first).
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import type {Snapshot} from '../../source/domain/snapshot.js';
import {startWorldSim, type WorldSim} from '../../source/sim/serve.js';
import {runCli} from '../cli/run-cli.js';

let sim: WorldSim;

const credentials = {
	AWS_ACCESS_KEY_ID: 'test',
	AWS_SECRET_ACCESS_KEY: 'test',
	AWS_REGION: 'us-east-1',
};

beforeAll(async () => {
	sim = await startWorldSim({scenarioPath: 'examples/nlb-flow-logs-in-s3.json', port: 0});
}, 30_000);

afterAll(async () => {
	await sim?.close();
});

describe('a scenario with flow logs in S3 and no Athena table', () => {
	it('shows the flows from the files, and says how to get a table', async () => {
		const result = await runCli(['my-nlb', '--endpoint-url', sim.url, '--json'], credentials);
		expect(result.code).toBe(0);
		const snapshot = JSON.parse(result.stdout) as Snapshot;
		expect(snapshot.sources.flows.status).toBe('ok');
		expect(snapshot.sources.flows.note).toMatch(
			/no Athena table covers s3:\/\/my-nlb-flow-logs\/vpc\/ .*`lbtop my-nlb --print-athena-ddl` prints one to create/,
		);
		expect(snapshot.flows?.via).toBe('S3');
		expect(snapshot.flows?.connections.some((row) => row.targetView?.action === 'REJECT')).toBe(
			true,
		);
		expect(snapshot.cost.athena).toBeUndefined();
	});

	it('prints the CREATE TABLE to run', async () => {
		const result = await runCli(
			['my-nlb', '--endpoint-url', sim.url, '--print-athena-ddl'],
			credentials,
		);
		expect(result.code).toBe(0);
		expect(result.stdout).toContain("LOCATION 's3://my-nlb-flow-logs/vpc/AWSLogs/'");
	});
});
