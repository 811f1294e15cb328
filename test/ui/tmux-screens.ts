// Shows byte streams on a real terminal emulator (tmux, each stream in a window of its own) and
// reads back what each screen shows, styles included, in tmux's own canonical form.
import {execFile} from 'node:child_process';
import {randomUUID} from 'node:crypto';
import {mkdtemp, rm, writeFile} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import process from 'node:process';
import {promisify} from 'node:util';

const run = promisify(execFile);

export type ScreenSize = {readonly columns: number; readonly rows: number};

const doneMark = 'END-OF-STREAM';
const pollMs = 25;
const timeoutMs = 10_000;

/** Each stream's screen, one string per row with its SGR styles, once tmux has drawn it all. */
export async function tmuxScreens(
	streams: readonly string[],
	size: ScreenSize,
): Promise<string[][]> {
	const folder = await mkdtemp(join(tmpdir(), 'lbtop-row-diff-'));
	const socket = join(folder, 'tmux.sock');
	const session = `screens-${randomUUID().slice(0, 8)}`;
	const env: NodeJS.ProcessEnv = {...process.env, LANG: 'C.UTF-8', TERM: 'xterm-256color'};
	delete env.TMUX;
	const tmux = async (...args: string[]) =>
		(await run('tmux', ['-u', '-S', socket, '-f', '/dev/null', ...args], {env})).stdout;
	try {
		const windows: string[] = [];
		for (const [index, stream] of streams.entries()) {
			const file = join(folder, `stream-${index}`);
			await writeFile(file, `${stream}\u001B[${size.rows};1H${doneMark}`);
			const show = ['sh', '-c', 'cat "$1"; exec sleep 600', 'sh', file];
			const size_ = ['-x', String(size.columns), '-y', String(size.rows)];
			if (index === 0) {
				await tmux('new-session', '-d', '-s', session, ...size_, '--', ...show);
			} else {
				await tmux('new-window', '-t', session, '--', ...show);
			}
			windows.push(`${session}:${index}`);
		}
		return await Promise.all(windows.map(async (window) => readWhenDone(tmux, window)));
	} finally {
		await tmux('kill-server').catch(() => undefined);
		await rm(folder, {recursive: true, force: true});
	}
}

async function readWhenDone(
	tmux: (...args: string[]) => Promise<string>,
	window: string,
): Promise<string[]> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const lines = (await tmux('capture-pane', '-p', '-e', '-N', '-t', window)).split('\n');
		if (lines.some((line) => line.includes(doneMark))) {
			return lines;
		}
		if (Date.now() > deadline) {
			throw new Error(`tmux window ${window} did not finish drawing:\n${lines.join('\n')}`);
		}
		await new Promise((resolve) => {
			setTimeout(resolve, pollMs);
		});
	}
}
