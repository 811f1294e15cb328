// What Elastic Load Balancing access logs tell: the per-target and per-listener figures the Requests
// and TLS panes draw, and where the logs are (docs/snapshot.md).
import type {SourceState} from '../snapshot.js';
import type {RequestRecord} from './access-log-records.js';
import type {Precision} from './flows.js';

export type NamedCount = {readonly name: string; readonly count: number};

/** A bounded top-N list: the rest is summed, never dropped silently. */
export type TopCounts = {
	readonly top: readonly NamedCount[];
	/** Entries counted under names not in `top`. */
	readonly other: number;
};

export type TimingSummary = {
	/** Values the figures are computed from (timed requests, completed handshakes). */
	readonly count: number;
	readonly p50?: number;
	readonly p99?: number;
	readonly max?: number;
};

/**
 * How requests ended. `target5xx` the target answered 5XX; `elb5xx` the LB itself answered 5XX
 * (the target did not answer, answered too late or answered garbage); `status4xx` the client got
 * a 4XX (from either); `noAnswer` dispatched but the target never answered (target_status_code `-`:
 * it timed out or closed the connection, or the client gave up first, 460).
 */
export type RequestCounts = {
	readonly requests: number;
	readonly target5xx: number;
	readonly elb5xx: number;
	readonly status4xx: number;
	readonly noAnswer: number;
	/** The LB's own 5XX codes (502, 503, 504, …). */
	readonly elbCodes: readonly NamedCount[];
	/** Unix ms. */
	readonly firstSeen?: number;
	readonly lastSeen?: number;
	/** Unix ms: the first and last target 5XX or LB 5XX. */
	readonly firstFailure?: number;
	readonly lastFailure?: number;
};

export type TargetRequestStats = RequestCounts & {
	/** `ip:port`, or `lambda` for a Lambda target group. */
	readonly target: string;
	readonly targetAddr?: string;
	readonly targetPort?: number;
	readonly targetGroupArn?: string;
	readonly perMinute: number;
	/** target_processing_time, seconds. */
	readonly targetTime: TimingSummary;
	readonly errorReasons: TopCounts;
	readonly classifications: TopCounts;
};

/** Requests the LB answered without a target (target:port `-`), per target group. */
export type NotDispatchedStats = RequestCounts & {
	readonly targetGroupArn?: string;
	/** Answered by a rule on purpose: redirect, fixed response, WAF block, authentication. */
	readonly byDesign: number;
	readonly errorReasons: TopCounts;
	readonly classifications: TopCounts;
};

export type RequestBucket = {
	/** Unix ms, start of the minute. */
	readonly start: number;
	readonly requests: number;
	readonly target5xx: number;
	readonly elb5xx: number;
	readonly notDispatched: number;
};

/** `sketch`: lbtop's bounded sketch (within 1% of the value); `athena`: Athena's approx_percentile. */
export type PercentileMethod = 'sketch' | 'athena';

export type RequestsView = {
	readonly precision: Precision;
	readonly percentiles: PercentileMethod;
	/** Unix ms: the time the entries cover. */
	readonly coverage?: {readonly start: number; readonly end: number};
	readonly dataThrough?: number;
	readonly entriesRead: number;
	readonly malformedEntries: number;
	readonly totals: RequestCounts;
	readonly targets: readonly TargetRequestStats[];
	/** Requests to targets past lbtop's cap on target rows: counted in `totals` only. */
	readonly untrackedRequests: number;
	readonly notDispatched: readonly NotDispatchedStats[];
	readonly timeline: readonly RequestBucket[];
	readonly tlsProtocols: TopCounts;
	/** The slowest requests (target_processing_time), slowest first. */
	readonly slowest: readonly RequestRecord[];
	/** The newest requests answered 5XX, newest first. */
	readonly failing: readonly RequestRecord[];
	readonly queriesShown: boolean;
};

export type TlsListenerStats = {
	readonly listener: string;
	readonly connections: number;
	readonly perMinute: number;
	/** tls_handshake_time, milliseconds. */
	readonly handshake: TimingSummary;
	/**
	 * The client sent a ClientHello (a certificate was chosen, or it sent an alert) but the
	 * negotiation did not complete: no protocol or cipher agreed.
	 */
	readonly failedHandshakes: number;
	/** Connections closed before any valid ClientHello: port scans, TCP probes. Not failures. */
	readonly withoutClientHello: number;
	/** Connections on TLS 1.0 or 1.1. */
	readonly oldProtocol: number;
	/** Alerts by name (`handshake_failure (40)`); close_notify excluded. */
	readonly alerts: TopCounts;
	readonly protocols: TopCounts;
	readonly ciphers: TopCounts;
	readonly sniNames: TopCounts;
	readonly firstSeen?: number;
	readonly lastSeen?: number;
	readonly firstFailure?: number;
	readonly lastFailure?: number;
};

export type TlsView = {
	readonly precision: Precision;
	readonly percentiles: PercentileMethod;
	readonly coverage?: {readonly start: number; readonly end: number};
	readonly dataThrough?: number;
	readonly entriesRead: number;
	readonly malformedEntries: number;
	readonly listeners: readonly TlsListenerStats[];
};

/** Where ELB writes a load balancer's logs: `s3://bucket/prefix/AWSLogs/<account>/elasticloadbalancing/<region>/`. */
export type LogDestination = {
	readonly bucket: string;
	/** Without leading or trailing slashes; empty when the logs are at the bucket's root. */
	readonly prefix: string;
	readonly location: string;
};

export type AccessLogGapKind =
	| 'access-logs-off'
	| 'connection-logs-off'
	| 'nlb-without-tls-listener'
	| 'no-access-logs-for-type'
	| 'bucket-unreadable'
	/** DescribeLoadBalancerAttributes was denied: where the logs go is unknown. */
	| 'attributes-unreadable';

export type AccessLogGap = {
	readonly kind: AccessLogGapKind;
	/** One sentence: what is missing and what it means for what lbtop shows. */
	readonly message: string;
	/** The attributes to set, when the fix is one (lbtop itself never writes). */
	readonly attributes?: readonly string[];
	/** The AWS CLI command the user would run to fix it. */
	readonly command?: string;
};

/** How lbtop reads the access logs: where `requests`/`tls` come from, and how fresh they are. */
export type AccessLogReads = {
	/** `objects`: from the objects lbtop read itself; `athena`: through Athena's table `table`. */
	readonly basis: 'objects' | 'athena';
	/** `db.table` when there is one (used only when the objects read cannot cover the window). */
	readonly table?: string;
	/** Status, fetchedAt, dataThrough (the newest interval end read), error, retryAt, note. */
	readonly state: SourceState;
	/** Objects read so far, and listed in the window but not read (the read budget ran out). */
	readonly objectsRead: number;
	readonly objectsUnread: number;
};

/** What DescribeLoadBalancerAttributes says about the LB's logs. */
export type AccessLogsSetup = {
	readonly access?: LogDestination;
	/** ALB connection logs (TLS handshakes of every connection). */
	readonly connection?: LogDestination;
	readonly gaps: readonly AccessLogGap[];
	/** Absent until the access logs source has run. */
	readonly reads?: AccessLogReads;
};
