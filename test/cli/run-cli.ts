// Runs the built lbtop (dist/bin/lbtop.js, the bundle) as a user would, without a terminal.
import {execFile} from 'node:child_process';
import {fileURLToPath} from 'node:url';

export const cliPath = fileURLToPath(new URL('../../dist/bin/lbtop.js', import.meta.url));

export type CliResult = {readonly code: number; readonly stdout: string; readonly stderr: string};

export function runCli(args: readonly string[], env: NodeJS.ProcessEnv = {}): Promise<CliResult> {
	return new Promise((resolve) => {
		execFile(
			process.execPath,
			[cliPath, ...args],
			{
				env: {
					PATH: process.env.PATH ?? '',
					HOME: process.env.HOME ?? '/tmp',
					// The zone the test's own expectations are written in (the machine's, when unset).
					...(process.env.TZ === undefined ? {} : {TZ: process.env.TZ}),
					// No real AWS configuration may leak into a test run.
					AWS_CONFIG_FILE: '/dev/null',
					AWS_SHARED_CREDENTIALS_FILE: '/dev/null',
					AWS_EC2_METADATA_DISABLED: 'true',
					...env,
				},
				timeout: 60_000,
				// A --json snapshot of a busy load balancer runs to megabytes.
				maxBuffer: 256 * 1024 * 1024,
			},
			(error, stdout, stderr) => {
				const code = error && typeof error.code === 'number' ? error.code : error ? 1 : 0;
				resolve({code, stdout, stderr});
			},
		);
	});
}
