// The walk an on-call engineer does in the first minute, at 80x24 against `lbtop --demo`: to the
// connections, sort, open one, and watch it through refreshes: the detail stays on that
// connection while the rows under it change, then Esc goes back and q quits cleanly.
import {afterEach, describe, expect, it} from 'vitest';
import {keys} from '../helpers/render.js';
import {assertFits, type DemoSession, startDemo} from './demo-session.js';

let demo: DemoSession | undefined;

afterEach(async () => {
	await demo?.close();
	demo = undefined;
});

/** The header's UTC clock, in seconds of the day. */
function clockSeconds(screen: string): number {
	const match = /(\d\d):(\d\d):(\d\d)Z/.exec(screen.split('\n')[0] ?? '');
	if (match === null) {
		throw new Error(`no clock in the header:\n${screen}`);
	}
	const [, hours, minutes, seconds] = match.map(Number);
	return (hours ?? 0) * 3600 + (minutes ?? 0) * 60 + (seconds ?? 0);
}

/** The connection the detail shows: its id (zoomed title) and client -> listener (first row). */
function openConnection(screen: string): {readonly id: string; readonly client: string} {
	const id = /Esc back: (c-[0-9a-f]{16})/.exec(screen)?.[1];
	// A lone backend leg (no frontend seen) has no listener port: `-> :?`.
	const client = /^(?:tcp|udp) (\S+ -> :(?:\d+|\?))/m.exec(screen)?.[1];
	if (id === undefined || client === undefined) {
		throw new Error(`no connection detail on screen:\n${screen}`);
	}
	return {id, client};
}

/** The demo's sources refresh every 10 s (flows' newest events every 2 s in between). */
const refreshSeconds = 10;

describe('the first-minute walk at 80x24', () => {
	it('Tab to the connections, s, Enter, two refreshes on the same connection, Esc, q', {
		timeout: 120_000,
	}, async () => {
		demo = await startDemo(80, 24);
		const {terminal} = demo;
		await terminal.waitFor(/\[Findings\]/);
		await terminal.send(keys.tab);
		await terminal.waitFor(/\[Metrics\]/);
		await terminal.send(keys.tab);
		await terminal.waitFor(/\[Connections\]/);
		await terminal.waitFor(/flows through (\d\d-\d\d \d\d:\d\d|\d\d:\d\d:\d\d)Z/, 30_000);

		await terminal.send('s');
		await terminal.waitFor(/sort: bytes/);
		await terminal.send(keys.enter);
		const opened = await terminal.waitFor(/Esc back: c-[0-9a-f]{16}/);
		assertFits(opened, 80, 24);
		const chosen = openConnection(opened);
		const start = clockSeconds(opened);

		// Two refreshes later (and the 2 s reads of the newest events between them).
		const later = await terminal.waitFor(
			// Modulo a day: the walk may cross midnight UTC.
			(screen) => (clockSeconds(screen) - start + 86_400) % 86_400 >= 2 * refreshSeconds + 1,
			60_000,
		);
		assertFits(later, 80, 24);
		expect(openConnection(later)).toEqual(chosen);

		await terminal.send(keys.escape);
		const list = await terminal.waitFor(/\[Connections\]/);
		expect(list).toMatch(/sort: bytes/);
		await terminal.send('q');
		expect(await terminal.waitForExit(15_000)).toBe(0);
	});
});
