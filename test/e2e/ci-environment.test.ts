// A shell whose environment says CI (CI=1 left by a container image, a CI runner's debug session
// over SSH): Ink then holds every frame back until exit, but lbtop on a terminal has someone
// watching it, so it draws its screen and keeps it current all the same.
import {afterEach, expect, it} from 'vitest';
import {type DemoSession, startDemo} from './demo-session.js';

let demo: DemoSession | undefined;

afterEach(async () => {
	await demo?.close();
	demo = undefined;
});

it('draws the screen and each second of it when the environment says CI', {
	timeout: 90_000,
}, async () => {
	demo = await startDemo(80, 24, {CI: 'true', CONTINUOUS_INTEGRATION: '1', CI_JOB_ID: '42'});
	const {terminal} = demo;
	const first = await terminal.waitFor(/\[Findings\]/);
	expect(first).toMatch(/\? help\s+q quit/);
	const clock = (screen: string) => /(\d\d:\d\d:\d\d)Z\s*$/m.exec(screen.split('\n')[0] ?? '')?.[1];
	const shown = clock(first);
	expect(shown).toBeDefined();
	await terminal.waitFor((screen) => {
		const now = clock(screen);
		return now !== undefined && now !== shown;
	}, 10_000);
	await terminal.send('q');
	expect(await terminal.waitForExit(15_000)).toBe(0);
});
