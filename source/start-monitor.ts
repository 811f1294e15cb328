// Picks how to show the load balancer: the live TUI, or one snapshot printed for pipes and
// scripts; and the same two for a recording (`lbtop replay`).
import process from 'node:process';
import type {AwsSettings, StaticCredentials} from './aws/clients.js';
import type {Config} from './domain/config.js';
import type {ReplayConfig} from './domain/replay-config.js';

export type Connection = {
	readonly endpointUrl?: string;
	readonly credentials?: StaticCredentials;
	readonly region?: string;
};

export function awsSettings(config: Config, connection: Connection): AwsSettings {
	const region = config.region ?? connection.region;
	const endpointUrl = config.endpointUrl ?? connection.endpointUrl;
	return {
		...(region === undefined ? {} : {region}),
		...(config.profile === undefined ? {} : {profile: config.profile}),
		...(config.logsProfile === undefined ? {} : {logsProfile: config.logsProfile}),
		...(endpointUrl === undefined ? {} : {endpointUrl}),
		...(connection.credentials === undefined ? {} : {credentials: connection.credentials}),
	};
}

function tell(lines: readonly string[]): void {
	for (const line of lines) {
		process.stderr.write(`lbtop: ${line}\n`);
	}
}

function reason(error: unknown): string {
	return error instanceof Error ? error.message : String(error);
}

/** `--once`/`--json` with `--record`: the one snapshot printed is the one recorded. */
async function printOnceRecorded(
	config: Config & {readonly recordPath: string},
	aws: AwsSettings,
	region: string,
): Promise<number> {
	const {runOnce} = await import('./report/run-once.js');
	const {parseSnapshotJson} = await import('./report/replay-file.js');
	const {textSummary} = await import('./report/text-summary.js');
	const {checkRecordable, startRecorder} = await import('./live/recorder.js');
	try {
		await checkRecordable(config.recordPath);
	} catch (error) {
		tell([`cannot record to ${config.recordPath}: ${reason(error)}`]);
		return 1;
	}
	const result = await runOnce({...config, output: 'json'}, aws, region);
	if (result.exitCode === 1) {
		tell([result.problem]);
		return 1;
	}
	const snapshot = parseSnapshotJson(result.output);
	if (snapshot === undefined) {
		process.stdout.write(result.output);
		tell(['the snapshot could not be read back for recording']);
		return 1;
	}
	process.stdout.write(
		config.output === 'json' ? result.output : textSummary(snapshot, Date.now()),
	);
	try {
		const recorder = await startRecorder(
			{subscribe: () => () => undefined, getSnapshot: () => snapshot},
			config.recordPath,
		);
		const summary = await recorder.close();
		if (summary.error !== undefined) {
			tell([`cannot record to ${config.recordPath}: ${summary.error}`]);
			return 1;
		}
	} catch (error) {
		tell([`cannot record to ${config.recordPath}: ${reason(error)}`]);
		return 1;
	}
	return 0;
}

/**
 * Resolves to the process exit code. The connection may still be coming (the demo world is built
 * in-process): the full-screen UI draws its first frame meanwhile; printed snapshots wait for it.
 */
export async function startMonitor(
	config: Config,
	connecting: Connection | Promise<Connection>,
	knownRegion?: string,
): Promise<number> {
	// The demo (the one caller that knows its region) brings its own credentials: no profile is read.
	if (knownRegion === undefined) {
		const {profileProblem} = await import('./aws/profiles.js');
		const problem = await profileProblem(config.profile, process.env);
		if (problem !== undefined) {
			tell([problem]);
			return 1;
		}
	}
	// An empty variable names no region.
	const regionNow =
		config.region ||
		knownRegion ||
		process.env.AWS_REGION ||
		process.env.AWS_DEFAULT_REGION ||
		'(profile region)';
	if (config.output !== 'interactive') {
		const aws = awsSettings(config, await connecting);
		const region = aws.region ?? regionNow;
		if (config.recordPath !== undefined) {
			return printOnceRecorded({...config, recordPath: config.recordPath}, aws, region);
		}
		const {runOnce} = await import('./report/run-once.js');
		const result = await runOnce(config, aws, region);
		if (result.exitCode === 1) {
			tell([result.problem]);
			return 1;
		}
		process.stdout.write(result.output);
		return 0;
	}
	const {pickLoadBalancer, runMonitorApp} = await import('./ui/monitor.js');
	let chosen = config;
	if (config.target === undefined) {
		const picked = await pickLoadBalancer(awsSettings(config, await connecting), config.ascii);
		if (picked.problem !== undefined) {
			tell([`cannot list load balancers: ${picked.problem}`]);
			return 1;
		}
		if (picked.target === undefined) {
			return 0;
		}
		chosen = {...config, target: picked.target};
	}
	const aws = Promise.resolve(connecting).then((connection) => awsSettings(config, connection));
	const result = await runMonitorApp(chosen, aws, regionNow);
	tell(result.notes);
	return result.exitCode;
}

/** `lbtop replay FILE`: 0 shown, 1 the file cannot be read (or holds no snapshot). */
export async function startReplay(config: ReplayConfig): Promise<number> {
	const {readRecording, badLinesWarning} = await import('./report/replay-file.js');
	const read = await readRecording(config.path);
	if (!read.ok) {
		tell([read.message]);
		return 1;
	}
	const warning = badLinesWarning(config.path, read.recording);
	if (warning !== undefined) {
		tell([warning]);
	}
	if (config.output !== 'interactive') {
		const {replayOnceOutput} = await import('./report/replay-once.js');
		process.stdout.write(replayOnceOutput(read.recording, config));
		return 0;
	}
	const {runReplayApp} = await import('./ui/monitor.js');
	const result = await runReplayApp(config, read.recording);
	tell(result.notes);
	return result.exitCode;
}
