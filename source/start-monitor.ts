// Picks how to show the load balancer: the live TUI, or one snapshot printed for pipes and scripts.
import process from 'node:process';
import type {AwsSettings, StaticCredentials} from './aws/clients.js';
import type {Config} from './domain/config.js';

export type Connection = {
	readonly endpointUrl?: string;
	readonly credentials?: StaticCredentials;
	readonly region?: string;
};

function awsSettings(config: Config, connection: Connection): AwsSettings {
	const region = config.region ?? connection.region;
	const endpointUrl = config.endpointUrl ?? connection.endpointUrl;
	return {
		...(region === undefined ? {} : {region}),
		...(config.profile === undefined ? {} : {profile: config.profile}),
		...(endpointUrl === undefined ? {} : {endpointUrl}),
		...(connection.credentials === undefined ? {} : {credentials: connection.credentials}),
	};
}

/** Resolves to the process exit code. */
export async function startMonitor(config: Config, connection: Connection): Promise<number> {
	const aws = awsSettings(config, connection);
	const region =
		aws.region ?? process.env.AWS_REGION ?? process.env.AWS_DEFAULT_REGION ?? '(profile region)';
	if (config.output !== 'interactive') {
		const {runOnce} = await import('./report/run-once.js');
		const result = await runOnce(config, aws, region);
		process.stdout.write(result.output);
		if (result.problem) {
			process.stderr.write(`lbtop: ${result.problem}\n`);
		}
		return result.exitCode;
	}
	const {runMonitorApp} = await import('./ui/monitor.js');
	return runMonitorApp(config, aws, region);
}
