// Runs a command in a real pseudo-terminal (util-linux `script`) and hands back every byte it
// writes, timestamped as it arrives: what a user's terminal, or an SSH link, would carry.
import {type ChildProcessWithoutNullStreams, spawn} from 'node:child_process';
import {existsSync} from 'node:fs';
import {performance} from 'node:perf_hooks';
import process from 'node:process';
import {pathWithThisNode} from './paths.js';

export const ptyTool = '/usr/bin/script';

export function ptyAvailable(): boolean {
	return existsSync(ptyTool);
}

export type Chunk = {readonly at: number; readonly text: string; readonly bytes: number};

export type PtySession = {
	/** performance.now() just before the pseudo-terminal was asked for. */
	readonly spawnedAt: number;
	readonly chunks: Chunk[];
	readonly pid: number | undefined;
	text(): string;
	bytes(): number;
	/** Resolves with the time the output first satisfies `done`; rejects after `timeoutMs`. */
	waitFor(done: (text: string) => boolean, timeoutMs: number): Promise<number>;
	type(keys: string): void;
	/** Resolves once the command has ended, asking it to with SIGTERM after `graceMs`. */
	stop(graceMs?: number): Promise<void>;
};

export type PtyOptions = {
	readonly columns: number;
	readonly rows: number;
	readonly env?: Readonly<Record<string, string>>;
	readonly cwd?: string;
};

const quote = (word: string) => `'${word.replaceAll("'", "'\\''")}'`;

/** Ink draws nothing interactive when it believes it runs in CI; a user's terminal is not CI. */
export function terminalEnvironment(
	extra: Readonly<Record<string, string>> = {},
): NodeJS.ProcessEnv {
	const env: NodeJS.ProcessEnv = {};
	for (const [name, value] of Object.entries(process.env)) {
		if (
			name === 'CI' ||
			name === 'CONTINUOUS_INTEGRATION' ||
			name.startsWith('CI_') ||
			name === 'TMUX'
		) {
			continue;
		}

		env[name] = value;
	}

	return {
		...env,
		PATH: pathWithThisNode(env.PATH),
		TERM: 'xterm-256color',
		LANG: 'C.UTF-8',
		...extra,
	};
}

export function startInPty(command: readonly string[], options: PtyOptions): PtySession {
	const shell = `stty cols ${options.columns} rows ${options.rows}; exec ${command.map(quote).join(' ')}`;
	const spawnedAt = performance.now();
	const child: ChildProcessWithoutNullStreams = spawn(ptyTool, ['-qfec', shell, '/dev/null'], {
		env: terminalEnvironment(options.env),
		...(options.cwd === undefined ? {} : {cwd: options.cwd}),
		stdio: ['pipe', 'pipe', 'pipe'],
	});
	const chunks: Chunk[] = [];
	let text = '';
	let bytes = 0;
	const waiters = new Set<() => void>();
	child.stdout.on('data', (data: Buffer) => {
		const decoded = data.toString('utf8');
		chunks.push({at: performance.now(), text: decoded, bytes: data.byteLength});
		text += decoded;
		bytes += data.byteLength;
		for (const waiter of [...waiters]) {
			waiter();
		}
	});
	child.stderr.resume();
	const exited = new Promise<void>((resolve) => {
		child.once('exit', () => resolve());
	});

	return {
		spawnedAt,
		chunks,
		pid: child.pid,
		text: () => text,
		bytes: () => bytes,
		waitFor(done, timeoutMs) {
			return new Promise((resolve, reject) => {
				const check = () => {
					if (done(text)) {
						waiters.delete(check);
						clearTimeout(timer);
						resolve(chunks.at(-1)?.at ?? performance.now());
					}
				};
				const timer = setTimeout(() => {
					waiters.delete(check);
					reject(new Error(`no such output within ${timeoutMs} ms`));
				}, timeoutMs);
				waiters.add(check);
				check();
			});
		},
		type(keys) {
			child.stdin.write(keys);
		},
		async stop(graceMs = 3000) {
			if (child.exitCode !== null || child.signalCode !== null) {
				return;
			}

			const timer = setTimeout(() => child.kill('SIGTERM'), graceMs);
			await exited;
			clearTimeout(timer);
		},
	};
}

const ansi = /\u001B(?:\[[0-?]*[ -/]*[@-~]|\][^\u0007]*\u0007|[()][A-Z0-9]|[=>NOM78])/g;

export function stripAnsi(text: string): string {
	return text.replace(ansi, '');
}
