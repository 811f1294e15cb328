// `lbtop sim --scenario` in a process of its own, as a user starts it next to lbtop: the built CLI,
// on a port of its own, stopped with Ctrl-C (SIGINT) as the user would. Ctrl-C reaches the whole
// process group, as a terminal sends it: a wrapper such as faketime forks the sim and exits on
// SIGINT without passing it on, so signalling the wrapper alone left the sim running.
import {type ChildProcess, spawn} from 'node:child_process';
import {readdirSync, readFileSync} from 'node:fs';
import process from 'node:process';
import {cliPath} from '../cli/run-cli.js';

export type SimProcess = {
	readonly url: string;
	readonly region: string;
	/** The process started: the sim, or the wrapper that runs it. */
	readonly pid: number;
	stop(): Promise<void>;
};

/**
 * Whether a process of the group still runs (Linux: from /proc). An exited one may linger as a
 * zombie where nothing reaps orphans (PID 1 in a container): it counts as gone.
 */
function groupAlive(group: number): boolean {
	for (const entry of readdirSync('/proc')) {
		if (!/^\d+$/.test(entry)) continue;
		let stat: string;
		try {
			stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
		} catch {
			continue;
		}
		// pid (comm) state ppid pgrp ...: comm may hold spaces and parentheses, so read after the last ')'.
		const [state, , pgrp] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
		if (Number(pgrp) === group && state !== 'Z' && state !== 'X') {
			return true;
		}
	}
	return false;
}

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
			// A process group of its own, so that stop() reaches every process it holds.
			detached: true,
		},
	);
	const group = child.pid;
	if (group === undefined) {
		throw new Error('lbtop sim did not start');
	}
	const endpoint = await waitForEndpoint(child);
	return {
		...endpoint,
		pid: group,
		async stop() {
			if (!groupAlive(group)) return;
			process.kill(-group, 'SIGINT');
			// The sim ends its requests and exits; whatever is still there after 5 s is killed.
			const deadline = Date.now() + 5000;
			while (groupAlive(group) && Date.now() < deadline) {
				await new Promise((resolve) => setTimeout(resolve, 50));
			}
			if (groupAlive(group)) {
				process.kill(-group, 'SIGKILL');
			}
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
