// Flags and environment -> Config, or the one line that tells the user what is wrong (exit code 2).
import {
	type Config,
	defaultRefreshMs,
	defaultWindowMs,
	minimumRefreshMs,
	type OutputMode,
} from './config.js';
import {parseDuration} from './duration.js';
import {isLoadBalancerName, looksLikeArn, parseLoadBalancerArn} from './load-balancer-arn.js';

export type MonitorFlags = {
	readonly region?: string | undefined;
	readonly profile?: string | undefined;
	readonly endpointUrl?: string | undefined;
	readonly window?: string | undefined;
	readonly refresh?: string | undefined;
	readonly logGroup: readonly string[];
	readonly once: boolean;
	readonly json: boolean;
	readonly demo: boolean;
	readonly color: boolean;
	readonly ascii: boolean;
	readonly record?: string | undefined;
	readonly logsProfile?: string | undefined;
	readonly athenaTable?: string | undefined;
	readonly athenaWorkgroup?: string | undefined;
	/** `--flow-logs s3`: the demo's flow logs go to S3 (demo only). */
	readonly flowLogs?: string | undefined;
};

export type Terminal = {
	readonly interactive: boolean;
	readonly noColorEnv: boolean;
	readonly utf8: boolean;
};

export type ConfigResult =
	| {readonly ok: true; readonly config: Config}
	| {readonly ok: false; readonly message: string};

export const demoLoadBalancerName = 'demo-nlb';

function checkTarget(target: string | undefined): string | undefined {
	if (target === undefined) {
		return undefined;
	}
	if (looksLikeArn(target)) {
		return parseLoadBalancerArn(target)
			? undefined
			: `"${target}" is not a load balancer ARN (arn:aws:elasticloadbalancing:<region>:<account>:loadbalancer/net|app|gwy/<name>/<id>)`;
	}
	return isLoadBalancerName(target)
		? undefined
		: `"${target}" is not a load balancer name (1-32 letters, digits or hyphens) or ARN`;
}

function duration(name: string, text: string | undefined, fallback: number): number | string {
	if (text === undefined) {
		return fallback;
	}
	return parseDuration(text) ?? `--${name} "${text}" is not a duration (try 90s, 15m, 1h)`;
}

function outputMode(flags: MonitorFlags, terminal: Terminal): OutputMode {
	if (flags.json) {
		return 'json';
	}
	return flags.once || !terminal.interactive ? 'text' : 'interactive';
}

export function configFromFlags(
	input: readonly string[],
	flags: MonitorFlags,
	terminal: Terminal,
): ConfigResult {
	if (input.length > 1) {
		return {
			ok: false,
			message: `expected one load balancer, got ${input.length}: ${input.join(' ')}`,
		};
	}
	if (flags.once && flags.json) {
		return {ok: false, message: '--once and --json both print one snapshot; choose one'};
	}
	const target = input[0] ?? (flags.demo ? demoLoadBalancerName : undefined);
	const targetProblem = checkTarget(target);
	if (targetProblem) {
		return {ok: false, message: targetProblem};
	}
	const mode = outputMode(flags, terminal);
	// At a terminal, no name means "let me pick from the region's load balancers".
	if (target === undefined && mode !== 'interactive') {
		return {
			ok: false,
			message: 'name a load balancer (lbtop my-nlb, or its ARN), or try the demo: lbtop --demo',
		};
	}
	const windowMs = duration('window', flags.window, defaultWindowMs);
	if (typeof windowMs === 'string') {
		return {ok: false, message: windowMs};
	}
	if (windowMs > 3 * 3_600_000) {
		return {ok: false, message: `--window ${flags.window} is longer than 3h, the most lbtop keeps`};
	}
	const refreshMs = duration('refresh', flags.refresh, defaultRefreshMs);
	if (typeof refreshMs === 'string') {
		return {ok: false, message: refreshMs};
	}
	if (refreshMs < minimumRefreshMs) {
		return {
			ok: false,
			message: `--refresh ${flags.refresh} is shorter than 2s; AWS rate limits would throttle it`,
		};
	}
	if (flags.endpointUrl !== undefined && !/^https?:\/\/[^\s]+$/.test(flags.endpointUrl)) {
		return {ok: false, message: `--endpoint-url "${flags.endpointUrl}" is not an http(s) URL`};
	}
	const dataLake = dataLakeFlags(flags);
	if (typeof dataLake === 'string') {
		return {ok: false, message: dataLake};
	}
	return {
		ok: true,
		config: {
			...(target === undefined ? {} : {target}),
			...(flags.region ? {region: flags.region} : {}),
			...(flags.profile ? {profile: flags.profile} : {}),
			...(flags.endpointUrl ? {endpointUrl: flags.endpointUrl} : {}),
			windowMs,
			refreshMs,
			logGroups: flags.logGroup,
			output: mode,
			color: flags.color && !terminal.noColorEnv,
			ascii: flags.ascii || !terminal.utf8,
			...(flags.record ? {recordPath: flags.record} : {}),
			...dataLake,
		},
	};
}

type DataLakeConfig = Pick<Config, 'logsProfile' | 'athenaTable' | 'athenaWorkgroup'>;

/** `--logs-profile`, `--athena-table db.table`, `--athena-workgroup`, `--flow-logs s3`. */
function dataLakeFlags(flags: MonitorFlags): DataLakeConfig | string {
	const table = flags.athenaTable?.trim();
	const parts = table === undefined ? undefined : /^([A-Za-z0-9_]+)\.([A-Za-z0-9_]+)$/.exec(table);
	if (table !== undefined && (parts?.[1] === undefined || parts[2] === undefined)) {
		return `--athena-table "${table}" is not database.table (letters, digits and underscores)`;
	}
	const workgroup = flags.athenaWorkgroup;
	if (workgroup !== undefined && !/^[A-Za-z0-9._-]{1,128}$/.test(workgroup)) {
		return `--athena-workgroup "${workgroup}" is not a workgroup name (letters, digits, . _ -)`;
	}
	if (flags.flowLogs !== undefined) {
		if (!flags.demo) {
			return '--flow-logs chooses where the demo world delivers its flow logs: use it with --demo';
		}
		if (flags.flowLogs !== 's3' && flags.flowLogs !== 'cloudwatch-logs') {
			return `--flow-logs "${flags.flowLogs}" is not s3 or cloudwatch-logs`;
		}
	}
	return {
		...(flags.logsProfile ? {logsProfile: flags.logsProfile} : {}),
		...(parts?.[1] === undefined || parts[2] === undefined
			? {}
			: {athenaTable: {database: parts[1].toLowerCase(), table: parts[2].toLowerCase()}}),
		...(workgroup ? {athenaWorkgroup: workgroup} : {}),
	};
}
