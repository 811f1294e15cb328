// `--record FILE` and `lbtop replay FILE` as a user runs them: the built CLI, no terminal (runCli),
// and one replay in a real terminal (tmux).
import {mkdtemp, readFile, rm, writeFile} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import process from 'node:process';
import {afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi} from 'vitest';
import type {Snapshot} from '../../source/domain/snapshot.js';
import {deltaLine, snapshotLine} from '../../source/live/recorder.js';
import {parseRecording} from '../../source/report/replay-file.js';
import {textSummary} from '../../source/report/text-summary.js';
import {type RunningSim, startSim} from '../../source/sim/server.js';
import {createCloudTrailService} from '../../source/sim/services/cloudtrail/index.js';
import {createLogsService} from '../../source/sim/services/logs/index.js';
import {testWorld} from '../helpers/sim-world.js';
import {fixtureNow, fixtureSnapshot} from '../helpers/snapshot-fixture.js';
import {settling, startInTerminal, type TerminalSession} from '../helpers/terminal.js';
import {cliPath, runCli} from './run-cli.js';

let directory: string;
beforeEach(async () => {
	directory = await mkdtemp(join(tmpdir(), 'lbtop-replay-cli-'));
});
afterEach(async () => {
	await rm(directory, {recursive: true, force: true});
});

/** Three snapshots 10 s apart; the region tells them apart. */
const recorded: readonly Snapshot[] = [0, 10, 20].map((seconds, index) =>
	fixtureSnapshot({generatedAt: fixtureNow + seconds * 1000, region: `us-test-${index}`}),
);

async function recordingFile(lines: readonly string[]): Promise<string> {
	const path = join(directory, 'incident.ndjson');
	await writeFile(path, lines.join(''));
	return path;
}

const goodLines = () => recorded.map((snapshot) => snapshotLine(snapshot));

describe('lbtop --record', () => {
	let sim: RunningSim;
	beforeAll(async () => {
		sim = await startSim({
			world: testWorld(),
			jsonServices: [createLogsService(), createCloudTrailService()],
		});
	});
	afterAll(async () => {
		await sim.close();
	});

	it('with --json records the printed snapshot, without the credentials, and replays it', async () => {
		const path = join(directory, 'once.ndjson');
		const accessKeyId = 'AKIALBTOPCLIRECORD07';
		const secretAccessKey = 'cliRecordSecret/NeverInTheFile+987654321';
		const result = await runCli(['web-nlb', '--json', '--record', path], {
			AWS_ACCESS_KEY_ID: accessKeyId,
			AWS_SECRET_ACCESS_KEY: secretAccessKey,
			AWS_REGION: 'us-east-1',
			AWS_ENDPOINT_URL: sim.url,
		});
		expect(result.code).toBe(0);
		const text = await readFile(path, 'utf8');
		expect(text).not.toContain(accessKeyId);
		expect(text).not.toContain(secretAccessKey);
		const recording = parseRecording(text);
		expect(recording.badLines).toBe(0);
		expect(recording.snapshots).toEqual([JSON.parse(result.stdout)]);
		const replayed = await runCli(['replay', path, '--json']);
		expect(replayed).toMatchObject({code: 0, stdout: result.stdout});
	});

	it('with --once prints the text summary and records the snapshot', async () => {
		const path = join(directory, 'once.ndjson');
		const result = await runCli(
			['web-nlb', '--once', '--record', path, '--endpoint-url', sim.url],
			{
				AWS_ACCESS_KEY_ID: 'test',
				AWS_SECRET_ACCESS_KEY: 'test',
				AWS_REGION: 'us-east-1',
			},
		);
		expect(result.code).toBe(0);
		expect(result.stdout).toMatch(/^lbtop · web-nlb \(network, internet-facing\)/);
		const recording = parseRecording(await readFile(path, 'utf8'));
		expect(recording.snapshots[0]?.topology?.name).toBe('web-nlb');
	});

	it('fails with exit 1 when the file cannot be written', async () => {
		const path = join(directory, 'missing', 'rec.ndjson');
		const result = await runCli(
			['web-nlb', '--json', '--record', path, '--endpoint-url', sim.url],
			{
				AWS_ACCESS_KEY_ID: 'test',
				AWS_SECRET_ACCESS_KEY: 'test',
				AWS_REGION: 'us-east-1',
			},
		);
		expect(result.code).toBe(1);
		expect(result.stderr).toMatch(/cannot record to .*missing\/rec\.ndjson: ENOENT/);
	});
});

describe('lbtop replay without a terminal', () => {
	it.each([
		{name: '--once', args: ['--once'], index: 2},
		{name: 'no flag (not a terminal)', args: [], index: 2},
		{name: '--at a full UTC time', args: ['--once', '--at', '2025-03-14T13:42:21Z'], index: 1},
		{name: '--at a time of day', args: ['--once', '--at', '13:42:09'], index: 0},
	])('$name prints the text summary of the chosen snapshot', async ({args, index}) => {
		const path = await recordingFile(goodLines());
		const result = await runCli(['replay', path, ...args]);
		const snapshot = recorded[index] ?? fixtureSnapshot();
		expect(result).toMatchObject({code: 0, stderr: ''});
		expect(result.stdout).toBe(textSummary(snapshot, snapshot.generatedAt));
	});

	it('--json prints the recorded snapshot as --json printed it', async () => {
		const path = await recordingFile(goodLines());
		const result = await runCli(['replay', path, '--json', '--at', '2025-03-14T13:42:10Z']);
		expect(result.code).toBe(0);
		expect(JSON.parse(result.stdout)).toEqual(recorded[0]);
	});

	it('reads a recording of deltas (one whole snapshot, then what changed) after one in the older whole-snapshot format', async () => {
		const [first, second, third] = recorded;
		if (first === undefined || second === undefined || third === undefined) {
			throw new Error('three snapshots are recorded');
		}
		// An earlier session wrote whole snapshots; this one a whole one, then deltas on it.
		const later = (snapshot: Snapshot) => ({
			...snapshot,
			generatedAt: snapshot.generatedAt + 60_000,
		});
		const path = await recordingFile([
			...goodLines(),
			snapshotLine(later(first)),
			deltaLine(later(first), later(second)),
			deltaLine(later(second), later(third)),
		]);
		for (const [at, expected] of [
			['13:42:20', second],
			['13:43:20', later(second)],
			['13:43:30', later(third)],
		] as const) {
			const result = await runCli(['replay', path, '--json', '--at', at]);
			expect(result).toMatchObject({code: 0, stderr: ''});
			expect(result.stdout).toBe(`${JSON.stringify(expected, null, 2)}\n`);
		}
	});

	it('skips bad lines with one warning on stderr', async () => {
		const [first = '', second = '', third = ''] = goodLines();
		const path = await recordingFile([first, 'not json\n', second, third.slice(0, 50)]);
		const result = await runCli(['replay', path, '--json']);
		expect(result.code).toBe(0);
		expect(JSON.parse(result.stdout)).toEqual(recorded[1]);
		expect(result.stderr).toBe(`lbtop: skipped 2 unreadable lines in ${path} (first: line 2)\n`);
	});

	it.each([
		{name: 'a missing file', lines: undefined, message: /cannot read .*ENOENT/},
		{name: 'a file without snapshots', lines: ['hello\n'], message: /holds no lbtop snapshots/},
	])('$name: exit 1 and why', async ({lines, message}) => {
		const path = lines === undefined ? join(directory, 'nope.ndjson') : await recordingFile(lines);
		const result = await runCli(['replay', path, '--once']);
		expect(result.code).toBe(1);
		expect(result.stdout).toBe('');
		expect(result.stderr).toMatch(message);
	});

	it.each([
		[['replay'], /name the recording/],
		[['replay', 'a.ndjson', '--speed', '0'], /--speed 0 must be/],
		[['replay', 'a.ndjson', '--at', 'lunch'], /--at "lunch" is not a UTC time/],
		[['replay', 'a.ndjson', '--once', '--json'], /choose one/],
		[
			['replay', 'a.ndjson', '--bogus'],
			/^lbtop: unknown flag --bogus\n {2}\(lbtop --help for usage\)\n$/,
		],
	])('%j is a usage error: exit 2', async (args, message) => {
		const result = await runCli(args);
		expect(result.code).toBe(2);
		expect(result.stderr).toMatch(message);
		expect(result.stdout).toBe('');
	});

	it('replay --help describes the flags', async () => {
		const result = await runCli(['replay', '--help']);
		expect(result.code).toBe(0);
		expect(result.stdout).toContain('--speed <n>');
		expect(result.stdout).toContain('--at <time>');
	});
});

describe('lbtop replay in a terminal', () => {
	let session: TerminalSession | undefined;
	afterEach(async () => {
		await session?.close();
		session = undefined;
	});

	it('plays the recording in the live screen, pauses on p, and quits cleanly on q', async () => {
		const path = await recordingFile(goodLines());
		session = await startInTerminal({
			command: [process.execPath, cliPath, 'replay', path, '--speed', '10'],
			columns: 120,
			rows: 40,
			cwd: process.cwd(),
		});
		await session.waitFor('web-prod-nlb');
		// 20 recorded seconds at 10x: the last snapshot (us-test-2) within a few seconds.
		await session.waitFor('us-test-2', 10_000);
		await session.send('p');
		await session.waitFor(/resume/);
		await session.send('q');
		expect(await session.waitForExit()).toBe(0);
		const ended = session;
		await vi.waitFor(async () => expect(await ended.alternateScreen()).toBe(false), settling);
	});

	it("says REPLAY with the recording's time in the header on every screen at 80x24", {
		timeout: 60_000,
	}, async () => {
		const path = await recordingFile(goodLines());
		session = await startInTerminal({
			command: [process.execPath, cliPath, 'replay', path],
			columns: 80,
			rows: 24,
			cwd: process.cwd(),
			env: {TZ: 'UTC'},
		});
		const marker = /^ REPLAY 13:42:\d\dZ {2}lbtop web-prod-nlb NLB/;
		const screens = [await session.waitFor(marker, 15_000)];
		for (const [key, shown] of [
			['?', /Esc or \? closes/],
			['\u001B', /\[Findings\]/],
			['\r', /Esc back/],
			['\u001B', /\[Findings\]/],
			['p', /PAUSED|resume/],
		] as const) {
			await session.send(key);
			screens.push(await session.waitFor(shown));
		}
		for (const screen of screens) {
			expect(screen.split('\n')[0]).toMatch(marker);
		}
		await session.send('q');
		expect(await session.waitForExit()).toBe(0);
	});
});
