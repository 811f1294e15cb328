// `--athena-table` names the flow logs' table (its help says so). An LB with access logs in S3 too
// must not lose its own table to it: the access logs keep finding theirs in the Glue catalog, and
// the flow logs keep the one the user named. Served by the demo world with its flow logs in S3,
// whose TLS listener writes NLB access logs with a Glue table of their own.
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import type {Snapshot} from '../../source/domain/snapshot.js';
import {startWorldSim, type WorldSim} from '../../source/sim/serve.js';
import {runCli} from '../cli/run-cli.js';

const credentials = {
	AWS_ACCESS_KEY_ID: 'test',
	AWS_SECRET_ACCESS_KEY: 'test',
	AWS_REGION: 'us-east-1',
};

let sim: WorldSim;
let snapshot: Snapshot;

beforeAll(async () => {
	sim = await startWorldSim({port: 0, flowLogs: 's3'});
	const result = await runCli(
		[
			'demo-nlb',
			'--endpoint-url',
			sim.url,
			'--athena-table',
			'vpc_flows.demo_vpc_flow_logs',
			'--json',
		],
		credentials,
	);
	expect(result.stderr).toBe('');
	snapshot = JSON.parse(result.stdout) as Snapshot;
}, 120_000);

afterAll(async () => {
	await sim?.close();
});

describe('--athena-table naming the flow logs table', () => {
	it('leaves the access logs their own table from the Glue catalog, with no note that it does not fit', () => {
		expect(snapshot.accessLogs?.reads?.table).toBe('elb_logs.demo_nlb_tls_logs');
		expect(JSON.stringify(snapshot.accessLogs)).not.toContain('does not fit the access logs');
	});

	it('reads the flow logs through the table it names', () => {
		expect(snapshot.flows?.via).toMatch(/Athena/);
		expect(JSON.stringify(snapshot.sources.flows)).not.toContain('does not fit');
	});
});
