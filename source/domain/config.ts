// What the command line asked for, resolved into one value the engine and outputs share.
import {deliveryAllowanceSeconds} from './flows-window/settling.js';
import {maxMetricWindowMs, metricPeriodMs} from './metrics/metric-window.js';

export type OutputMode = 'interactive' | 'text' | 'json';

export type Config = {
	/** Load balancer name or ARN; absent in the TUI means "show the picker". */
	readonly target?: string;
	/** Absent: the SDK's own resolution (AWS_REGION, profile) decides. */
	readonly region?: string;
	readonly profile?: string;
	readonly endpointUrl?: string;
	readonly windowMs: number;
	readonly refreshMs: number;
	/** `--log-group`: overrides flow-log discovery. */
	readonly logGroups: readonly string[];
	/**
	 * `--logs-profile`: the profile that reads the flow logs (S3, Athena, Glue, CloudWatch Logs)
	 * when they live in another account, a log archive or a monitoring account.
	 */
	readonly logsProfile?: string;
	/** `--athena-table db.table`: the table over the flow logs in S3, instead of the Glue lookup. */
	readonly athenaTable?: {readonly database: string; readonly table: string};
	/** `--athena-workgroup`: `primary` when absent. */
	readonly athenaWorkgroup?: string;
	readonly output: OutputMode;
	readonly color: boolean;
	readonly ascii: boolean;
	readonly recordPath?: string;
};

export const defaultWindowMs = 15 * 60_000;
/**
 * The shortest window the sources can fill: flow logs reach CloudWatch Logs about five minutes
 * after the traffic, and ELB publishes a metric datapoint per 60-second period. A shorter window
 * would hold no flow records at all and read as "all clear" whatever is happening.
 */
export const minimumWindowMs = Math.max(deliveryAllowanceSeconds * 1000, metricPeriodMs);
export const maximumWindowMs = maxMetricWindowMs;
export const defaultRefreshMs = 10_000;
export const minimumRefreshMs = 2_000;
