// `lbtop sim` in its own process, as a user would start it, so what it costs is not counted
// against the process being measured.
import {spawn} from 'node:child_process';
import process from 'node:process';
import {cliCommand, pathWithThisNode} from './paths.js';

const [command = '', ...cliArguments] = cliCommand;

export type SimProcess = {
	readonly url: string;
	readonly pid: number | undefined;
	stop(): Promise<void>;
};

export async function startSimProcess(extraArguments: readonly string[] = []): Promise<SimProcess> {
	const child = spawn(command, [...cliArguments, 'sim', '--port', '0', ...extraArguments], {
		stdio: ['ignore', 'pipe', 'pipe'],
		env: {...process.env, PATH: pathWithThisNode()},
	});
	const exited = new Promise<void>((resolve) => {
		child.once('exit', () => resolve());
	});
	const url = await new Promise<string>((resolve, reject) => {
		let seen = '';
		const timer = setTimeout(() => reject(new Error(`lbtop sim did not start: ${seen}`)), 30_000);
		child.stdout.setEncoding('utf8');
		child.stdout.on('data', (chunk: string) => {
			seen += chunk;
			const match = /serving .* at (http:\/\/\S+?)[ ,(]/.exec(seen);
			if (match?.[1] !== undefined) {
				clearTimeout(timer);
				resolve(match[1]);
			}
		});
		child.stderr.setEncoding('utf8');
		child.stderr.on('data', (chunk: string) => {
			seen += chunk;
		});
		child.once('exit', (code) => {
			clearTimeout(timer);
			reject(new Error(`lbtop sim exited with ${code}: ${seen}`));
		});
		child.once('error', (error) => {
			clearTimeout(timer);
			reject(new Error(`lbtop sim did not start (${command}): ${error.message}`));
		});
	});
	return {
		url,
		pid: child.pid,
		async stop() {
			if (child.exitCode === null && child.signalCode === null) {
				child.kill('SIGTERM');
			}

			await exited;
		},
	};
}
