// A data source the engine polls: it reads what it needs from the snapshot and writes its slice back.
import type {AwsClients} from '../aws/clients.js';
import type {CallContext} from '../aws/errors.js';
import type {Config} from '../domain/config.js';
import type {SourceError, SourceName} from '../domain/snapshot.js';
import type {Timers} from './poller.js';
import type {SnapshotStore} from './store.js';

/** The pollers the engine runs: the snapshot's sources, and the access logs (their state in their slice). */
export type PollerName = SourceName | 'access-logs';

export type SourceEnvironment = {
	readonly clients: AwsClients;
	readonly config: Config;
	readonly store: SnapshotStore;
	readonly now: () => number;
	/** The engine's timers, for a source that waits within a run; real timers when absent. */
	readonly timers?: Timers;
	readonly callContext: (iamAction: string) => CallContext;
	/** Ask other sources to run now (e.g. discovery found the topology they wait for). */
	readonly refresh: (names: readonly PollerName[]) => void;
};

export type LiveSource = {
	readonly name: PollerName;
	readonly intervalMs: number | (() => number);
	/** The IAM action named when a failure has no better attribution. */
	readonly iamAction: string;
	readonly run: (signal: AbortSignal) => Promise<void>;
	/** The user asked for a refresh (`r`): a source with a light and a full run makes the next full. */
	readonly refreshRequested?: () => void;
	/** Cleanup on exit, e.g. stop Insights queries still running. */
	readonly dispose?: () => Promise<void>;
	/** Where a poller without a `sources` entry keeps its failure (required for 'access-logs'). */
	readonly recordFailure?: (error: SourceError, retryAt: number) => void;
};

export type SourceFactory = (environment: SourceEnvironment) => LiveSource;
