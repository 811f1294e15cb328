import {readFileSync} from 'node:fs';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {type RunningSim, startSim} from '../../source/sim/server.js';
import {createCloudTrailService} from '../../source/sim/services/cloudtrail/index.js';
import {createLogsService} from '../../source/sim/services/logs/index.js';
import {nlbArn, testWorld} from '../helpers/sim-world.js';
import {runCli} from './run-cli.js';

const packageJson = JSON.parse(
	readFileSync(new URL('../../package.json', import.meta.url), 'utf8'),
) as {
	version: string;
};

describe('lbtop usage', () => {
	it('--help shows usage, options and exit codes', async () => {
		const result = await runCli(['--help']);
		expect(result.code).toBe(0);
		expect(result.stdout).toMatch(/Usage\s+\$ lbtop <load-balancer>/);
		expect(result.stdout).toContain('--endpoint-url');
		expect(result.stdout).toContain('Exit codes');
		// meow prints the package's description above the help: 80 columns too, bar the ARN line.
		const tooWide = result.stdout
			.split('\n')
			.filter((line) => [...line].length > 80 && line.trim().includes(' '));
		expect(tooWide).toEqual([]);
	});

	it('--version prints the package version', async () => {
		const result = await runCli(['--version']);
		expect(result).toMatchObject({code: 0, stdout: `${packageJson.version}\n`});
	});

	it('sim --help describes the sim and its flags', async () => {
		const result = await runCli(['sim', '--help']);
		expect(result.code).toBe(0);
		expect(result.stdout).toContain('--scenario <file>');
		expect(result.stdout).toContain('--speed <n>');
	});

	it.each([
		[['--json'], /name a load balancer/],
		[['my-nlb', '--regoin', 'x'], /^lbtop: unknown flag --regoin \(did you mean --region\?\)\n/],
		[['my-nlb', '--window', 'soon'], /--window "soon" is not a duration/],
		[['my-nlb', '--window', '-5m'], /^lbtop: --window "-5m" cannot be negative; it takes 5m to 3h/],
		[['my-nlb', '--window', '90s'], /^lbtop: --window 90s is shorter than 5m: flow logs reach/],
		[
			[nlbArn, '--region', 'eu-west-1'],
			/the load balancer's ARN is in us-east-1 but --region is eu-west-1/,
		],
		[['arn:aws:elasticloadbalancing:nope'], /not a load balancer ARN/],
		[['sim', '--port', '70000'], /not a port number/],
	])('%j is a usage error: one clear line, exit 2', async (args, message) => {
		const result = await runCli(args);
		expect(result.code).toBe(2);
		expect(result.stderr).toMatch(message);
		expect(result.stdout).toBe('');
	});
});

describe('lbtop against an endpoint', () => {
	let sim: RunningSim;
	const env = () => ({
		AWS_ACCESS_KEY_ID: 'test',
		AWS_SECRET_ACCESS_KEY: 'test',
		AWS_REGION: 'us-east-1',
		AWS_ENDPOINT_URL: sim.url,
	});

	beforeAll(async () => {
		sim = await startSim({
			world: testWorld(),
			jsonServices: [createLogsService(), createCloudTrailService()],
		});
	});
	afterAll(async () => {
		await sim.close();
	});

	it('--json prints one Snapshot with the discovered topology (AWS_ENDPOINT_URL honoured)', async () => {
		const result = await runCli(['web-nlb', '--json'], env());
		expect(result.code).toBe(0);
		const snapshot = JSON.parse(result.stdout) as {
			schemaVersion: number;
			topology: {name: string; type: string};
			identity: {account: string};
		};
		expect(snapshot.schemaVersion).toBe(1);
		expect(snapshot.topology).toMatchObject({name: 'web-nlb', type: 'network'});
		expect(snapshot.identity.account).toBe('123456789012');
	});

	it('an unknown name fails with exit 1 and the closest names in the region, and no report', async () => {
		const result = await runCli(['web-nbl', '--once', '--endpoint-url', sim.url], env());
		expect(result.code).toBe(1);
		expect(result.stderr).toMatch(
			/load balancer "web-nbl" not found in us-east-1; closest names in us-east-1: web-nlb/,
		);
		expect(result.stdout).toBe('');
	});

	it("the --help example's ARN is watched in the ARN's region when none is configured", async () => {
		const {AWS_REGION: _region, ...noRegion} = env();
		const result = await runCli([nlbArn, '--once'], noRegion);
		expect(result.stderr).toBe('');
		expect(result.code).toBe(0);
		expect(result.stdout).toMatch(/^lbtop · web-nlb \(network, internet-facing\) · us-east-1/);
	});

	it('without a terminal it prints the text snapshot, as with --once', async () => {
		const result = await runCli(['web-nlb'], env());
		expect(result.code).toBe(0);
		expect(result.stdout).toMatch(/^lbtop · web-nlb \(network, internet-facing\) · us-east-1/);
		expect(result.stdout).toContain('Sources:');
	});

	it('a denied call names the IAM action to grant', async () => {
		sim.faults.set({rules: {'elasticloadbalancing:DescribeListeners': {accessDenied: true}}});
		try {
			const result = await runCli(['web-nlb', '--json'], env());
			expect(result.code).toBe(1);
			expect(result.stdout).toBe('');
			expect(result.stderr).toMatch(/elasticloadbalancing:DescribeListeners was denied/);
			expect(result.stderr).toMatch(/grant elasticloadbalancing:DescribeListeners/);
		} finally {
			sim.faults.clear();
		}
	});
});
