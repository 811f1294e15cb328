// What is on screen stays true over time, as a user meets it in `lbtop --demo` at 80x24 in a real
// terminal (tmux): `t` to an hour fills the whole hour with data (saying "loading" until it is
// read, never `·`), and `p` freezes the screen while lbtop keeps collecting: the banner counts
// what arrives, and resuming says what the screen now shows.
import {mkdtemp, rm} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import process from 'node:process';
import {afterEach, describe, expect, it} from 'vitest';
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

/** A metric row's sparkline, once nothing in it is loading: its cells from the `last 1h` column. */
function sparkOf(screen: string, label: RegExp): string {
	const lines = screen.split('\n');
	const header = lines.find((line) => /^metric\s+last 1h/.test(line)) ?? '';
	const row = lines.find((line) => label.test(line)) ?? '';
	return /^\s*(\S+)/.exec(row.slice(header.indexOf('last 1h')))?.[1] ?? '';
}

/** A time line without its newest gaps: the last minutes are published or delivered minutes late. */
function published(cells: string): string {
	return cells.replace(/·+$/, '');
}

describe('lbtop --demo at 80x24: a longer window, and a pause', () => {
	it('t to an hour draws the whole hour; p counts what arrives behind the frozen screen', async () => {
		directory = await mkdtemp(join(tmpdir(), 'lbtop-window-e2e-'));
		const terminal = await startInTerminal({
			command: [process.execPath, cliPath, '--demo'],
			columns: 80,
			rows: 24,
			cwd: process.cwd(),
			env: {
				TMPDIR: directory,
				AWS_CONFIG_FILE: '/dev/null',
				AWS_SHARED_CREDENTIALS_FILE: '/dev/null',
			},
		});
		session = terminal;
		await terminal.waitFor(/metrics through (\d\d-\d\d \d\d:\d\d|\d\d:\d\d:\d\d)Z/, 30_000);
		await terminal.waitFor(/window 15m/);

		await terminal.send('t');
		await terminal.waitFor(/window 1h/);
		// The demo has traffic every minute of its three hours: once read, the new-flows sparkline
		// has a level in every column of the hour but the newest minutes, not published yet. The hour
		// is drawn in whole periods: 30 columns of two minutes, or 20 of three when the figures
		// beside it take a column more (they follow the traffic, e.g. a burst's bytes a second).
		let screen = await terminal.waitFor((text) => {
			const spark = sparkOf(text, /^new flows\s/);
			return !text.includes('loading') && spark.length >= 20 && published(spark).length > 18;
		}, 60_000);
		const spark = sparkOf(screen, /^new flows\s/);
		expect(published(spark)).toMatch(/^[▁-█]+$/);
		expect(screen).toMatch(/^new flows\s.*\/s\s+\S+\/s\s+\S+\/s$/m);

		// The accepted pane: totals over the whole hour once Insights answered, a timeline filled.
		await terminal.send(keys.tab);
		await terminal.send(keys.tab);
		await terminal.send(keys.tab);
		await terminal.waitFor(/\[Accepted\]/);
		screen = await terminal.waitFor(
			(text) => /^\S+ accepted records · /m.test(text) && !text.includes('loading'),
			90_000,
		);
		const timeline = /^records (.*) peak/m.exec(screen)?.[1]?.trim() ?? '';
		// At 80 columns an hour is drawn in whole two-minute columns: about 30 cells.
		expect(timeline.length).toBeGreaterThanOrEqual(29);
		expect(published(timeline)).toMatch(/^[▁-█]+$/);
		expect(published(timeline).length).toBeGreaterThan(timeline.length - 5);

		await terminal.send('p');
		await terminal.waitFor(/PAUSED at \d\d:\d\d:\d\dZ/);
		// The demo opens a couple of connections a second: the banner counts them as they arrive
		// (at 80 columns they may sit behind "N more" when other kinds arrived first).
		screen = await terminal.waitFor(/held back \d+s: .*(new connection|\d+ more)/, 60_000);
		expect(screen).toMatch(/PAUSED at \d\d:\d\d:\d\dZ · held back/);

		await terminal.send('p');
		// As with the banner, at 80 columns the new connections may sit behind "N more".
		screen = await terminal.waitFor(
			/RESUMED: (\d+s )?caught up, now shown: .*(new connection|\d+ more)/,
			10_000,
		);
		expect(screen).not.toContain('PAUSED');

		await terminal.send('q');
		expect(await terminal.waitForExit(15_000)).toBe(0);
	}, 240_000);
});
