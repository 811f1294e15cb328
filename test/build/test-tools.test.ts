// `npm ci && npm test` on a fresh machine: the test command installs the tmux and AWS CLI its
// tests drive when it can (root with apt-get), or stops before the build saying what is missing.
import {execFile} from 'node:child_process';
import {mkdtemp, readFile, rm} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import process from 'node:process';
import {fileURLToPath} from 'node:url';
import {describe, expect, it} from 'vitest';
import {testToolsPlan} from '../../build/test-tools.js';

const root = fileURLToPath(new URL('../..', import.meta.url));

describe('testToolsPlan', () => {
	it.each([
		[{tmux: true, awsCli: true, faketime: true}, {root: false, apt: false}, {kind: 'ready'}],
		[
			{tmux: false, awsCli: true, faketime: true},
			{root: true, apt: true},
			{kind: 'install', packages: ['tmux']},
		],
		[
			{tmux: true, awsCli: true, faketime: false},
			{root: true, apt: true},
			{kind: 'install', packages: ['faketime']},
		],
		[
			{tmux: false, awsCli: false, faketime: false},
			{root: true, apt: true},
			{kind: 'install', packages: ['tmux', 'awscli', 'faketime']},
		],
	])('%j %j → %j', (found, powers, plan) => {
		expect(testToolsPlan(found, powers)).toEqual(plan);
	});

	it.each([
		[{root: false, apt: true}, 'sudo apt-get install tmux awscli faketime'],
		[
			{root: true, apt: false},
			"install tmux, the AWS CLI v2 (/usr/bin/aws) and faketime with the system's package manager",
		],
	])(
		'cannot install (%j): says what is missing and the command to install it',
		(powers, command) => {
			const plan = testToolsPlan({tmux: false, awsCli: false, faketime: false}, powers);
			expect(plan.kind).toBe('missing');
			const message = plan.kind === 'missing' ? plan.message : '';
			expect(message).toMatch(
				/^npm test needs tmux, the AWS CLI v2 \(\/usr\/bin\/aws\) and faketime/,
			);
			expect(message).toContain(`Install, then run npm test again: ${command}`);
		},
	);
});

describe('npm test', () => {
	it('checks for its tools first, before the build', async () => {
		const manifest = JSON.parse(await readFile(join(root, 'package.json'), 'utf8')) as {
			scripts: {test: string};
		};
		expect(manifest.scripts.test).toMatch(/^tsx build\/test-tools\.ts && npm run build/);
	});

	it('without tmux on the PATH and no way to install it, stops at once and says so', async () => {
		const empty = await mkdtemp(join(tmpdir(), 'lbtop-no-tools-'));
		try {
			const result = await new Promise<{code: number | null; stderr: string}>((resolve) => {
				execFile(
					process.execPath,
					[join(root, 'node_modules/tsx/dist/cli.mjs'), join(root, 'build/test-tools.ts')],
					{cwd: root, env: {PATH: empty, HOME: empty}, timeout: 30_000},
					(error, _stdout, stderr) => {
						resolve({code: error === null ? 0 : (error.code as number | null), stderr});
					},
				);
			});
			expect(result.code).toBe(1);
			expect(result.stderr).toMatch(/^npm test needs tmux/);
			expect(result.stderr).toContain('Install, then run npm test again');
		} finally {
			await rm(empty, {recursive: true, force: true});
		}
	});
});
