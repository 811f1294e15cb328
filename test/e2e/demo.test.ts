// The demo as a user meets it: `lbtop --demo` in a real terminal (tmux), driven key by key, at the
// sizes on-call engineers actually have (80x24 over SSH) and a large screen (200x50).
import {mkdtemp, rm} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import process from 'node:process';
import {afterEach, describe, expect, it, vi} from 'vitest';
import {cliPath} from '../cli/run-cli.js';
import {keys} from '../helpers/render.js';
import {startInTerminal, type TerminalSession} from '../helpers/terminal.js';

let session: TerminalSession | undefined;
let directory: string | undefined;

afterEach(async () => {
	await session?.close();
	session = undefined;
	if (directory) {
		await rm(directory, {recursive: true, force: true});
	}
});

async function startDemo(
	columns: number,
	rows: number,
	env: Readonly<Record<string, string>> = {},
): Promise<TerminalSession> {
	directory = await mkdtemp(join(tmpdir(), 'lbtop-demo-e2e-'));
	session = await startInTerminal({
		command: [process.execPath, cliPath, '--demo'],
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
	// The demo world has history behind it: flows and metrics arrive on the first refresh.
	await session.waitFor(/lbtop demo-nlb NLB internet-facing/, 30_000);
	await session.waitFor(/metrics (through|lag)/, 30_000);
	return session;
}

function assertFits(screen: string, columns: number, rows: number): void {
	const lines = screen.split('\n');
	expect(lines.length).toBeLessThanOrEqual(rows);
	for (const line of lines) {
		expect(line.length).toBeLessThanOrEqual(columns);
	}
}

describe('lbtop --demo at 80x24', () => {
	it('draws header, findings, tabs, help bar and status; each key does what the help says; q restores the terminal', async () => {
		const terminal = await startDemo(80, 24);
		let screen = await terminal.waitFor(/\[Metrics\]/);
		assertFits(screen, 80, 24);
		expect(screen).toMatch(/\? help\s+q quit/);
		expect(screen).toMatch(/\$\d+\.\d+ · \d+\.\d+ GB$/m);
		expect(await terminal.alternateScreen()).toBe(true);

		// Focus starts on the findings line (Enter on a finding is one key away); Tab enters the panes.
		await terminal.send(keys.tab);
		await terminal.send(keys.tab);
		screen = await terminal.waitFor(/\[Connections\]/);
		await terminal.waitFor(/flows through \d\d:\d\d:\d\dZ · lag/, 30_000);
		await terminal.send(keys.tab);
		await terminal.waitFor(/\[Accepted\]/);
		await terminal.send(keys.tab);
		await terminal.waitFor(/\[Rejected\]/);
		await terminal.send(keys.tab);
		await terminal.waitFor(/\[Changes\]/);
		await terminal.send(keys.shiftTab);
		await terminal.waitFor(/\[Rejected\]/);

		await terminal.send('?');
		screen = await terminal.waitFor(/Focus the next pane/);
		expect(screen).toMatch(/Pause|pause/);
		await terminal.send(keys.escape);
		await terminal.waitFor((text) => !text.includes('Focus the next pane'));

		await terminal.send('p');
		await terminal.waitFor(/PAUSED/);
		await terminal.send('p');
		screen = await terminal.waitFor((text) => !text.includes('PAUSED'));

		await terminal.send('t');
		await terminal.waitFor(/window 1h/);
		await terminal.send('t');
		await terminal.waitFor(/window 5m/);

		await terminal.send('z');
		await terminal.waitFor(/z restores/);
		await terminal.send('z');

		await terminal.send('/');
		await terminal.send('reject');
		await terminal.waitFor(/reject/);
		await terminal.send(keys.enter);
		await terminal.waitFor(/filter: reject ·/);
		// Esc clears the filter; wait for it, or ESC and the next key would read as Alt+key.
		await terminal.send(keys.escape);
		await terminal.waitFor((text) => !text.includes('filter: reject'));

		await terminal.send('y');
		await terminal.waitFor(/summary sent to the clipboard/);

		await terminal.send('q');
		expect(await terminal.waitForExit(15_000)).toBe(0);
		expect(await terminal.alternateScreen()).toBe(false);
		// What lbtop wrote last: the cursor shown again after it was hidden, the main screen back.
		// tmux's pipe to the output file can trail the screen by a moment on a loaded machine.
		await vi.waitFor(
			async () => {
				const output = await terminal.rawOutput();
				expect(output.lastIndexOf('\u001B[?25h')).toBeGreaterThan(
					output.lastIndexOf('\u001B[?25l'),
				);
				expect(output.lastIndexOf('\u001B[?1049l')).toBeGreaterThan(
					output.lastIndexOf('\u001B[?1049h'),
				);
			},
			{timeout: 5000, interval: 50},
		);
		// tmux wraps the path at 80 columns in its history.
		expect(await terminal.history()).toMatch(/saved to [\s\S]*lbtop-demo-nlb-/);
	}, 90_000);
});

describe('lbtop --demo at 80x24: moving, sorting, drilling down, time zones', () => {
	it('moves the selection, sorts, opens a connection, switches to local time and refreshes', async () => {
		const terminal = await startDemo(80, 24, {TZ: 'America/New_York'});
		// Away from UTC the header carries both clocks; the panes start in UTC.
		let screen = await terminal.waitFor(/\d\d:\d\d:\d\dZ {2}\d\d:\d\d:\d\d local/);
		expect(screen).toMatch(/window 15m \(\d\d:\d\d:\d\dZ-/);
		await terminal.send(keys.tab);
		await terminal.send(keys.tab);
		await terminal.waitFor(/\[Connections\]/);
		await terminal.waitFor(/flows through/, 30_000);

		await terminal.send('s');
		await terminal.waitFor(/sort: bytes/);
		for (const key of ['j', 'j', keys.down, 'k', keys.up, 'G', 'g', keys.pageDown, keys.pageUp]) {
			await terminal.send(key);
		}
		await terminal.send(keys.enter);
		screen = await terminal.waitFor(
			/exact pair|likely pair|ambiguous:|unpaired:|arriving:|health check:/,
		);
		assertFits(screen, 80, 24);
		await terminal.send(keys.escape);
		await terminal.waitFor(/\[Connections\]/);

		await terminal.send('u');
		screen = await terminal.waitFor(/window 15m \(\d\d:\d\d:\d\d-\d\d:\d\d:\d\d\)/);
		expect(screen).not.toMatch(/window 15m \(\d\d:\d\d:\d\dZ/);
		await terminal.send('u');
		await terminal.waitFor(/window 15m \(\d\d:\d\d:\d\dZ-/);

		await terminal.send('r');
		screen = await terminal.waitFor(/\[Connections\]/);
		assertFits(screen, 80, 24);
		await terminal.send('q');
		expect(await terminal.waitForExit(15_000)).toBe(0);
	});
});

describe('lbtop --demo at 200x50', () => {
	it('uses the room: every pane at once, nothing wider or taller than the screen; Ctrl-C quits cleanly', async () => {
		const terminal = await startDemo(200, 50);
		const screen = await terminal.waitFor((text) =>
			['Metrics', 'Connections', 'Accepted', 'Rejected', 'Changes'].every((title) =>
				text.includes(title),
			),
		);
		assertFits(screen, 200, 50);
		await terminal.send(keys.ctrlC);
		expect(await terminal.waitForExit(15_000)).toBe(0);
		expect(await terminal.alternateScreen()).toBe(false);
	});

	it('follows a resize down to 80x24 and back', async () => {
		const terminal = await startDemo(200, 50);
		await terminal.resize(80, 24);
		const small = await terminal.waitFor(/\[Metrics\]|\[Findings\]/);
		assertFits(small, 80, 24);
		await terminal.resize(200, 50);
		const large = await terminal.waitFor(
			(text) => text.includes('Connections') && !/\[Metrics\]/.test(text),
		);
		assertFits(large, 200, 50);
		await terminal.send('q');
		expect(await terminal.waitForExit(15_000)).toBe(0);
	});
});
