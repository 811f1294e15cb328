// `lbtop --demo` in a real terminal (tmux), for the end-to-end tests: started in a private
// temporary directory (where `y` saves its summary), without the user's AWS configuration.
import {mkdtemp, rm} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import process from 'node:process';
import {expect} from 'vitest';
import {cliPath} from '../cli/run-cli.js';
import {startInTerminal, type TerminalSession} from '../helpers/terminal.js';

export type DemoSession = {
	readonly terminal: TerminalSession;
	/** The session's TMPDIR. */
	readonly directory: string;
	close(): Promise<void>;
};

/** Resolves once the demo's first metrics are on screen. */
export async function startDemo(
	columns: number,
	rows: number,
	env: Readonly<Record<string, string>> = {},
	args: readonly string[] = ['--demo'],
): Promise<DemoSession> {
	const directory = await mkdtemp(join(tmpdir(), 'lbtop-demo-e2e-'));
	const terminal = await startInTerminal({
		command: [process.execPath, cliPath, ...args],
		columns,
		rows,
		cwd: process.cwd(),
		env: {
			TMPDIR: directory,
			AWS_CONFIG_FILE: '/dev/null',
			AWS_SHARED_CREDENTIALS_FILE: '/dev/null',
			...env,
		},
	});
	const session = {
		terminal,
		directory,
		async close() {
			await terminal.close();
			await rm(directory, {recursive: true, force: true});
		},
	};
	try {
		// The demo world has history behind it: flows and metrics arrive on the first refresh.
		await terminal.waitFor(/lbtop demo-nlb NLB internet-facing/, 30_000);
		await terminal.waitFor(/metrics (through|lag)/, 30_000);
	} catch (error) {
		await session.close();
		throw error;
	}
	return session;
}

export function assertFits(screen: string, columns: number, rows: number): void {
	const lines = screen.split('\n');
	expect(lines.length).toBeLessThanOrEqual(rows);
	for (const line of lines) {
		expect([...line].length).toBeLessThanOrEqual(columns);
	}
}
