// The built lbtop, --once and --json, when it cannot even find the load balancer: a profile that
// does not exist, an endpoint that answers with a web page, one that refuses connections. Each is
// one message on stderr saying what failed and what to check, exit 1, and no report beside it.
import {mkdtemp, rm, writeFile} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {type RunningSim, startSim} from '../../source/sim/server.js';
import {createCloudTrailService} from '../../source/sim/services/cloudtrail/index.js';
import {createLogsService} from '../../source/sim/services/logs/index.js';
import {runCli} from '../cli/run-cli.js';
import {testWorld} from '../helpers/sim-world.js';
import {startTamperingProxy, type TamperingProxy} from './support/tampering-proxy.js';

const secret = 'wJalrXUtnFEMI-not-a-real-secret';
const credentials = {AWS_ACCESS_KEY_ID: 'test', AWS_SECRET_ACCESS_KEY: 'test'};

let sim: RunningSim;
let proxy: TamperingProxy;
let directory: string;

beforeAll(async () => {
	sim = await startSim({
		world: testWorld(),
		jsonServices: [createLogsService(), createCloudTrailService()],
	});
	proxy = await startTamperingProxy(sim.url);
	directory = await mkdtemp(join(tmpdir(), 'lbtop-profiles-'));
	await writeFile(
		join(directory, 'config'),
		'[default]\nregion = us-east-1\n\n[profile prod]\nregion = eu-west-1\nsso_session = corp\n\n[sso-session corp]\nsso_start_url = https://corp.example/start\n',
	);
	await writeFile(
		join(directory, 'credentials'),
		`[staging]\naws_access_key_id = AKIAEXAMPLEEXAMPLE\naws_secret_access_key = ${secret}\n`,
	);
});

afterAll(async () => {
	await proxy.close();
	await sim.close();
	await rm(directory, {recursive: true, force: true});
});

describe('a profile that does not exist', () => {
	it.each([
		[['--profile', 'prdo'], {}, '--profile prdo'],
		[[], {AWS_PROFILE: 'prdo'}, 'AWS_PROFILE=prdo'],
	])('%j %j: says so and lists the ones that do, never a credential', async (flags, env, named) => {
		const result = await runCli(['web-nlb', '--once', '--endpoint-url', sim.url, ...flags], {
			...credentials,
			...env,
			AWS_CONFIG_FILE: join(directory, 'config'),
			AWS_SHARED_CREDENTIALS_FILE: join(directory, 'credentials'),
		});
		expect(result.code).toBe(1);
		expect(result.stdout).toBe('');
		expect(result.stderr).toContain(`lbtop: ${named}: the profile "prdo" does not exist in`);
		expect(result.stderr).toContain('profiles there: default, prod, staging (did you mean prod?)');
		expect(result.stderr).not.toMatch(/region|sso login/);
		expect(result.stderr).not.toContain(secret);
		expect(result.stderr).not.toContain('AKIAEXAMPLE');
	});

	it('a profile that exists is used as before', async () => {
		const result = await runCli(
			['web-nlb', '--once', '--endpoint-url', sim.url, '--profile', 'staging'],
			{
				AWS_CONFIG_FILE: join(directory, 'config'),
				AWS_SHARED_CREDENTIALS_FILE: join(directory, 'credentials'),
				AWS_REGION: 'us-east-1',
			},
		);
		expect(result.stderr).toBe('');
		expect(result.code).toBe(0);
	});
});

describe('an endpoint that answers with an HTML page', () => {
	it.each([
		[502, 'Bad Gateway'],
		[200, 'Sign in to the proxy'],
	])('HTTP %i: names the page, its status and URL, and what to check', async (status, title) => {
		proxy.set(() => ({
			kind: 'respond',
			response: {
				status,
				headers: {'content-type': 'text/html; charset=utf-8'},
				body: `<!DOCTYPE html><html><head><title>${title}</title></head><body>…</body></html>`,
			},
		}));
		try {
			const result = await runCli(['web-nlb', '--json', '--endpoint-url', proxy.url], {
				...credentials,
				AWS_REGION: 'us-east-1',
			});
			expect(result.code).toBe(1);
			expect(result.stdout).toBe('');
			expect(result.stderr).toContain(
				`the endpoint answered with an HTML page ("${title}") (HTTP ${status}, from ${proxy.url}/), not an AWS answer`,
			);
			expect(result.stderr).toContain('check --endpoint-url');
			expect(result.stderr).toContain('HTTPS_PROXY');
			expect(result.stderr).not.toMatch(/SyntaxError|Deserialization|not found in/);
		} finally {
			proxy.set(undefined);
		}
	});
});

it('an endpoint that refuses connections: --once prints only the error, exit 1', async () => {
	const result = await runCli(['web-nlb', '--once', '--endpoint-url', 'http://127.0.0.1:9'], {
		...credentials,
		AWS_REGION: 'us-east-1',
	});
	expect(result.code).toBe(1);
	expect(result.stdout).toBe('');
	expect(result.stderr).toMatch(
		/^lbtop: elasticloadbalancing:DescribeLoadBalancers: cannot reach the endpoint \(ECONNREFUSED/,
	);
	expect(result.stderr).toContain('check the network, the region and --endpoint-url');
});
