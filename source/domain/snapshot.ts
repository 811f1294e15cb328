// The one contract between the engine and every output: the TUI, `--once` text and `--json`.
// docs/snapshot.md documents its JSON form; keep both in step.
import type {AccessLogsSetup, RequestsView, TlsView} from './types/access-logs.js';
import type {ChangesView} from './types/changes.js';
import type {Finding} from './types/findings.js';
import type {FlowsView, QueryCost} from './types/flows.js';
import type {MetricsView} from './types/metrics.js';
import type {Topology} from './types/topology.js';

export type * from './types/access-log-records.js';
export type * from './types/access-logs.js';
export type * from './types/changes.js';
export type * from './types/findings.js';
export type * from './types/flows.js';
export type * from './types/metrics.js';
export type * from './types/topology.js';

export const snapshotSchemaVersion = 1;

export type SourceName = 'identity' | 'discovery' | 'flows' | 'metrics' | 'changes';
export const sourceNames: readonly SourceName[] = [
	'identity',
	'discovery',
	'flows',
	'metrics',
	'changes',
];

export type ErrorKind =
	| 'credentials'
	| 'access-denied'
	| 'not-found'
	| 'throttled'
	| 'network'
	| 'invalid'
	| 'unknown';

export type SourceError = {
	readonly kind: ErrorKind;
	/** What failed, e.g. "logs:StartQuery was denied". */
	readonly message: string;
	/** What to do about it, e.g. "run `aws sso login --profile prod`". */
	readonly hint: string;
	/** The IAM action that was denied, when known. */
	readonly iamAction?: string;
	/** Unix ms. */
	readonly at: number;
};

export type SourceStatus =
	/** Not fetched yet. */
	| 'pending'
	| 'ok'
	/** The last attempt failed; the data held is from an earlier success. */
	| 'stale'
	| 'error'
	/** lbtop cannot provide this source (not built yet, or nothing to read). */
	| 'unavailable';

export type SourceState = {
	readonly status: SourceStatus;
	/** Unix ms of the last successful fetch. */
	readonly fetchedAt?: number;
	/** Unix ms: the newest moment the data covers. */
	readonly dataThrough?: number;
	readonly error?: SourceError;
	/** Unix ms of the next attempt after a failure (backoff). */
	readonly retryAt?: number;
	/** Why the source is unavailable, in plain words. */
	readonly note?: string;
};

export type Identity = {
	readonly account: string;
	readonly arn: string;
};

export type TimeWindow = {
	/** Unix ms. */
	readonly start: number;
	readonly end: number;
};

export type Snapshot = {
	readonly schemaVersion: typeof snapshotSchemaVersion;
	/** Unix ms. */
	readonly generatedAt: number;
	readonly region: string;
	/** What the user asked for: a name or an ARN. */
	readonly target: string;
	readonly identity?: Identity;
	readonly window: TimeWindow;
	readonly paused: boolean;
	readonly sources: Readonly<Record<SourceName, SourceState>>;
	readonly topology?: Topology;
	readonly flows?: FlowsView;
	readonly metrics?: MetricsView;
	readonly changes?: ChangesView;
	/** Where the LB's access logs are, or why there are none (DescribeLoadBalancerAttributes). */
	readonly accessLogs?: AccessLogsSetup;
	/** ALB access logs: requests per target. */
	readonly requests?: RequestsView;
	/** NLB access logs: TLS handshakes per listener. */
	readonly tls?: TlsView;
	readonly findings: readonly Finding[];
	readonly cost: QueryCost;
};
