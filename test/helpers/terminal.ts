// Runs a command in a real terminal (a detached tmux session on its own server) and reads the
// screen back, for end-to-end tests of what a user sees: alternate screen, keys, resize, restore.
import {execFile} from 'node:child_process';
import {randomUUID} from 'node:crypto';
import {readFile, rm} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import process from 'node:process';
import {promisify} from 'node:util';

const run = promisify(execFile);

export type TerminalOptions = {
	readonly command: readonly string[];
	readonly columns?: number;
	readonly rows?: number;
	readonly env?: Readonly<Record<string, string>>;
	readonly cwd?: string;
};

export type TerminalSession = {
	/** The visible screen, one line per row, trailing blanks trimmed. */
	screen(): Promise<string>;
	/** The main screen's scrollback and visible rows (tmux scrolls a dead pane into history). */
	history(): Promise<string>;
	/** Resolves with the first screen that contains `text` (or matches it); rejects on timeout. */
	waitFor(
		text: string | RegExp | ((screen: string) => boolean),
		timeoutMs?: number,
	): Promise<string>;
	/** Sends raw bytes as typed: letters, or sequences such as `keys.up` from render.tsx. */
	send(keys: string): Promise<void>;
	resize(columns: number, rows: number): Promise<void>;
	/** Whether the program has the alternate screen up. */
	alternateScreen(): Promise<boolean>;
	cursorVisible(): Promise<boolean>;
	/** Every byte the command wrote, escape sequences included. */
	rawOutput(): Promise<string>;
	/** The command's process id, for sending signals (Linux: read from /proc). */
	pid(): Promise<number>;
	/** Resolves with the exit status (128 + n when killed by signal n) once the command has ended. */
	waitForExit(timeoutMs?: number): Promise<number>;
	/** Stops the command and the tmux server. Safe to call twice. */
	close(): Promise<void>;
};

// Ink renders nothing interactive when it thinks it runs in CI, and a nested TMUX confuses tmux.
function cleanEnvironment(extra: Readonly<Record<string, string>>): NodeJS.ProcessEnv {
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
	return {...env, TERM: 'xterm-256color', ...extra};
}

const pollMs = 25;

/**
 * How long to poll what tmux shows once the command has ended: the exit status is written the
 * moment it ends, while tmux may not yet have taken in its last bytes or piped them to the output
 * file (vi.waitFor's options).
 */
export const settling = {timeout: 5000, interval: 50} as const;

async function poll<T>(
	read: () => Promise<T>,
	done: (value: T) => boolean,
	timeoutMs: number,
	describe: (last: T | undefined) => string,
): Promise<T> {
	const deadline = Date.now() + timeoutMs;
	let last: T | undefined;
	for (;;) {
		last = await read();
		if (done(last)) {
			return last;
		}
		if (Date.now() > deadline) {
			throw new Error(describe(last));
		}
		await new Promise((resolve) => {
			setTimeout(resolve, pollMs);
		});
	}
}

export async function startInTerminal(options: TerminalOptions): Promise<TerminalSession> {
	const name = `lbtop-test-${process.pid}-${randomUUID().slice(0, 8)}`;
	// A private server on a socket of its own (tmux -L would leave its socket behind on exit).
	const socket = join(tmpdir(), `${name}.sock`);
	const target = 'lbtop';
	const outputFile = join(tmpdir(), `${name}.out`);
	const statusFile = join(tmpdir(), `${name}.status`);
	const env = cleanEnvironment(options.env ?? {});
	const tmux = async (...args: string[]): Promise<string> => {
		const {stdout} = await run('tmux', ['-S', socket, ...args], {env, cwd: options.cwd});
		return stdout;
	};
	const display = async (format: string): Promise<string> =>
		(await tmux('display-message', '-p', '-t', target, format)).trim();
	const environment = Object.entries(options.env ?? {}).flatMap(([name, value]) => [
		'-e',
		`${name}=${value}`,
	]);
	// One tmux invocation: the server starts without the user's config, keeps the pane after the
	// command exits (so the restored screen and exit status can be read), runs the command and
	// records its output before the command (a Node process) can have written anything.
	await tmux(
		'-f',
		'/dev/null',
		'start-server',
		';',
		'set-option',
		'-g',
		'remain-on-exit',
		'on',
		';',
		'new-session',
		'-d',
		'-s',
		target,
		'-x',
		String(options.columns ?? 80),
		'-y',
		String(options.rows ?? 24),
		...environment,
		'--',
		// tmux now and then loses a dead pane's exit status; a shell around the command keeps it.
		'sh',
		'-c',
		'status_file=$1; shift; "$@"; echo $? > "$status_file"',
		'sh',
		statusFile,
		...options.command,
		';',
		'pipe-pane',
		'-o',
		'-t',
		target,
		`cat >> '${outputFile}'`,
	);
	let closed = false;
	const capture = async (...extra: string[]): Promise<string> => {
		const captured = await tmux('capture-pane', '-p', '-t', target, ...extra);
		return captured
			.split('\n')
			.map((line) => line.trimEnd())
			.join('\n')
			.trimEnd();
	};
	const screen = async (): Promise<string> => capture();
	return {
		screen,
		history: async () => capture('-S', '-'),
		async waitFor(text, timeoutMs = 10_000) {
			const found = (value: string) =>
				typeof text === 'string'
					? value.includes(text)
					: typeof text === 'function'
						? text(value)
						: text.test(value);
			return poll(
				screen,
				found,
				timeoutMs,
				(last) => `Screen did not show ${String(text)} within ${timeoutMs} ms:\n${last ?? ''}`,
			);
		},
		async send(keys) {
			const bytes = [...Buffer.from(keys, 'utf8')].map((byte) =>
				byte.toString(16).padStart(2, '0'),
			);
			if (bytes.length > 0) {
				await tmux('send-keys', '-t', target, '-H', ...bytes);
			}
		},
		async resize(columns, rows) {
			await tmux('resize-window', '-t', target, '-x', String(columns), '-y', String(rows));
		},
		async alternateScreen() {
			return (await display('#{alternate_on}')) === '1';
		},
		async cursorVisible() {
			return (await display('#{cursor_flag}')) === '1';
		},
		async rawOutput() {
			return readFile(outputFile, 'utf8').catch(() => '');
		},
		async pid() {
			const shell = await display('#{pane_pid}');
			const children = await poll(
				async () => readFile(`/proc/${shell}/task/${shell}/children`, 'utf8').catch(() => ''),
				(value) => value.trim() !== '',
				5000,
				() => `The command in pane process ${shell} did not start`,
			);
			return Number(children.trim().split(' ')[0]);
		},
		async waitForExit(timeoutMs = 10_000) {
			const status = await poll(
				async () => readFile(statusFile, 'utf8').catch(() => ''),
				(value) => value.endsWith('\n'),
				timeoutMs,
				() => `Command still running after ${timeoutMs} ms`,
			);
			return Number(status.trim());
		},
		async close() {
			if (closed) {
				return;
			}
			closed = true;
			await tmux('kill-server').catch(() => undefined);
			await Promise.all([socket, outputFile, statusFile].map((file) => rm(file, {force: true})));
		},
	};
}
