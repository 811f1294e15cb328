// The Requests pane in the whole app at 80x24, driven by keys: reached by Tab only on an ALB, Enter
// opens a target's request lines, j/k choose one, Enter opens it with every field (scrolled with
// j/k and g/G), Esc steps back one level at a time; the selection stays on the item as rows move.
// The TLS pane appears only on an NLB with a TLS listener.
import {cleanup} from 'ink-testing-library';
import {afterEach, describe, expect, it} from 'vitest';
import {panes} from '../../../source/ui/panes/index.js';
import {target5xx} from '../../domain/access-logs/request-builder.js';
import {keys, waitForFrame} from '../../helpers/render.js';
import {
	albEntries,
	albLogsOff,
	albSnapshot,
	nlbTlsSnapshot,
	shopGroupArn,
} from '../panes/access-log-fixture.js';
import {now, snapshot} from '../panes/fixture.js';
import {mountApp} from './mount-app.js';

afterEach(() => {
	cleanup();
});

const tabs = (frame: string) =>
	frame.split('\n').find((row) => row.includes('[Findings]') || row.includes('Findings ')) ?? '';

describe('the Requests pane in the app at 80x24', () => {
	it('is the last tab on an ALB; Enter, j, Enter, G and Esc walk down to one request and back', async () => {
		const {app, onCommand} = mountApp({snapshot: albSnapshot(), panes, clock: () => now});
		const start = await waitForFrame(app, '[Findings]');
		expect(tabs(start)).toMatch(
			/\[Findings\] Metrics +Connections +Accepted +Rejected +Changes +Requests/,
		);

		app.press(keys.shiftTab);
		const list = await waitForFrame(app, '[Requests]');
		expect(list).toContain('target         req/m T5XX LB5XX');
		expect(list.split('\n').every((row) => [...row].length <= 80)).toBe(true);

		app.press('j');
		app.press(keys.enter);
		const target = await waitForFrame(app, 'detail, Esc back: 10.0.2.12:8080 in shop-tg');
		expect(target).toContain('Failing requests, newest first (3)');
		expect(target).toContain('13:33:40Z 504 (target -) - GET /cart TargetResponseTimeout');
		expect(target).toContain('Enter request');
		expect(onCommand).toHaveBeenCalledWith({
			type: 'drill-down',
			pane: 'requests',
			id: '10.0.2.12:8080 in shop-tg',
		});

		app.press('j');
		app.press(keys.enter);
		const request = await waitForFrame(app, 'request, Esc back to the target');
		expect(request).toContain('13:32:40Z 504 (target -) GET /cart');
		expect(request).toContain('target_status_code        - (no answer from a target)');
		expect(request).toMatch(/lines 1-\d+ of \d+/);

		app.press('G');
		const bottom = await waitForFrame(app, 'conn_trace_id');
		expect(bottom).not.toContain('lines 1-');

		app.press('g');
		await waitForFrame(app, /lines 1-\d+ of/);

		app.press(keys.escape);
		const back = await waitForFrame(app, 'Failing requests, newest first (3)');
		expect(back).toContain('detail, Esc back: 10.0.2.12:8080 in shop-tg');

		app.press(keys.escape);
		const listed = await waitForFrame(app, '[Requests]');
		expect(listed).toContain('not dispatched');
	});

	it('keeps the selection on the chosen target when a refresh moves it to the top', async () => {
		const {app, store} = mountApp({snapshot: albSnapshot(), panes, clock: () => now});
		await waitForFrame(app, '[Findings]');
		app.press(keys.shiftTab);
		await waitForFrame(app, '[Requests]');
		app.press('j', 'j');
		// 10.0.1.10 now fails more than anyone: it becomes the first row.
		const failing = Array.from({length: 20}, (_, index) =>
			target5xx({targetGroupArn: shopGroupArn, time: now - 5 * 60_000 + index, path: '/boom'}),
		);
		store.set({...albSnapshot([...albEntries, ...failing]), generatedAt: now + 10_000});
		await waitForFrame(app, /10\.0\.1\.10:8080 +\S+ +20 /);
		app.press(keys.enter);
		const detail = await waitForFrame(app, 'Esc back');
		expect(detail).toContain('detail, Esc back: 10.0.1.10:8080 in shop-tg');
		expect(detail).toContain('GET /boom');
	});

	it('keeps the cursor on the chosen request line when a newer failure arrives above it', async () => {
		const {app, store} = mountApp({snapshot: albSnapshot(), panes, clock: () => now});
		await waitForFrame(app, '[Findings]');
		app.press(keys.shiftTab);
		await waitForFrame(app, '[Requests]');
		app.press(keys.enter);
		await waitForFrame(app, 'detail, Esc back: 10.0.1.11:8080 in shop-tg');
		app.press('j');
		const newer = target5xx({
			targetGroupArn: shopGroupArn,
			targetAddr: '10.0.1.11',
			time: now - 30_000,
			path: '/newest',
		});
		store.set({...albSnapshot([...albEntries, newer]), generatedAt: now + 10_000});
		await waitForFrame(app, 'GET /newest');
		app.press(keys.enter);
		const request = await waitForFrame(app, 'request, Esc back to the target');
		expect(request).toContain('13:41:30Z 500 (target 500) POST /checkout?');
	});

	it('says the access logs are off and what to enable', async () => {
		const {app} = mountApp({snapshot: albLogsOff(), panes, clock: () => now});
		await waitForFrame(app, '[Findings]');
		app.press(keys.shiftTab);
		const frame = await waitForFrame(app, '[Requests]');
		expect(frame).toContain('Access logs are off');
		expect(frame).toContain('enable: access_logs.s3.enabled=true');
	});
});

describe('which access-log pane an LB has', () => {
	it('an NLB without a TLS listener has neither', async () => {
		const {app} = mountApp({snapshot, panes, clock: () => now});
		const frame = await waitForFrame(app, '[Findings]');
		expect(tabs(frame)).not.toContain('Requests');
		expect(tabs(frame)).not.toContain('TLS');
		app.press(keys.shiftTab);
		await waitForFrame(app, '[Changes]');
	});

	it('an NLB with a TLS listener has the TLS pane, drilled into with Enter', async () => {
		const {app} = mountApp({snapshot: nlbTlsSnapshot(), panes, clock: () => now});
		const frame = await waitForFrame(app, '[Findings]');
		expect(tabs(frame)).toContain(' TLS ');
		expect(tabs(frame)).not.toContain('Requests');
		app.press(keys.shiftTab);
		const pane = await waitForFrame(app, '[TLS]');
		expect(pane).toContain('g3d4b5e8bb8464cd');
		app.press(keys.enter);
		const detail = await waitForFrame(app, 'detail, Esc back: g3d4b5e8bb8464cd');
		expect(detail).toContain('tls_handshake_time p50 9ms');
	});
});

describe('the Requests pane at 200x50', () => {
	it('gets a band of its own across the screen, between the others', async () => {
		const {app} = mountApp({
			snapshot: albSnapshot(),
			panes,
			clock: () => now,
			size: {columns: 200, rows: 50},
		});
		const frame = await waitForFrame(app, /Requests/);
		const rows = frame.split('\n');
		const title = rows.findIndex((row) => /^─ Requests ─+$/.test(row));
		expect(title).toBeGreaterThan(rows.findIndex((row) => row.includes('Metrics')));
		expect(rows.findIndex((row) => row.includes('Accepted'))).toBeGreaterThan(title);
		expect(frame).toMatch(/10\.0\.1\.11:8080 +i-0bbb2222 +3\.23 +12 +0 +0 +50ms +50ms shop-tg/);
		expect(rows.every((row) => [...row].length <= 200)).toBe(true);
		expect(rows.length).toBeLessThanOrEqual(50);
	});
});
