import {mkdtemp, readFile, rm, stat, writeFile} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterEach, beforeEach, describe, expect, it} from 'vitest';
import type {Config} from '../../source/domain/config.js';
import {deriveSnapshot} from '../../source/live/derive.js';
import {Engine} from '../../source/live/engine.js';
import {initialSnapshot} from '../../source/live/initial-snapshot.js';
import {startRecorder} from '../../source/live/recorder.js';
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
