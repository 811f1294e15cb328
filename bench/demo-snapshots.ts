// Real snapshots of the demo world, as the engine builds them: one, then another a refresh later
// (what the screen redraws on a refresh), with every pane holding as many rows as the demo has.
import {existsSync} from 'node:fs';
import {readFile, writeFile} from 'node:fs/promises';
import process from 'node:process';
import type {Snapshot} from '../source/domain/snapshot.js';
import {deriveSnapshot} from '../source/live/derive.js';
import {Engine} from '../source/live/engine.js';
import {initialSnapshot} from '../source/live/initial-snapshot.js';
import {SnapshotStore} from '../source/live/store.js';
import {startWorldSim} from '../source/sim/serve.js';
import {monitorConfig} from './monitor-config.js';
import {monitorSources} from './monitor-sources.js';

export type SnapshotPair = {readonly first: Snapshot; readonly second: Snapshot};

// The sim runs fast so the second snapshot is a minute of world time after the first.
const speed = 60;

/**
 * The pair, built once per benchmark run: run.ts names a file in BENCH_SNAPSHOT_FILE so the
 * second rendering variant draws exactly what the first drew (and skips building it again).
 */
export async function demoSnapshots(): Promise<SnapshotPair> {
	const file = process.env.BENCH_SNAPSHOT_FILE;
	if (file !== undefined && existsSync(file)) {
		return JSON.parse(await readFile(file, 'utf8')) as SnapshotPair;
	}

	const pair = await buildDemoSnapshots();
	if (file !== undefined) {
		await writeFile(file, JSON.stringify(pair));
	}

	return pair;
}

async function buildDemoSnapshots(): Promise<SnapshotPair> {
	const sim = await startWorldSim({port: 0, speed, seed: 1});
	const config = monitorConfig();
	const store = new SnapshotStore(
		initialSnapshot(config, sim.clock.now(), sim.region),
		deriveSnapshot,
	);
	const engine = new Engine({
		config,
		store,
		aws: {endpointUrl: sim.url, credentials: sim.credentials, region: sim.region},
		sources: monitorSources,
		timers: {
			setTimeout: (callback, ms) => setTimeout(callback, ms),
			clearTimeout: (handle) => {
				clearTimeout(handle as NodeJS.Timeout);
			},
			now: sim.clock.now,
		},
	});
	try {
		const first = await engine.snapshotOnce();
		const firstAt = sim.clock.now();
		await new Promise((resolve) =>
			setTimeout(resolve, Math.max(0, 60_000 - (sim.clock.now() - firstAt)) / speed),
		);
		const second = await engine.snapshotOnce();
		return {first: filled(first), second: filled(second)};
	} finally {
		await engine.stop();
		await sim.close();
	}
}

// The demo's CloudTrail history is short; a busy account has a pane full of changes. Copies of
// the real events, an hour apart, fill it without changing what a row looks like.
const changeRows = 60;

function filled(snapshot: Snapshot): Snapshot {
	const events = snapshot.changes?.events ?? [];
	if (snapshot.changes === undefined || events.length === 0 || events.length >= changeRows) {
		return snapshot;
	}

	const copies = Array.from({length: changeRows}, (_, index) => {
		const event = events[index % events.length];
		if (event === undefined) {
			throw new Error('no change event to copy');
		}

		const round = Math.floor(index / events.length);
		return round === 0
			? event
			: {...event, id: `${event.id}-${round}`, time: event.time - round * 3_600_000};
	});
	return {...snapshot, changes: {...snapshot.changes, events: copies}};
}

export function describePanes(snapshot: Snapshot): string {
	const flows = snapshot.flows;
	return [
		`${flows?.connections.length ?? 0} connections`,
		`${flows?.aggregates.acceptedSources.length ?? 0} accepted sources`,
		`${flows?.aggregates.rejectedSources.length ?? 0} rejected sources`,
		`${snapshot.metrics?.series.length ?? 0} metric series`,
		`${snapshot.changes?.events.length ?? 0} changes`,
		`${snapshot.findings.length} findings`,
	].join(', ');
}
