// End to end in a real terminal (tmux): `y` in the live screen puts the paste-ready summary on the
// clipboard (OSC 52, wrapped for tmux since TMUX is set in the pane) and in a private file.
import {Buffer} from 'node:buffer';
import {mkdtemp, readdir, readFile, rm, stat} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import process from 'node:process';
import {afterAll, afterEach, beforeAll, describe, expect, it, vi} from 'vitest';
import {type RunningSim, startSim} from '../../source/sim/server.js';
import {createCloudTrailService} from '../../source/sim/services/cloudtrail/index.js';
import {createLogsService} from '../../source/sim/services/logs/index.js';
import {cliPath} from '../cli/run-cli.js';
import {testWorld} from '../helpers/sim-world.js';
import {settling, startInTerminal, type TerminalSession} from '../helpers/terminal.js';

let sim: RunningSim;
let directory: string;
let session: TerminalSession | undefined;

beforeAll(async () => {
	sim = await startSim({
		world: testWorld(),
		jsonServices: [createLogsService(), createCloudTrailService()],
	});
});
afterAll(async () => {
	await sim.close();
});
afterEach(async () => {
	await session?.close();
	session = undefined;
	await rm(directory, {recursive: true, force: true});
});

async function poll<T>(read: () => Promise<T>, done: (value: T) => boolean): Promise<T> {
	const deadline = Date.now() + 10_000;
	for (;;) {
		const value = await read();
		if (done(value) || Date.now() > deadline) {
			return value;
		}
		await new Promise((resolve) => {
			setTimeout(resolve, 25);
		});
	}
}

/** The base64 payload of the first clipboard sequence the program wrote ('' if none came). */
async function waitForClipboard(terminal: TerminalSession, sequence: RegExp): Promise<string> {
	const raw = await poll(
		() => terminal.rawOutput(),
		(output) => sequence.test(output),
	);
	return sequence.exec(raw)?.[1] ?? '';
}

async function sharedFiles(): Promise<string[]> {
	return poll(
		async () => (await readdir(directory)).filter((name) => name.startsWith('lbtop-web-nlb-')),
		(files) => files.length > 0,
	);
}

describe('y in the live screen', () => {
	it('copies the summary through tmux, saves it privately, and says where after q', async () => {
		directory = await mkdtemp(join(tmpdir(), 'lbtop-share-e2e-'));
		session = await startInTerminal({
			command: [process.execPath, cliPath, 'web-nlb', '--endpoint-url', sim.url],
			columns: 120,
			rows: 40,
			cwd: process.cwd(),
			env: {
				TMPDIR: directory,
				AWS_ACCESS_KEY_ID: 'test',
				AWS_SECRET_ACCESS_KEY: 'test',
				AWS_REGION: 'us-east-1',
				AWS_CONFIG_FILE: '/dev/null',
				AWS_SHARED_CREDENTIALS_FILE: '/dev/null',
			},
		});
		// Discovery has answered: the summary names the load balancer's type and scheme.
		await session.waitFor(/^lbtop web-nlb NLB/m, 20_000);
		await session.send('y');
		const passthrough = /\u001BPtmux;\u001B\u001B\]52;c;([A-Za-z0-9+/=]+)\u0007\u001B\\/;
		const payload = await waitForClipboard(session, passthrough);
		const [file] = await sharedFiles();
		expect(file).toMatch(/^lbtop-web-nlb-\d{8}T\d{6}Z\.txt$/);
		const path = join(directory, file ?? '');
		const summary = await readFile(path, 'utf8');
		expect(summary).toMatch(/^lbtop · web-nlb \(network, internet-facing\) · us-east-1/);
		expect(summary).toContain('Sources:');
		expect((await stat(path)).mode & 0o777).toBe(0o600);
		expect(Buffer.from(payload, 'base64').toString('utf8')).toBe(summary);

		await session.send('q');
		expect(await session.waitForExit(20_000)).toBe(0);
		// The exit status is written when lbtop ends; tmux may not have taken in its last bytes yet,
		// nor piped them to the output file: what it shows is polled until it holds.
		const ended = session;
		await vi.waitFor(async () => expect(await ended.alternateScreen()).toBe(false), settling);
		// Read from the bytes: tmux's cursor flag of a pane whose program has exited is not reliable.
		await vi.waitFor(async () => {
			const output = await ended.rawOutput();
			expect(output.lastIndexOf('\u001B[?25h')).toBeGreaterThan(output.lastIndexOf('\u001B[?25l'));
		}, settling);
		await vi.waitFor(async () => {
			const history = await ended.history();
			expect(history.replaceAll('\n', '')).toContain(`saved to ${path}`);
		}, settling);
	});
});
