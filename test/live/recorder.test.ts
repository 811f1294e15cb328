import {mkdtemp, readFile, rm, stat, writeFile} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterEach, beforeEach, describe, expect, it} from 'vitest';
import type {Config} from '../../source/domain/config.js';
import type {Connection, Snapshot} from '../../source/domain/snapshot.js';
import {deriveSnapshot} from '../../source/live/derive.js';
import {Engine} from '../../source/live/engine.js';
import {initialSnapshot} from '../../source/live/initial-snapshot.js';
import {keyframeEveryMs, snapshotLine, startRecorder} from '../../source/live/recorder.js';
import {defaultSources} from '../../source/live/sources.js';
import {SnapshotStore} from '../../source/live/store.js';
import {parseRecording} from '../../source/report/replay-file.js';
import {startSim} from '../../source/sim/server.js';
import {createCloudTrailService} from '../../source/sim/services/cloudtrail/index.js';
import {createLogsService} from '../../source/sim/services/logs/index.js';
import {testWorld} from '../helpers/sim-world.js';
import {fixtureNow, fixtureSnapshot} from '../helpers/snapshot-fixture.js';

let directory: string;
beforeEach(async () => {
	directory = await mkdtemp(join(tmpdir(), 'lbtop-record-'));
});
afterEach(async () => {
	await rm(directory, {recursive: true, force: true});
});

const lines = async (path: string) => (await readFile(path, 'utf8')).split('\n');

describe('startRecorder', () => {
	it('writes the current snapshot, then one line per change, as they happen', async () => {
		const path = join(directory, 'rec.ndjson');
		const store = new SnapshotStore(fixtureSnapshot());
		const recorder = await startRecorder(store, path);
		store.update((snapshot) => ({...snapshot, generatedAt: fixtureNow + 10_000, paused: true}));
		store.update((snapshot) => snapshot);
		store.update((snapshot) => ({...snapshot, generatedAt: fixtureNow + 20_000, paused: false}));
		const summary = await recorder.close();
		expect(summary).toEqual({path, lines: 3});
		const written = await lines(path);
		expect(written).toHaveLength(4);
		expect(written.at(-1)).toBe('');
		const recording = parseRecording(written.join('\n'));
		expect(recording.badLines).toBe(0);
		expect(recording.snapshots.map((snapshot) => snapshot.paused)).toEqual([false, true, false]);
		expect(recording.snapshots[0]).toEqual(fixtureSnapshot());
		expect((await stat(path)).mode & 0o777).toBe(0o600);
	});

	it('appends to an existing recording and stops at close', async () => {
		const path = join(directory, 'rec.ndjson');
		await writeFile(path, 'earlier line\n');
		const store = new SnapshotStore(fixtureSnapshot());
		const recorder = await startRecorder(store, path);
		await recorder.close();
		store.update((snapshot) => ({...snapshot, region: 'eu-west-1'}));
		const written = await lines(path);
		expect(written[0]).toBe('earlier line');
		expect(written).toHaveLength(3);
		expect(store.listenerCount).toBe(0);
	});

	it('rejects at start when the file cannot be opened', async () => {
		const store = new SnapshotStore(fixtureSnapshot());
		await expect(startRecorder(store, join(directory, 'missing', 'rec.ndjson'))).rejects.toThrow(
			/ENOENT/,
		);
		expect(store.listenerCount).toBe(0);
	});

	it('never records the credentials lbtop runs with', async () => {
		const accessKeyId = 'AKIALBTOPRECORDER042';
		const secretAccessKey = 'lbtopRecorderSecret/DoNotLeak+0123456789abc';
		const sim = await startSim({
			world: testWorld(),
			jsonServices: [createLogsService(), createCloudTrailService()],
		});
		const config: Config = {
			target: 'web-nlb',
			windowMs: 15 * 60_000,
			refreshMs: 10_000,
			logGroups: [],
			output: 'json',
			color: false,
			ascii: true,
		};
		const store = new SnapshotStore(
			initialSnapshot(config, Date.now(), 'us-east-1'),
			deriveSnapshot,
		);
		const engine = new Engine({
			config,
			store,
			aws: {
				endpointUrl: sim.url,
				region: 'us-east-1',
				credentials: {accessKeyId, secretAccessKey},
				maxAttempts: 1,
			},
			sources: defaultSources,
		});
		const path = join(directory, 'rec.ndjson');
		try {
			const recorder = await startRecorder(store, path);
			const snapshot = await engine.snapshotOnce();
			const summary = await recorder.close();
			expect(snapshot.topology?.name).toBe('web-nlb');
			expect(summary.lines).toBeGreaterThan(2);
		} finally {
			await engine.stop();
			await sim.close();
		}
		const text = await readFile(path, 'utf8');
		expect(text).toContain('web-nlb');
		expect(text).not.toContain(accessKeyId);
		expect(text).not.toContain(secretAccessKey);
	});
});

/** A busy snapshot: hundreds of connections, as a refresh of a loaded NLB leaves them. */
function busy(generatedAt: number, ids: readonly number[]): Snapshot {
	const base = fixtureSnapshot();
	const [first] = base.flows?.connections ?? [];
	if (first === undefined || base.flows === undefined) {
		throw new Error('the fixture has no connection');
	}
	const connections: Connection[] = ids.map((id) => ({
		...first,
		id: `c-${id.toString(16).padStart(16, '0')}`,
		clientPort: 30_000 + id,
		bytes: id * 7,
	}));
	return {...base, generatedAt, flows: {...base.flows, connections}};
}

describe('recording what changed', () => {
	it('a whole snapshot first and every 10 minutes, only the changes between; replay gives every snapshot back', async () => {
		const path = join(directory, 'rec.ndjson');
		const first = busy(
			fixtureNow,
			Array.from({length: 300}, (_, index) => index),
		);
		const store = new SnapshotStore(first);
		const recorder = await startRecorder(store, path);
		const shown: Snapshot[] = [first];
		// Every 10 s for 20 minutes: five connections arrive, five leave the window, one grows.
		for (let step = 1; step <= 120; step++) {
			const ids = Array.from({length: 300}, (_, index) => index + step * 5);
			const next = busy(fixtureNow + step * 10_000, ids);
			const grown = next.flows?.connections.map((connection, index) =>
				index === 150 ? {...connection, bytes: connection.bytes + step} : connection,
			);
			const changed =
				next.flows === undefined || grown === undefined
					? next
					: {...next, flows: {...next.flows, connections: grown}};
			store.update(() => changed);
			shown.push(changed);
		}
		const summary = await recorder.close();
		expect(summary.lines).toBe(121);

		const text = await readFile(path, 'utf8');
		const written = text.trimEnd().split('\n');
		const whole = written.filter((line) => !line.startsWith('{"recordDelta"'));
		// At 0, 10 and 20 minutes.
		expect(whole).toHaveLength(3);
		expect(keyframeEveryMs).toBe(10 * 60_000);
		const everyWhole = shown.map((snapshot) => snapshotLine(snapshot).length);
		const total = everyWhole.reduce((sum, length) => sum + length, 0);
		expect(text.length).toBeLessThan(total / 10);

		const recording = parseRecording(text);
		expect(recording.badLines).toBe(0);
		// As JSON text: every value, and every key in the order it was recorded.
		expect(recording.snapshots.map((snapshot) => JSON.stringify(snapshot))).toEqual(
			shown.map((snapshot) => JSON.stringify(snapshot)),
		);
	});

	it('a damaged line loses only the changes up to the next whole snapshot', async () => {
		const path = join(directory, 'rec.ndjson');
		const store = new SnapshotStore(busy(fixtureNow, [1, 2, 3]));
		const recorder = await startRecorder(store, path);
		for (let step = 1; step <= 70; step++) {
			store.update(() => busy(fixtureNow + step * 10_000, [1, 2, 3, 3 + step]));
		}
		await recorder.close();
		const written = (await readFile(path, 'utf8')).trimEnd().split('\n');
		// Line 11 (100 s) is cut short; lines 12 to 60 build on it; line 61 (600 s) is whole again.
		written[10] = (written[10] ?? '').slice(0, 40);
		const recording = parseRecording(written.join('\n'));
		expect(recording).toMatchObject({badLines: 50, firstBadLine: 11});
		expect(
			recording.snapshots.map((snapshot) => (snapshot.generatedAt - fixtureNow) / 1000),
		).toEqual([
			...Array.from({length: 10}, (_, index) => index * 10),
			...Array.from({length: 11}, (_, index) => 600 + index * 10),
		]);
		expect(recording.snapshots.at(-1)).toEqual(busy(fixtureNow + 700_000, [1, 2, 3, 73]));
	});
});
