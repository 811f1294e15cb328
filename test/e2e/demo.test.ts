// The demo as a user meets it: `lbtop --demo` in a real terminal (tmux), driven key by key, at the
// sizes on-call engineers actually have (80x24 over SSH) and a large screen (200x50).
import {afterEach, describe, expect, it, vi} from 'vitest';
import {keys} from '../helpers/render.js';
import {settling, type TerminalSession} from '../helpers/terminal.js';
import {assertFits, type DemoSession, startDemo as startDemoSession} from './demo-session.js';

let demo: DemoSession | undefined;

afterEach(async () => {
	await demo?.close();
	demo = undefined;
});

async function startDemo(
	columns: number,
	rows: number,
	env: Readonly<Record<string, string>> = {},
): Promise<TerminalSession> {
	demo = await startDemoSession(columns, rows, env);
	return demo.terminal;
}

describe('lbtop --demo at 80x24', () => {
	it('draws header, findings, tabs, help bar and status; each key does what the help says; q restores the terminal', {
		timeout: 90_000,
	}, async () => {
		const terminal = await startDemo(80, 24);
		let screen = await terminal.waitFor(/\[Findings\]/);
		assertFits(screen, 80, 24);
		expect(screen).toMatch(/\? help\s+q quit/);
		expect(screen).toMatch(/\$\d+\.\d+ · \d+\.\d+ GB$/m);
		expect(await terminal.alternateScreen()).toBe(true);

		// Focus starts on the findings line (Enter on a finding is one key away); Tab enters the panes.
		await terminal.send(keys.tab);
		await terminal.send(keys.tab);
		screen = await terminal.waitFor(/\[Connections\]/);
		await terminal.waitFor(/flows through (\d\d-\d\d \d\d:\d\d|\d\d:\d\d:\d\d)Z · lag/, 30_000);
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
		assertFits(screen, 80, 24);
		await terminal.send(keys.pageDown);
		screen = await terminal.waitFor(/Freeze the screen/);
		await terminal.send('G');
		// The help ends with the access-log panes' legend.
		screen = await terminal.waitFor(/tls_handshake_time/);
		// The help's own rows wrap: nothing below its title row is cut.
		const helpRows = screen
			.split('\n')
			.slice(screen.split('\n').findIndex((row) => row.includes('Help ·')));
		expect(helpRows.join('\n')).not.toContain('…');
		await terminal.send(keys.escape);
		// Scrolled to its end, the help no longer shows its first rows: wait for its title to go, or
		// the next key can reach the terminal with the Esc still unread and be taken as Alt+key.
		await terminal.waitFor((text) => !text.includes('Help ·'));

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
		// The notice takes a second row at 80 columns: the saved file's whole path is on screen.
		screen = await terminal.waitFor(/^\/tmp\/\S+\/lbtop-demo-nlb-\d{8}T\d{6}Z\.txt$/m);
		assertFits(screen, 80, 24);

		await terminal.send('q');
		expect(await terminal.waitForExit(15_000)).toBe(0);
		await vi.waitFor(async () => expect(await terminal.alternateScreen()).toBe(false), settling);
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
		await vi.waitFor(
			async () => expect(await terminal.history()).toMatch(/saved to [\s\S]*lbtop-demo-nlb-/),
			settling,
		);
	});
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

describe('lbtop --demo at 80x24: a detail longer than the pane', () => {
	it('scrolls with j, PgDn, G and g, and stays on the change it opened', {
		timeout: 60_000,
	}, async () => {
		const terminal = await startDemo(80, 24);
		await terminal.waitFor(/\[Findings\]/);
		// The demo's NLB has a TLS listener: its TLS pane is the last tab, Changes the one before.
		await terminal.send(keys.shiftTab);
		await terminal.waitFor(/\[TLS\]/);
		await terminal.send(keys.shiftTab);
		await terminal.waitFor(/\[Changes\]/);
		await terminal.waitFor(/events through/, 30_000);
		await terminal.send(keys.enter);
		const top = await terminal.waitFor(/Esc back: \S+/);
		const title = /Esc back: (\S+)/.exec(top)?.[1] ?? '';
		const detail = (screen: string) => {
			const rows = screen.split('\n');
			return rows.slice(rows.findIndex((row) => row.includes('Esc back')) + 1);
		};
		// A CloudTrail event's JSON is longer than 80x24 holds: the detail scrolls.
		const first = detail(await terminal.waitFor(/lines 1-\d+ of \d+/));
		await terminal.send('j');
		const down = await terminal.waitFor(/lines 2-\d+ of \d+/);
		expect(detail(down)[0]).toBe(first[1]);
		await terminal.send(keys.pageDown);
		await terminal.waitFor((screen) => !/lines [12]-/.test(screen) && /lines \d+-/.test(screen));
		await terminal.send('G');
		const bottom = await terminal.waitFor(/lines \d+-(\d+) of \1\b/);
		expect(bottom).toContain(`Esc back: ${title}`);
		assertFits(bottom, 80, 24);
		await terminal.send('g');
		await terminal.waitFor(/lines 1-\d+ of/);
		await terminal.send(keys.escape);
		await terminal.waitFor(/\[Changes\]/);
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
		await vi.waitFor(async () => expect(await terminal.alternateScreen()).toBe(false), settling);
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
