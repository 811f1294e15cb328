// What the command line asked for, resolved into one value the engine and outputs share.

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
	readonly output: OutputMode;
	readonly color: boolean;
	readonly ascii: boolean;
	readonly recordPath?: string;
};

export const defaultWindowMs = 15 * 60_000;
export const defaultRefreshMs = 10_000;
export const minimumRefreshMs = 2_000;
