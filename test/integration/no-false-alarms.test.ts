// No false alarms: lbtop watching a healthy load balancer for a simulated hour shows no warning or
// critical finding at any refresh. Two worlds of examples/: a quiet NLB (three connections a
// minute) and a busy one (12,000 a minute, 100 times the demo, with the normal background of
// late-packet REJECTs and internet probes).
//
// What it covers: lbtop's engine reads every source once (what `lbtop --json` prints) at four
// moments of the hour on the sim's clock, which the test moves by a window (15 minutes) each time:
// the windows tile the hour, so every flow record, connection and metric minute of it is judged,
// and the rules that compare the last minutes with the rest of the window see four "nows". It does
// not run the refreshes a live session makes in between (a busy world's read costs the sim seconds
// of CPU: it aggregates a million records a window), nor the findings tracker's memory of them.
import {afterAll, describe, expect, it} from 'vitest';
import type {Config} from '../../source/domain/config.js';
import type {Snapshot} from '../../source/domain/snapshot.js';
import {deriveSnapshot} from '../../source/live/derive.js';
import {Engine} from '../../source/live/engine.js';
import {initialSnapshot} from '../../source/live/initial-snapshot.js';
import {realTimers} from '../../source/live/poller.js';
import {defaultSources} from '../../source/live/sources.js';
import {SnapshotStore} from '../../source/live/store.js';
import {loadScenarioModelFile} from '../../source/sim/scenario/index.js';
import {type RunningSim, startSim} from '../../source/sim/server.js';
import {createCloudTrailService} from '../../source/sim/services/cloudtrail/index.js';
import {createLogsService} from '../../source/sim/services/logs/index.js';

const minute = 60_000;
const hour = 60 * minute;
const windowMs = 15 * minute;
/**
 * Four reads of a busy window cost the sim about a minute of CPU: two and a half minutes of wall
 * time on a machine loaded 5, over ten minutes loaded 15 (the machine's load, not lbtop's work).
 */
const timeoutMs = 900_000;
/**
 * The sim answers an Insights poll once its scan of the query's records is through, and a busy
 * window's scan takes it wall time where AWS answers at once and scans on its own: half a minute
 * on a quiet machine, over two minutes on a loaded one. Each attempt of a call gives up after
 * lbtop's 20-s request timeout and the retry finds the scan further on, so the sim's pace costs
 * attempts, not answers; but the SDK's three attempts were outlasted on a loaded machine, and the
 * flows read failed ("stale"). Twenty attempts leave room for seven minutes of scanning.
 */
const maxAttempts = 20;

const config: Config = {
	target: 'shop-nlb',
	windowMs,
	refreshMs: 10_000,
	logGroups: [],
	output: 'json',
	color: false,
	ascii: true,
};

type Alarm = {readonly at: string; readonly rule: string; readonly title: string};

const sims: RunningSim[] = [];

afterAll(async () => {
	await Promise.all(sims.map((sim) => sim.close()));
});

/** What `lbtop --json` prints at the sim's moment `now`: every source read once. */
async function snapshotAt(sim: RunningSim, region: string, now: () => number): Promise<Snapshot> {
	const store = new SnapshotStore(initialSnapshot(config, now(), region), deriveSnapshot);
	const engine = new Engine({
		config,
		store,
		aws: {
			endpointUrl: sim.url,
			region,
			credentials: {accessKeyId: 'test', secretAccessKey: 'test'},
			maxAttempts,
		},
		sources: defaultSources,
		// The clock stands still while the sources read: their own waits (CloudTrail's spacing of
		// calls) are shortened as the world's hour is.
		timers: {...realTimers, setTimeout: (callback, ms) => setTimeout(callback, ms / 100), now},
	});
	try {
		return await engine.snapshotOnce();
	} finally {
		await engine.stop();
	}
}

/** The snapshots whose windows tile the hour that ends three windows after the world is loaded. */
async function watchForAnHour(scenario: string): Promise<Snapshot[]> {
	const loaded = Date.now();
	const model = await loadScenarioModelFile(`examples/${scenario}.json`, {now: loaded});
	let now = loaded;
	const sim = await startSim({
		world: model.world,
		clock: {now: () => now},
		advance: () => model.advanceTo(now),
		// The sim's stand-in for Insights' latency is wall time the moved clock does not need.
		jsonServices: [createLogsService({queryDurationMs: 0}), createCloudTrailService()],
	});
	sims.push(sim);
	const snapshots: Snapshot[] = [];
	for (let at = loaded; at < loaded + hour; at += windowMs) {
		now = at;
		snapshots.push(await snapshotAt(sim, model.world.region, () => now));
	}

	return snapshots;
}

function alarmsOf(snapshots: readonly Snapshot[]): Alarm[] {
	const seen = new Map<string, Alarm>();
	for (const snapshot of snapshots) {
		for (const finding of snapshot.findings.filter((entry) => entry.severity !== 'info')) {
			const at = new Date(snapshot.generatedAt).toISOString().slice(11, 19);
			const key = `${finding.rule}: ${finding.title}`;
			seen.set(key, seen.get(key) ?? {at, rule: finding.rule, title: finding.title});
		}
	}

	return [...seen.values()];
}

describe.concurrent.each([{scenario: 'healthy-quiet-nlb'}, {scenario: 'healthy-busy-nlb'}])(
	'an hour of $scenario',
	({scenario}) => {
		it(
			'never shows a warning or critical finding',
			async () => {
				const snapshots = await watchForAnHour(scenario);
				expect(alarmsOf(snapshots)).toEqual([]);
				// Every refresh read its sources: the hour was judged, not skipped.
				expect(snapshots.length).toBe(hour / windowMs);
				for (const snapshot of snapshots) {
					// The whole state, so a failure names what failed (a read's error, not only "stale").
					expect(snapshot.sources.flows).toMatchObject({status: 'ok'});
					expect(snapshot.sources.metrics).toMatchObject({status: 'ok'});
					expect(snapshot.flows?.dataThrough ?? 0).toBeGreaterThan(snapshot.generatedAt - windowMs);
				}
			},
			timeoutMs,
		);
	},
);
