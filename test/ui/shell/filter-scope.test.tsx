// A filter narrows the rows of the pane it was typed in, and never the findings line: a critical
// finding must stay in view whatever the user is looking for elsewhere, valid or not.
import {cleanup} from 'ink-testing-library';
import {afterEach, describe, expect, it} from 'vitest';
import {panes} from '../../../source/ui/panes/index.js';
import {keys, waitForFrame} from '../../helpers/render.js';
import {now, snapshot} from '../panes/fixture.js';
import {focusConnections, mountApp} from './mount-app.js';

afterEach(() => {
	cleanup();
});

function mount() {
	return mountApp({snapshot: snapshot, panes, clock: () => now}).app;
}

const critical = 'CRIT Target security group rejects client IPs';

async function applyFilter(app: ReturnType<typeof mount>, text: string): Promise<void> {
	app.press('/');
	await waitForFrame(app, 'Enter apply');
	app.press(text);
	await waitForFrame(app, `filter: ${text}`);
	app.press(keys.enter);
	await waitForFrame(app, (frame) => !frame.includes('Enter apply'));
}

describe('filter scope', () => {
	it.each([
		['an address no finding names', '203.0.113.7', 'filter: 203.0.113.7 · 1 of 4 rows'],
		['an invalid port beside a word', 'port:99999 zzz', 'filter: invalid port port:99999'],
	])('%s narrows the connections and leaves every finding in view', async (_name, text, header) => {
		const app = mount();
		await focusConnections(app);
		await applyFilter(app, text);
		const frame = await waitForFrame(app, header);
		expect(frame).toContain(critical);
		expect(frame).toContain('WARN Target i-0def5678 is unhealthy');
		expect(frame).toContain('INFO Port scan from 45.33.32.156');
		expect(frame).not.toMatch(/of 3 findings|findings hidden/);
	});

	it('applies to the pane it was typed in, not to the next one', async () => {
		const app = mount();
		await focusConnections(app);
		await applyFilter(app, '203.0.113.7');
		await waitForFrame(app, '1 of 4 rows');
		app.press(keys.tab);
		const accepted = await waitForFrame(app, '[Accepted]');
		expect(accepted).not.toContain('filter: 203.0.113.7');
		expect(accepted).toContain('198.51.100.23');
		app.press(keys.shiftTab);
		const back = await waitForFrame(app, '[Connections]');
		expect(back).toContain('1 of 4 rows');
		app.press(keys.escape);
		await waitForFrame(app, (frame) => !frame.includes('1 of 4 rows'));
	});
});
