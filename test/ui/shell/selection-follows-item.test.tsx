// The selection and the open detail stay on the item the user chose while the rows change under
// them (new rows arrive first, others leave), as k9s keeps its cursor on a resource; when the item
// itself leaves the window, the detail says so and keeps what it last showed.
import {cleanup} from 'ink-testing-library';
import {afterEach, describe, expect, it} from 'vitest';
import type {Connection, Snapshot} from '../../../source/domain/snapshot.js';
import {panes} from '../../../source/ui/panes/index.js';
import {keys, waitForFrame} from '../../helpers/render.js';
import {connections, now, snapshot} from '../panes/fixture.js';
import {focusConnections, mountApp} from './mount-app.js';

afterEach(() => {
	cleanup();
});

/** A refresh: new rows, and a flows lag of `lagSeconds` in the status line to wait for. */
function withConnections(list: readonly Connection[], lagSeconds: number): Snapshot {
	const flows = snapshot.flows;
	if (flows === undefined) {
		throw new Error('the pane fixture has flows');
	}
	const dataThrough = now - lagSeconds * 1000;
	return {
		...snapshot,
		generatedAt: now + 10_000,
		sources: {...snapshot.sources, flows: {status: 'ok', fetchedAt: now, dataThrough}},
		flows: {...flows, connections: list},
	};
}

const [first, second, ...rest] = connections;
if (first === undefined || second === undefined) {
	throw new Error('the pane fixture has connections');
}

/** A newer connection the engine lists first (REJECT first, newest). */
const newcomer: Connection = {
	...first,
	id: 'c-newcomer',
	clientAddr: '192.0.2.200',
	clientPort: 50_001,
};

function mount() {
	return mountApp({snapshot, panes, clock: () => now});
}

/** To the connections, then down to the second row. */
async function selectSecondConnection(app: ReturnType<typeof mount>['app']): Promise<void> {
	await focusConnections(app);
	app.press('j');
}

describe('selection by item, not by row number', () => {
	it('keeps the selection on the chosen connection when a new one arrives above it', async () => {
		const {app, store} = mount();
		await selectSecondConnection(app);
		store.set(withConnections([newcomer, ...connections], 70));
		await waitForFrame(app, '192.0.2.200');
		app.press(keys.enter);
		const frame = await waitForFrame(app, 'Esc back');
		expect(frame).toMatch(/203\.0\.113\.9:40022 -> :443/);
	});

	it('keeps the open detail on its connection across refreshes, and says when it left the window', async () => {
		const {app, store} = mount();
		await selectSecondConnection(app);
		app.press(keys.enter);
		await waitForFrame(app, /203\.0\.113\.9:40022 -> :443/);

		store.set(withConnections([newcomer, ...connections], 70));
		let frame = await waitForFrame(app, 'flows lag 1m10s');
		expect(frame).toMatch(/203\.0\.113\.9:40022 -> :443/);
		expect(frame).not.toContain('192.0.2.200');

		store.set(withConnections([newcomer, first, ...rest], 80));
		frame = await waitForFrame(app, 'no longer in the window');
		expect(frame).toMatch(/203\.0\.113\.9:40022 -> :443/);
		expect(frame).toContain('last seen 13:45:10Z');
		expect(frame).toContain(second.id);
		expect(frame).not.toContain('192.0.2.200');
		expect(frame).not.toMatch(/203\.0\.113\.7:51234 -> :443/);

		// The item is back: the detail shows it live again, unmarked.
		store.set(withConnections([newcomer, ...connections], 90));
		frame = await waitForFrame(app, (text) => !text.includes('no longer in the window'));
		expect(frame).toMatch(/203\.0\.113\.9:40022 -> :443/);
	});
});
