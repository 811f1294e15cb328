// `lbtop sim` as a user runs it: a separate process serving the demo world, queried by the AWS CLI.
import {type ChildProcess, spawn} from 'node:child_process';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {runAwsCli} from '../sim/server/aws-cli.js';
import {cliPath, runCli} from './run-cli.js';

let sim: ChildProcess | undefined;
let url = '';

function waitForUrl(child: ChildProcess): Promise<string> {
	return new Promise((resolve, reject) => {
		let output = '';
		child.stdout?.on('data', (chunk: Buffer) => {
			output += chunk.toString('utf8');
			const found = /serving .* at (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
			if (found?.[1]) {
				resolve(found[1]);
			}
		});
		child.once('exit', (code) => reject(new Error(`lbtop sim exited early (${code}): ${output}`)));
	});
}

beforeAll(async () => {
	sim = spawn(process.execPath, [cliPath, 'sim', '--port', '0', '--seed', '7'], {
		env: {...process.env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true'},
		stdio: ['ignore', 'pipe', 'pipe'],
	});
	url = await waitForUrl(sim);
}, 60_000);

afterAll(async () => {
	if (sim && sim.exitCode === null) {
		const exited = new Promise((resolve) => sim?.once('exit', resolve));
		sim.kill('SIGINT');
		await exited;
	}
});

describe('lbtop sim', () => {
	it('serves the demo NLB to the AWS CLI', async () => {
		const result = await runAwsCli(url, ['elbv2', 'describe-load-balancers']);
		expect(result.exitCode).toBe(0);
		const body = JSON.parse(result.stdout) as {
			LoadBalancers: {LoadBalancerName: string; Type: string}[];
		};
		expect(body.LoadBalancers).toContainEqual(
			expect.objectContaining({LoadBalancerName: 'demo-nlb', Type: 'network'}),
		);
	});

	it('has flow logs already delivered for the demo NLB, so a first look is full', async () => {
		const result = await runAwsCli(url, [
			'logs',
			'describe-log-streams',
			'--log-group-name',
			'/vpc/flow-logs/demo',
		]);
		expect(result.exitCode).toBe(0);
		const body = JSON.parse(result.stdout) as {
			logStreams: {logStreamName: string; storedBytes?: number}[];
		};
		expect(body.logStreams.length).toBeGreaterThanOrEqual(4);
		expect(
			body.logStreams.every((stream) => /^eni-[0-9a-f]+-all$/.test(stream.logStreamName)),
		).toBe(true);
	});

	it('is what lbtop itself reads with --endpoint-url', async () => {
		const result = await runCli(['demo-nlb', '--json', '--endpoint-url', url], {
			AWS_ACCESS_KEY_ID: 'test',
			AWS_SECRET_ACCESS_KEY: 'test',
			AWS_REGION: 'us-east-1',
		});
		expect(result.stderr).toBe('');
		expect(result.code).toBe(0);
		const snapshot = JSON.parse(result.stdout) as {
			topology: {name: string};
			flows?: {connections: unknown[]};
		};
		expect(snapshot.topology.name).toBe('demo-nlb');
		expect(snapshot.flows?.connections.length).toBeGreaterThan(0);
	});

	it('refuses a scenario file that does not exist, with exit 2', async () => {
		const result = await runCli(['sim', '--scenario', '/nonexistent/world.json']);
		expect(result.code).toBe(2);
		expect(result.stderr).toMatch(/cannot read the file \(no such file\)/);
	});
});
