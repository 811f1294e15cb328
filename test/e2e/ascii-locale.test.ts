// In a C locale (LANG=C LC_ALL=C) the terminal cannot show UTF-8: every screen lbtop draws holds
// ASCII only, as with --ascii, including rows too long for the width (cut with `~`, not `…`).
import {afterEach, describe, expect, it} from 'vitest';
import {keys} from '../helpers/render.js';
import {assertFits, type DemoSession, startDemo} from './demo-session.js';

let demo: DemoSession | undefined;

afterEach(async () => {
	await demo?.close();
	demo = undefined;
});

const nonAscii = /[^\u0000-\u007F]/;

describe('lbtop --demo with LANG=C LC_ALL=C at 80x24', () => {
	it('draws every screen in ASCII: header, findings, panes, details, help, pause', {
		timeout: 90_000,
	}, async () => {
		// Away from UTC the header carries both clocks and must be cut at 80 columns.
		demo = await startDemo(80, 24, {LANG: 'C', LC_ALL: 'C', TZ: 'America/New_York'});
		const {terminal} = demo;
		const screens = [await terminal.waitFor(/\[Findings\]/)];
		expect(screens[0]?.split('\n')[0]).toMatch(/~ +\d\d:\d\d:\d\dZ {2}\d\d:\d\d:\d\d local$/);
		const steps: Array<[string, RegExp]> = [
			[keys.enter, /Esc back/],
			[keys.escape, /\[Findings\]/],
			['?', /Esc or \? closes/],
			['G', /tls_handshake_time/],
			[keys.escape, /\[Findings\]/],
			[keys.tab, /\[Metrics\]/],
			// Enter opens a row once the pane has some.
			[keys.tab, /\[Connections\][\s\S]*flows through/],
			[keys.enter, /Esc back/],
			[keys.escape, /\[Connections\]/],
			[keys.tab, /\[Accepted\]/],
			[keys.tab, /\[Rejected\]/],
			[keys.tab, /\[Changes\][\s\S]*events through/],
			[keys.enter, /Esc back/],
			['G', /lines \d+-\d+ of/],
			[keys.escape, /\[Changes\]/],
			['p', /PAUSED/],
		];
		for (const [key, shown] of steps) {
			await terminal.send(key);
			screens.push(await terminal.waitFor(shown, 15_000));
		}
		for (const screen of screens) {
			assertFits(screen, 80, 24);
			expect(screen).not.toMatch(nonAscii);
		}
		await terminal.send('q');
		expect(await terminal.waitForExit(15_000)).toBe(0);
	});
});
