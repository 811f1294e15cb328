// `lbtop sim --scenario` in a process of its own, as a user starts it next to lbtop: the built CLI,
// on a port of its own, stopped with Ctrl-C (SIGINT) as the user would.
import {type ChildProcess, spawn} from 'node:child_process';
import process from 'node:process';
import {cliPath} from '../cli/run-cli.js';

export type SimProcess = {
	readonly url: string;
	readonly region: string;
	stop(): Promise<void>;
};

/** Starts the sim on `scenarioPath`; `prefix` runs it under another command (e.g. faketime). */
export async function startSimProcess(
	scenarioPath: string,
	prefix: readonly string[] = [],
): Promise<SimProcess> {
	const [command = process.execPath, ...rest] = [...prefix, process.execPath];
	const child = spawn(
		command,
		[...rest, cliPath, 'sim', '--scenario', scenarioPath, '--port', '0'],
		{
			env: {...process.env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true'},
			stdio: ['ignore', 'pipe', 'pipe'],
		},
	);
	const endpoint = await waitForEndpoint(child);
	return {
		...endpoint,
		async stop() {
			if (child.exitCode !== null || child.signalCode !== null) return;
			const exited = new Promise((resolve) => child.once('exit', resolve));
			child.kill('SIGINT');
			await exited;
		},
	};
}

function waitForEndpoint(child: ChildProcess): Promise<{url: string; region: string}> {
	return new Promise((resolve, reject) => {
		let output = '';
		child.stdout?.on('data', (chunk: Buffer) => {
			output += chunk.toString('utf8');
			const found =
				/serving scenario .* at (http:\/\/127\.0\.0\.1:\d+) \(region ([a-z0-9-]+)\)/.exec(output);
			if (found?.[1] && found[2]) {
				resolve({url: found[1], region: found[2]});
			}
		});
		child.once('exit', (code) => reject(new Error(`lbtop sim exited early (${code}): ${output}`)));
	});
}
