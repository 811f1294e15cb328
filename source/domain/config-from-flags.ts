// Flags and environment -> Config, or the one line that tells the user what is wrong (exit code 2).
import {
	type Config,
	defaultRefreshMs,
	defaultWindowMs,
	maximumWindowMs,
	minimumRefreshMs,
	minimumWindowMs,
	type OutputMode,
} from './config.js';
import {formatDuration, parseDuration} from './duration.js';
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

/** What the environment says that decides the config (the region the SDK would use). */
export type AwsEnvironment = {
	/** `AWS_REGION`. */
	readonly region?: string | undefined;
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

type DurationFlag = {
	readonly name: 'window' | 'refresh';
	readonly fallback: number;
	/** What the flag accepts, for the message when it gets something else. */
	readonly allowed: string;
};

const windowFlag: DurationFlag = {
	name: 'window',
	fallback: defaultWindowMs,
	allowed: `${formatDuration(minimumWindowMs)} to ${formatDuration(maximumWindowMs)}, e.g. 15m or 1h`,
};
const refreshFlag: DurationFlag = {
	name: 'refresh',
	fallback: defaultRefreshMs,
	allowed: `${formatDuration(minimumRefreshMs)} or more, e.g. 10s or 1m`,
};

function duration(flag: DurationFlag, text: string | undefined): number | string {
	if (text === undefined) {
		return flag.fallback;
	}
	const parsed = parseDuration(text);
	if (parsed !== undefined) {
		return parsed;
	}
	const what = /^\s*-/.test(text)
		? 'cannot be negative'
		: 'is not a duration (a number and a unit: ms, s, m, h, d)';
	return `--${flag.name} "${text}" ${what}; it takes ${flag.allowed}`;
}

function windowProblem(windowMs: number, text: string | undefined): string | undefined {
	if (windowMs > maximumWindowMs) {
		return `--window ${text} is longer than ${formatDuration(maximumWindowMs)}, the most lbtop keeps; it takes ${windowFlag.allowed}`;
	}
	if (windowMs < minimumWindowMs) {
		return `--window ${text} is shorter than ${formatDuration(minimumWindowMs)}: flow logs reach CloudWatch Logs about ${formatDuration(minimumWindowMs)} after the traffic, so a shorter window holds none of it and would read as all clear; it takes ${windowFlag.allowed}`;
	}
	return undefined;
}

type RegionChoice = {readonly region?: string} | {readonly problem: string};

/**
 * A load balancer lives in its ARN's region: that region applies when neither `--region` nor
 * AWS_REGION names one, and a different one named there is refused rather than searched in vain.
 */
function regionFor(
	target: string | undefined,
	flagRegion: string | undefined,
	environment: AwsEnvironment,
): RegionChoice {
	const arnRegion =
		target !== undefined && looksLikeArn(target) ? parseLoadBalancerArn(target)?.region : undefined;
	const flag = flagRegion === undefined || flagRegion === '' ? undefined : flagRegion;
	const variable =
		environment.region === undefined || environment.region === '' ? undefined : environment.region;
	if (arnRegion === undefined) {
		return flag === undefined ? {} : {region: flag};
	}
	const named =
		flag === undefined
			? variable === undefined
				? undefined
				: {how: 'AWS_REGION', region: variable}
			: {how: '--region', region: flag};
	if (named !== undefined && named.region !== arnRegion) {
		return {
			problem: `the load balancer's ARN is in ${arnRegion} but ${named.how} is ${named.region}; a load balancer is only found in its own region: use --region ${arnRegion} or drop ${named.how}`,
		};
	}
	return {region: flag ?? arnRegion};
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
	environment: AwsEnvironment = {},
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
	const windowMs = duration(windowFlag, flags.window);
	if (typeof windowMs === 'string') {
		return {ok: false, message: windowMs};
	}
	const tooShortOrLong = windowProblem(windowMs, flags.window);
	if (tooShortOrLong !== undefined) {
		return {ok: false, message: tooShortOrLong};
	}
	const refreshMs = duration(refreshFlag, flags.refresh);
	if (typeof refreshMs === 'string') {
		return {ok: false, message: refreshMs};
	}
	if (refreshMs < minimumRefreshMs) {
		return {
			ok: false,
			message: `--refresh ${flags.refresh} is shorter than 2s; AWS rate limits would throttle it`,
		};
	}
	const region = regionFor(target, flags.region, environment);
	if ('problem' in region) {
		return {ok: false, message: region.problem};
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
			...region,
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
