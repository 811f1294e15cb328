// The whole engine, in-process, against the sim serving the flows world: every source lbtop
// polls, on timers the test moves, with the sim's fault injector in reach and every request
// counted by operation.
import type {Config} from '../../../source/domain/config.js';
import type {Snapshot, SourceName, SourceState} from '../../../source/domain/snapshot.js';
import {accessLogsSource} from '../../../source/live/access-logs-source.js';
import {createChangesSource} from '../../../source/live/changes-source.js';
import {deriveSnapshot} from '../../../source/live/derive.js';
import {discoverySource} from '../../../source/live/discovery-source.js';
import {Engine} from '../../../source/live/engine.js';
import {createFlowsSource, flowsSource} from '../../../source/live/flows-source.js';
import {identitySource} from '../../../source/live/identity-source.js';
import {initialSnapshot} from '../../../source/live/initial-snapshot.js';
import {metricsSource} from '../../../source/live/metrics-source.js';
import type {PollerName, SourceFactory} from '../../../source/live/source.js';
import {SnapshotStore} from '../../../source/live/store.js';
import type {FaultConfig} from '../../../source/sim/faults.js';
import {type RunningSim, startSim} from '../../../source/sim/server.js';
import {createCloudTrailService} from '../../../source/sim/services/cloudtrail/index.js';
import {
	createLogsService,
	type LogsService,
	type LogsServiceOptions,
} from '../../../source/sim/services/logs/index.js';
import {flowsFixture, loadBalancerName} from '../../integration/fixtures/flows-world.js';
import {VirtualTimers} from './virtual-timers.js';

export const allSources: readonly SourceName[] = [
	'identity',
	'discovery',
	'flows',
	'metrics',
	'changes',
];

/** Which part of the snapshot each source writes: "the last good data" a failure must keep. */
export function dataOf(snapshot: Snapshot, name: SourceName): unknown {
	const slices: Record<SourceName, unknown> = {
		identity: snapshot.identity,
		discovery: snapshot.topology,
		flows: snapshot.flows,
		metrics: snapshot.metrics,
		changes: snapshot.changes,
	};
	return slices[name];
}

export type Endpoint = {readonly url: string; close(): Promise<void>};

export type RigOptions = {
	readonly faults?: FaultConfig;
	readonly logs?: LogsServiceOptions;
	/** SDK attempts per call; 1 keeps a failing call to one request (the SDK default is 3). */
	readonly maxAttempts?: number;
	readonly refreshMs?: number;
	/** Something between lbtop and the sim (a tampering proxy): lbtop talks to its URL. */
	readonly between?: (simUrl: string) => Promise<Endpoint>;
	/** The profile named in hints (the SDK itself is given static test credentials). */
	readonly profile?: string;
	/**
	 * How flows asks Insights for a settled stretch: one combined query (what the small flows world
	 * gets by default), or the timeline and sources pair a busy load balancer gets.
	 */
	readonly flowsQueries?: 'combined' | 'pair';
};

type Activity = {running: number; started: number; finished: number; mostAtOnce: number};

export type Rig = {
	readonly sim: RunningSim;
	readonly logs: LogsService;
	readonly timers: VirtualTimers;
	readonly store: SnapshotStore;
	readonly engine: Engine;
	snapshot(): Snapshot;
	state(name: SourceName): SourceState;
	/** Requests the sim received, for one `prefix:Operation` or (without a key) all of them. */
	requests(key?: string): number;
	/** Runs of a source that have started. */
	started(name: SourceName): number;
	/** Runs of a source that have finished, failed ones included. */
	finished(name: SourceName): number;
	/** The most runs of one source ever in flight together (the poller promises one). */
	mostAtOnce(name: SourceName): number;
	busy(): boolean;
	/** Fires due timers and polls until `done` holds; fails with a picture of the sources if not. */
	until(label: string, done: () => boolean, timeoutMs?: number): Promise<void>;
	/** Waits for every source to finish a run it starts from now on. */
	nextRound(names?: readonly SourceName[]): Promise<void>;
	/** Moves the clock to the source's announced retry and waits for that attempt to finish. */
	retry(name: SourceName): Promise<void>;
	/** Moves the clock to the next pending timer and waits until nothing is running or due. */
	step(): Promise<void>;
	close(): Promise<void>;
};

const pollMs = 2;

export function describeSources(snapshot: Snapshot): string {
	return allSources
		.map((name) => {
			const state = snapshot.sources[name];
			const error = state.error ? ` (${state.error.kind}: ${state.error.message})` : '';
			return `${name}=${state.status}${error}`;
		})
		.join(', ');
}

function tracked(factory: SourceFactory, activity: Map<PollerName, Activity>): SourceFactory {
	return (environment) => {
		const source = factory(environment);
		const counts: Activity = {running: 0, started: 0, finished: 0, mostAtOnce: 0};
		activity.set(source.name, counts);
		return {
			...source,
			async run(signal) {
				counts.running += 1;
				counts.started += 1;
				counts.mostAtOnce = Math.max(counts.mostAtOnce, counts.running);
				try {
					await source.run(signal);
				} finally {
					counts.running -= 1;
					counts.finished += 1;
				}
			},
		};
	};
}

/**
 * lbtop's defaultSources, but CloudTrail calls are not spaced out: the changes source's spacer
 * waits on real timers (not the engine's), 550 ms a call.
 */
export const faultTestSources: readonly SourceFactory[] = [
	identitySource,
	discoverySource,
	flowsSource,
	metricsSource,
	createChangesSource({minCallSpacingMs: 0}),
	accessLogsSource,
];

export async function startRig(options: RigOptions = {}): Promise<Rig> {
	const timers = new VirtualTimers();
	const fixture = flowsFixture(timers.now());
	const logs = createLogsService({queryDurationMs: 100, ...options.logs});
	const sim = await startSim({
		world: fixture.world,
		jsonServices: [logs, createCloudTrailService()],
		clock: {now: timers.now},
		...(options.faults === undefined ? {} : {faults: options.faults}),
	});
	const counts = new Map<string, number>();
	const decide = sim.faults.decide.bind(sim.faults);
	sim.faults.decide = (iamPrefix, operation) => {
		const key = `${iamPrefix}:${operation}`;
		counts.set(key, (counts.get(key) ?? 0) + 1);
		return decide(iamPrefix, operation);
	};
	const endpoint = options.between ? await options.between(sim.url) : undefined;
	const config: Config = {
		target: loadBalancerName,
		windowMs: 15 * 60_000,
		refreshMs: options.refreshMs ?? 30_000,
		logGroups: [],
		output: 'interactive',
		color: false,
		ascii: false,
		...(options.profile === undefined ? {} : {profile: options.profile}),
	};
	const store = new SnapshotStore(
		initialSnapshot(config, timers.now(), 'us-east-1'),
		deriveSnapshot,
	);
	const activity = new Map<PollerName, Activity>();
	const engine = new Engine({
		config,
		store,
		timers,
		aws: {
			endpointUrl: endpoint?.url ?? sim.url,
			region: 'us-east-1',
			credentials: {accessKeyId: 'test', secretAccessKey: 'test'},
			maxAttempts: options.maxAttempts ?? 1,
		},
		sources: faultTestSources
			.map((factory) =>
				factory === flowsSource && options.flowsQueries === 'pair'
					? createFlowsSource({combinedBelowRecords: 0})
					: factory,
			)
			.map((factory) => tracked(factory, activity)),
	});
	const finished = (name: SourceName) => activity.get(name)?.finished ?? 0;
	const running = (name: SourceName) => (activity.get(name)?.running ?? 0) > 0;

	const until = async (label: string, done: () => boolean, timeoutMs = 15_000) => {
		const deadline = performance.now() + timeoutMs;
		for (;;) {
			timers.fireDue();
			if (done()) {
				return;
			}
			if (performance.now() > deadline) {
				throw new Error(
					`timed out after ${timeoutMs} ms waiting for ${label}; sources: ${describeSources(store.getSnapshot())}`,
				);
			}
			await new Promise((resolve) => {
				setTimeout(resolve, pollMs);
			});
		}
	};

	let closed = false;
	return {
		sim,
		logs,
		timers,
		store,
		engine,
		snapshot: store.getSnapshot,
		state: (name) => store.getSnapshot().sources[name],
		requests(key) {
			if (key !== undefined) {
				return counts.get(key) ?? 0;
			}
			return [...counts.values()].reduce((sum, count) => sum + count, 0);
		},
		started: (name) => activity.get(name)?.started ?? 0,
		finished,
		mostAtOnce: (name) => activity.get(name)?.mostAtOnce ?? 0,
		busy: () => allSources.some(running),
		until,
		async nextRound(names = allSources) {
			const before = new Map(names.map((name) => [name, finished(name)]));
			engine.refresh();
			await until(`a new run of ${names.join(', ')}`, () =>
				names.every((name) => finished(name) > (before.get(name) ?? 0) && !running(name)),
			);
		},
		async retry(name) {
			const {retryAt} = store.getSnapshot().sources[name];
			if (retryAt === undefined) {
				throw new Error(`${name} announces no retry: ${describeSources(store.getSnapshot())}`);
			}
			const before = finished(name);
			timers.advanceTo(retryAt);
			await until(`the retry of ${name} announced for ${new Date(retryAt).toISOString()}`, () => {
				return finished(name) > before && !running(name);
			});
		},
		async step() {
			const due = timers.nextDue();
			if (due === undefined) {
				throw new Error(`no timer pending: ${describeSources(store.getSnapshot())}`);
			}
			timers.advanceTo(due);
			await until('the runs due to finish', () => {
				const next = timers.nextDue();
				return !allSources.some(running) && (next === undefined || next > timers.now());
			});
		},
		async close() {
			if (closed) {
				return;
			}
			closed = true;
			await engine.stop();
			await endpoint?.close();
			await sim.close();
		},
	};
}

/** Starts the engine and waits until every source has settled (ok, or failed with a state). */
export async function startedRig(options: RigOptions = {}): Promise<Rig> {
	const rig = await startRig(options);
	rig.engine.start();
	await rig.until('the first round of every source', () => {
		const snapshot = rig.snapshot();
		const discoveryDone = snapshot.sources.discovery.status !== 'pending';
		const dependentsDone =
			snapshot.topology === undefined ||
			(['flows', 'metrics', 'changes'] as const).every(
				(name) => snapshot.sources[name].status !== 'pending',
			);
		return (
			snapshot.sources.identity.status !== 'pending' &&
			discoveryDone &&
			dependentsDone &&
			!rig.busy()
		);
	});
	return rig;
}
