// Wires the sources to the store and owns their pollers: start, refresh, a new window, stop.
import {AwsClients, type AwsSettings} from '../aws/clients.js';
import {AwsCallError, describeAwsError} from '../aws/errors.js';
import type {Config} from '../domain/config.js';
import type {Snapshot} from '../domain/snapshot.js';
import {Poller, realTimers, type Timers} from './poller.js';
import {failedState, withSource} from './snapshot-updates.js';
import type {LiveSource, PollerName, SourceEnvironment, SourceFactory} from './source.js';
import type {SnapshotStore} from './store.js';

export type EngineOptions = {
	readonly config: Config;
	readonly store: SnapshotStore;
	readonly aws: AwsSettings;
	readonly sources: readonly SourceFactory[];
	readonly timers?: Timers;
};

export class Engine {
	readonly clients: AwsClients;
	private readonly pollers = new Map<PollerName, Poller>();
	private readonly sources: LiveSource[];
	private readonly timers: Timers;
	private config: Config;

	constructor(private readonly options: EngineOptions) {
		this.clients = new AwsClients(options.aws);
		this.timers = options.timers ?? realTimers;
		this.config = options.config;
		const engine = this;
		const environment: SourceEnvironment = {
			clients: this.clients,
			// A getter: `t` changes the window while sources run, and each run reads the current one.
			get config() {
				return engine.config;
			},
			store: options.store,
			now: this.timers.now,
			timers: this.timers,
			callContext: (iamAction) => ({
				iamAction,
				now: this.timers.now(),
				...(options.config.profile === undefined ? {} : {profile: options.config.profile}),
				...(options.config.region === undefined ? {} : {region: options.config.region}),
			}),
			refresh: (names) => {
				for (const name of names) {
					this.pollers.get(name)?.refreshNow();
				}
			},
		};
		this.sources = options.sources.map((factory) => factory(environment));
		for (const source of this.sources) {
			this.pollers.set(
				source.name,
				new Poller({
					intervalMs: source.intervalMs,
					run: source.run,
					timers: this.timers,
					onFailure: (error, retryAt, _failures, failedAt) =>
						this.recordFailure(source, error, retryAt, failedAt),
				}),
			);
		}
	}

	get store(): SnapshotStore {
		return this.options.store;
	}

	start(): void {
		for (const poller of this.pollers.values()) {
			poller.start();
		}
	}

	/**
	 * The user froze the screen. The sources keep collecting (the screen holds its own snapshot and
	 * says what arrives behind it), so resuming shows the newest data at once; a recording notes it.
	 */
	pause(): void {
		this.store.update((snapshot) => ({...snapshot, paused: true}));
	}

	resume(): void {
		this.store.update((snapshot) => ({...snapshot, paused: false}));
	}

	/** A new window applies from the next run of each source, which starts now. */
	setWindow(windowMs: number): void {
		this.config = {...this.config, windowMs};
		const now = this.timers.now();
		this.store.update((snapshot) => ({
			...snapshot,
			generatedAt: now,
			window: {start: now - windowMs, end: now},
		}));
		// Runs in flight read the old window: each source runs again as soon as its run settles.
		for (const poller of this.pollers.values()) {
			poller.refreshNow(true);
		}
	}

	refresh(): void {
		for (const source of this.sources) {
			source.refreshRequested?.();
		}
		for (const poller of this.pollers.values()) {
			poller.refreshNow();
		}
	}

	/**
	 * Runs every source once: identity and discovery first (the others read the topology), then the
	 * rest side by side, since each waits on its own API (CloudTrail's rate limit alone takes seconds).
	 */
	async snapshotOnce(): Promise<Snapshot> {
		const first = new Set<PollerName>(['identity', 'discovery']);
		const runOnce = (source: LiveSource) => this.pollers.get(source.name)?.runOnce();
		for (const source of this.sources.filter((candidate) => first.has(candidate.name))) {
			await runOnce(source);
		}
		await Promise.all(this.sources.filter((candidate) => !first.has(candidate.name)).map(runOnce));
		return this.store.getSnapshot();
	}

	async stop(): Promise<void> {
		await Promise.all([...this.pollers.values()].map((poller) => poller.stop()));
		await Promise.allSettled(this.sources.map((source) => source.dispose?.()));
		await this.clients.destroy();
	}

	private recordFailure(
		source: LiveSource,
		error: unknown,
		retryAt: number,
		failedAt: number,
	): void {
		const context = {
			iamAction: error instanceof AwsCallError ? error.iamAction : source.iamAction,
			...(error instanceof AwsCallError && error.resource !== undefined
				? {resource: error.resource}
				: {}),
			now: failedAt,
			...(this.config.profile === undefined ? {} : {profile: this.config.profile}),
			...(this.config.region === undefined ? {} : {region: this.config.region}),
		};
		const described = describeAwsError(
			error instanceof AwsCallError ? error.cause : error,
			context,
		);
		const {name} = source;
		if (name === 'access-logs') {
			source.recordFailure?.(described, retryAt);
			return;
		}

		this.store.update((snapshot) =>
			withSource(snapshot, name, failedState(snapshot.sources[name], described, retryAt)),
		);
	}
}
