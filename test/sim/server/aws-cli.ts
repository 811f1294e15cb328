// Runs Debian's AWS CLI v2 (/usr/bin/aws; an older v1 may be first on PATH) against the sim.
// CLI v2.9 predates AWS_ENDPOINT_URL, so the endpoint also goes in as --endpoint-url.
// A missing CLI makes the calling test fail: these tests pin what a person running the CLI sees.
import {execFile} from 'node:child_process';

export const awsCliPath = '/usr/bin/aws';

export type CliResult = {
	readonly exitCode: number;
	readonly stdout: string;
	readonly stderr: string;
};

function cliEnvironment(url: string): NodeJS.ProcessEnv {
	const environment: NodeJS.ProcessEnv = {};
	for (const [key, value] of Object.entries(process.env)) {
		if (!key.startsWith('AWS_')) {
			environment[key] = value;
		}
	}
	return {
		...environment,
		AWS_ACCESS_KEY_ID: 'test',
		AWS_SECRET_ACCESS_KEY: 'test',
		AWS_DEFAULT_REGION: 'us-east-1',
		AWS_ENDPOINT_URL: url,
		AWS_CONFIG_FILE: '/dev/null',
		AWS_SHARED_CREDENTIALS_FILE: '/dev/null',
		AWS_EC2_METADATA_DISABLED: 'true',
		AWS_PAGER: '',
		AWS_MAX_ATTEMPTS: '1',
	};
}

export function runAwsCli(url: string, args: readonly string[]): Promise<CliResult> {
	return new Promise((resolve, reject) => {
		execFile(
			awsCliPath,
			[...args, '--endpoint-url', url, '--output', 'json', '--no-cli-pager'],
			{env: cliEnvironment(url), timeout: 60_000},
			(error, stdout, stderr) => {
				if (error !== null && typeof error.code !== 'number') {
					reject(new Error(`could not run ${awsCliPath}: ${error.message}`));
					return;
				}
				resolve({exitCode: error === null ? 0 : Number(error.code), stdout, stderr});
			},
		);
	});
}

/** Runs the CLI, expects success and returns its parsed JSON output. */
export async function awsJson(url: string, args: readonly string[]): Promise<unknown> {
	const result = await runAwsCli(url, args);
	if (result.exitCode !== 0) {
		throw new Error(`aws ${args.join(' ')} exited ${result.exitCode}: ${result.stderr}`);
	}
	return result.stdout.trim() === '' ? {} : JSON.parse(result.stdout);
}
