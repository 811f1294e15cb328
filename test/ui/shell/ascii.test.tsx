// An ASCII-only screen (--ascii, or a locale that is not UTF-8) holds no other character on any
// screen: not in rows Ink would cut with `…`, nor in words that come from AWS or from the rules.
import {cleanup} from 'ink-testing-library';
import {afterEach, beforeEach, describe, expect, it} from 'vitest';
import type {Snapshot} from '../../../source/domain/snapshot.js';
import {panes} from '../../../source/ui/panes/index.js';
import {keys, waitForFrame} from '../../helpers/render.js';
import {now, snapshot} from '../panes/fixture.js';
import {mountApp} from './mount-app.js';

const zone = process.env.TZ;
beforeEach(() => {
	// Away from UTC the header carries both clocks and no longer fits 80 columns whole.
	process.env.TZ = 'America/New_York';
});
afterEach(() => {
	cleanup();
	if (zone === undefined) {
		delete process.env.TZ;
	} else {
		process.env.TZ = zone;
	}
});

const [first, ...rest] = snapshot.findings;
if (first === undefined) {
	throw new Error('the pane fixture has findings');
}

/** Words as the rules and AWS write them: separators, quotes, an accented name. */
const world: Snapshot = {
	...snapshot,
	findings: [{...first, title: `${first.title} · on ports 80, 443 — José’s change…`}, ...rest],
};

const nonAscii = /[^\u0000-\u007F]/;

describe('ASCII-only drawing at 80x24', () => {
	it('cuts with ~ and folds every other character, on every screen', async () => {
		const {app} = mountApp({snapshot: world, panes, ascii: true, clock: () => now});
		const screens: string[] = [await waitForFrame(app, '[Findings]')];
		const header = screens[0]?.split('\n')[0] ?? '';
		expect(header).toMatch(/~ +\d\d:\d\d:\d\dZ {2}\d\d:\d\d:\d\d local$/);
		const steps: Array<[string, string | RegExp]> = [
			[keys.enter, 'Esc back'],
			[keys.escape, '[Findings]'],
			['?', 'Esc or ? closes'],
			['G', 'tls_handshake_time'],
			[keys.escape, '[Findings]'],
			[keys.tab, '[Metrics]'],
			[keys.tab, '[Connections]'],
			[keys.enter, 'Esc back'],
			[keys.escape, '[Connections]'],
			['p', 'PAUSED'],
		];
		for (const [key, shown] of steps) {
			app.press(key);
			screens.push(await waitForFrame(app, shown));
		}
		for (const screen of screens) {
			expect(screen).not.toMatch(nonAscii);
		}
		expect(screens.join('\n')).toContain("Jose's");
	});
});
