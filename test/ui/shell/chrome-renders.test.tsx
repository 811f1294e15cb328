// A store write draws the shell again (the header shows the window and the sources), but the
// pane titles, the rules between panes and the help bar read nothing from the snapshot: a write
// that leaves their words as they were does not draw them again. Each shell row is drawn by Row,
// counted here by the text it was given.
import {describe, expect, it, vi} from 'vitest';
import {waitForFrame} from '../../helpers/render.js';
import {fixtureSnapshot} from '../../helpers/snapshot-fixture.js';
import {mountApp} from './mount-app.js';

const drawn = vi.hoisted(() => ({rows: [] as string[]}));

vi.mock('../../../source/ui/shell/row.js', async (original) => {
	const actual = await original<typeof import('../../../source/ui/shell/row.js')>();
	return {
		...actual,
		Row: (properties: Parameters<typeof actual.Row>[0]) => {
			drawn.rows.push((properties.parts ?? []).map((part) => part.text).join(''));
			return actual.Row(properties);
		},
	};
});

describe('the shell’s chrome on a store write', () => {
	it('draws the header again, and no pane title or help bar whose words did not change', async () => {
		const snapshot = fixtureSnapshot();
		const {app, store} = mountApp({snapshot, size: {columns: 200, rows: 50}});
		await waitForFrame(app, '─ connections ─');
		const titles = drawn.rows.filter((text) => text.includes(' connections '));
		const help = drawn.rows.filter((text) => text.includes('quit'));
		expect(titles.length).toBeGreaterThan(0);
		expect(help.length).toBeGreaterThan(0);

		drawn.rows = [];
		const written = {...snapshot, cost: {...snapshot.cost, queries: snapshot.cost.queries + 1}};
		store.set(written);
		await waitForFrame(app, () => drawn.rows.length > 0);
		// The header reads the snapshot: it is drawn again.
		expect(drawn.rows.some((text) => text.includes(snapshot.target))).toBe(true);
		expect(drawn.rows.filter((text) => text.includes(' connections '))).toEqual([]);
		expect(drawn.rows.filter((text) => text.includes('quit'))).toEqual([]);
		app.unmount();
	});

	it('at 80x24 does not draw the tab bar again while its tabs read the same', async () => {
		drawn.rows = [];
		const snapshot = fixtureSnapshot();
		const {app, store} = mountApp({snapshot, size: {columns: 80, rows: 24}});
		await waitForFrame(app, '[findings]');
		const tabs = (text: string) => text.includes('[findings]');
		expect(drawn.rows.filter(tabs).length).toBeGreaterThan(0);

		drawn.rows = [];
		store.set({...snapshot, cost: {...snapshot.cost, queries: snapshot.cost.queries + 1}});
		await waitForFrame(app, () => drawn.rows.length > 0);
		expect(drawn.rows.some((text) => text.includes(snapshot.target))).toBe(true);
		expect(drawn.rows.filter(tabs)).toEqual([]);
		app.unmount();
	});
});
