// End to end in a real terminal (tmux): the shell runs full screen and leaves the terminal exactly
// as it found it, however it ends.
import process from 'node:process';
import {afterEach, describe, expect, it, vi} from 'vitest';
import {keys} from '../../helpers/render.js';
import {startInTerminal, type TerminalSession} from '../../helpers/terminal.js';

const fixture = 'test/ui/shell/fixtures/interactive-shell.tsx';
const sessions: TerminalSession[] = [];

afterEach(async () => {
	await Promise.all(sessions.splice(0).map((session) => session.close()));
});

async function start(env: Record<string, string> = {}, columns = 80, rows = 24) {
	const session = await startInTerminal({
		command: ['sh', '-c', `echo BEFORE-LBTOP; exec node --import tsx ${fixture}`],
		columns,
		rows,
		cwd: process.cwd(),
		env: {TSX_TSCONFIG_PATH: 'tsconfig.test.json', ...env},
	});
	sessions.push(session);
	// tsx compiles the shell and its panes before the first frame: 6-7 s on a machine loaded 15,
	// too close to waitFor's 10 s.
	await session.waitFor('flows lag 4m50s', 20_000);
	return session;
}

/** The terminal as the user gets it back: main screen with what was there, cursor shown. */
async function expectRestored(session: TerminalSession) {
	expect(await session.alternateScreen()).toBe(false);
	expect(await session.cursorVisible()).toBe(true);
	// tmux's pipe to the output file can trail the screen by a moment on a loaded machine.
	await vi.waitFor(
		async () => {
			const output = await session.rawOutput();
			expect(output.lastIndexOf('\u001B[?1049l')).toBeGreaterThan(
				output.lastIndexOf('\u001B[?1049h'),
			);
			expect(output.lastIndexOf('\u001B[?25h')).toBeGreaterThan(output.lastIndexOf('\u001B[?25l'));
		},
		{timeout: 5000, interval: 50},
	);
}

/**
 * A frame drawn whole after a resize: a pane's marker and the status row on the last row. The
 * screen is redrawn row by row, so a capture can fall between the first rows and the last.
 */
function wholeFrame(marker: string, lastRow: number, status: RegExp) {
	return (screen: string) =>
		screen.includes(marker) && status.test(screen.split('\n')[lastRow] ?? '');
}

describe('runInteractive in a terminal', () => {
	it('draws on the alternate screen, cursor hidden, one row to spare, through resizes', async () => {
		const session = await start();
		expect(await session.alternateScreen()).toBe(true);
		expect(await session.cursorVisible()).toBe(false);
		const rows = (await session.screen()).split('\n');
		expect(rows[0]).toMatch(/^lbtop web-prod-nlb NLB/);
		expect(rows[21]).toMatch(/^\? help {2}q quit/);
		expect(rows[22]).toMatch(/^flows lag 4m50s/);
		expect(rows).toHaveLength(23);
		expect(rows.join('\n')).not.toContain('BEFORE-LBTOP');
		await session.resize(200, 50);
		const wide = await session.waitFor(wholeFrame('<changes> 66x21', 48, /^flows 13:37:20Z/));
		const wideRows = wide.split('\n');
		expect(wideRows[0]).toMatch(/^lbtop web-prod-nlb NLB/);
		expect(wideRows[48]).toMatch(/^flows 13:37:20Z lag 4m50s/);
		expect(wideRows).toHaveLength(49);
		await session.resize(80, 24);
		const narrow = await session.waitFor(wholeFrame('<metrics> 80x17', 22, /^flows lag/));
		const narrowRows = narrow.split('\n');
		expect(narrowRows[0]).toMatch(/^lbtop web-prod-nlb NLB/);
		expect(narrowRows[22]).toMatch(/^flows lag 4m50s/);
		expect(narrowRows).toHaveLength(23);
		expect(narrow).not.toContain('<changes>');
	});

	it.each([
		{key: 'q', sequence: 'q'},
		{key: 'Ctrl-C', sequence: keys.ctrlC},
	])('restores the terminal on $key', async ({sequence}) => {
		const session = await start();
		await session.send(`${keys.tab}?`);
		await session.waitFor('Esc or ? closes');
		await session.send(sequence);
		const screen = await session.waitFor('fixture: press Enter');
		expect(screen).toContain('BEFORE-LBTOP');
		expect(screen).toContain('fixture: exited cleanly, exit code 0');
		expect(screen).not.toContain('web-prod-nlb');
		await expectRestored(session);
		await session.send(keys.enter);
		expect(await session.waitForExit()).toBe(0);
	});

	it('restores the terminal on SIGTERM and reports the signal in the exit code', async () => {
		const session = await start();
		process.kill(await session.pid(), 'SIGTERM');
		await session.waitFor('fixture: exited cleanly, exit code 143');
		await expectRestored(session);
		await session.send(keys.enter);
		expect(await session.waitForExit()).toBe(143);
	});

	it('restores the terminal before an uncaught error is printed', async () => {
		const session = await start({LBTOP_FIXTURE_CRASH: '1'});
		await session.send('X');
		expect(await session.waitForExit()).toBe(1);
		const history = await session.history();
		expect(history).toMatch(/BEFORE-LBTOP\n[\s\S]*Error: fixture crash outside React/);
		expect(history).not.toContain('web-prod-nlb');
		// tmux's pipe to the output file can trail the screen by a moment on a loaded machine.
		await vi.waitFor(
			async () => {
				const output = await session.rawOutput();
				const restoredAt = output.lastIndexOf('\u001B[?1049l');
				expect(restoredAt).toBeGreaterThan(output.lastIndexOf('\u001B[?1049h'));
				expect(output.indexOf('fixture crash outside React')).toBeGreaterThan(restoredAt);
			},
			{timeout: 5000, interval: 50},
		);
	});
});
