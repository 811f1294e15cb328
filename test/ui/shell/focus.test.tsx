// Which pane has the focus reads at a glance: the tab bar names the findings line as a tab of its
// own, so the first Tab visibly moves the focus from the findings to the metrics.
import {cleanup} from 'ink-testing-library';
import {afterEach, describe, expect, it} from 'vitest';
import {keys, waitForFrame} from '../../helpers/render.js';
import {mountApp} from './mount-app.js';

afterEach(() => {
	cleanup();
});

function mount(ascii = false) {
	return mountApp({ascii}).app;
}

function tabBar(frame: string): string {
	return frame.split('\n')[3] ?? '';
}

describe('focus at 80x24', () => {
	it('starts on the findings, named in the tab bar; the first Tab moves it to the metrics', async () => {
		const app = mount();
		const start = await waitForFrame(app, '<findings> 80x1 sel=0 focused');
		expect(tabBar(start)).toMatch(/^\[findings\] metrics {2}connections/);
		app.press(keys.tab);
		const next = await waitForFrame(app, '<metrics> 80x17 sel=0 focused');
		expect(tabBar(next)).toMatch(/^ findings \[metrics\] connections/);
		expect(tabBar(next)).not.toBe(tabBar(start));
		app.press(keys.shiftTab);
		const back = await waitForFrame(app, '<findings> 80x1 sel=0 focused');
		expect(tabBar(back)).toBe(tabBar(start));
	});

	it('keeps the tab bar within the width, ASCII only when asked', async () => {
		const app = mount(true);
		const frame = await waitForFrame(app, '[findings]');
		expect(tabBar(frame).length).toBeLessThanOrEqual(80);
		expect(tabBar(frame)).toMatch(/Tab \| S-Tab$/);
	});
});
