import {Box, Text} from 'ink';
import {cleanup} from 'ink-testing-library';
import {afterEach, describe, expect, it, vi} from 'vitest';
import {NoticeBoard} from '../../../source/live/notice-board.js';
import type {ShellPaneProperties} from '../../../source/ui/app-types.js';
import {keys, waitForFrame} from '../../helpers/render.js';
import {fixtureNow, fixtureSnapshot} from '../../helpers/snapshot-fixture.js';
import {inTimeZone} from '../../helpers/time-zone.js';
import {fakePanes} from './fake-panes.js';
import {type MountOptions, mountApp} from './mount-app.js';

// The layouts pinned here are UTC's, where the header shows one clock (ascii.test.tsx: another).
inTimeZone('UTC');

afterEach(() => {
	cleanup();
});

function Broken(): never {
	throw new Error('bad row');
}

function Overflowing({height}: {readonly height: number}) {
	const rows = Array.from(
		{length: height + 5},
		(_, row) => `overflow row ${row} ${'x'.repeat(120)}`,
	);
	return (
		<Box flexDirection="column">
			{rows.map((row) => (
				<Text key={row}>{row}</Text>
			))}
		</Box>
	);
}

function mount(options: MountOptions = {}) {
	return mountApp(options);
}

function lines(frame: string): string[] {
	return frame.split('\n');
}

describe('App at 80x24', () => {
	it('draws header, findings, tabs, help bar and status line in 23 rows, none wider than 80', async () => {
		const {app} = mount();
		const frame = await waitForFrame(app, 'web-prod-nlb');
		const rows = lines(frame);
		expect(rows).toHaveLength(23);
		expect(rows.every((row) => [...row].length <= 80)).toBe(true);
		expect(rows[0]).toMatch(
			/^lbtop web-prod-nlb NLB internet-facing · us-east-1 · acct 123456789012/,
		);
		expect(rows[0]).toContain('13:42:10Z');
		expect(rows[1]).toBe(
			'window 15m (13:27:10Z-13:42:10Z) · targets 1/2 healthy · 2 AZs · 1 alarm firing',
		);
		expect(rows[2]).toBe('<findings> 80x1 sel=0 focused tz=utc');
		expect(rows[3]).toMatch(
			/^\[findings\] metrics {2}connections {2}accepted {2}rejected {2}changes/,
		);
		expect(rows[4]).toBe('<metrics> 80x17 sel=0 tz=utc');
		expect(rows[21]).toBe(
			'? help  q quit  Tab pane  ↑ up  ↓ down  Enter detail  / filter  p pause',
		);
		expect(rows[22]).toMatch(
			/^flows lag 4m50s · metrics lag 1m · changes read \d+s ago +\$0\.0012 · 0\.24 GB$/,
		);
	});

	it('moves focus with Tab and Shift-Tab, the tab bar following', async () => {
		const {app} = mount();
		await waitForFrame(app, '<findings> 80x1 sel=0 focused');
		app.press(keys.tab);
		await waitForFrame(app, '<metrics> 80x17 sel=0 focused');
		app.press(keys.tab);
		const frame = await waitForFrame(app, '<connections> 80x17 sel=0 focused');
		expect(frame).toContain('[connections]');
		app.press(keys.shiftTab, keys.shiftTab);
		await waitForFrame(app, '<findings> 80x1 sel=0 focused');
	});

	it('opens the help overlay with ?, listing the bindings, and closes it with ? or Esc', async () => {
		const {app} = mount();
		await waitForFrame(app, '[findings]');
		app.press('?');
		const help = await waitForFrame(app, 'Esc or ? closes');
		for (const text of ['Quit and restore', 'Focus the next pane', 'Move the selection up']) {
			expect(help).toContain(text);
		}
		expect(help).not.toContain('<metrics>');
		app.press('?');
		await waitForFrame(app, (frame) => frame.includes('<metrics>') && !frame.includes('closes'));
		app.press('?');
		await waitForFrame(app, 'Esc or ? closes');
		app.press(keys.escape);
		await waitForFrame(app, '<metrics>');
	});

	it.each([
		{key: 'q', sequence: 'q'},
		{key: 'Ctrl-C', sequence: keys.ctrlC},
	])('calls onQuit on $key', async ({sequence}) => {
		const {app, onQuit} = mount();
		await waitForFrame(app, '[findings]');
		app.press(sequence);
		await vi.waitFor(() => {
			expect(onQuit).toHaveBeenCalledTimes(1);
		});
	});

	it('pauses with p: shows PAUSED, holds newer snapshots back, and resumes', async () => {
		const {app, store, onCommand} = mount();
		await waitForFrame(app, '[findings]');
		app.press('p');
		await waitForFrame(
			app,
			'PAUSED at 13:42:10Z · still collecting, nothing newer yet · p resumes',
		);
		expect(onCommand).toHaveBeenLastCalledWith('pause');
		const newer = fixtureSnapshot({
			generatedAt: fixtureNow + 30_000,
			findings: [
				...fixtureSnapshot().findings,
				{
					id: 'f-scan',
					rule: 'scan',
					severity: 'warning',
					confidence: 'medium',
					title: 'Port scan from 45.155.205.3',
					evidence: [],
					next: 'Check the NACL',
				},
			],
		});
		store.set(newer);
		const paused = await waitForFrame(app, 'held back 30s: 1 new finding');
		expect(paused).toContain('<findings> 80x1');
		expect(paused).toContain('p resume');
		app.press(' ');
		const resumed = await waitForFrame(app, '<findings> 80x2');
		expect(resumed).not.toContain('PAUSED');
		expect(onCommand).toHaveBeenLastCalledWith('resume');
	});

	it('filters through a one-line input: Esc cancels, Enter applies, Esc clears', async () => {
		const {app} = mount();
		await waitForFrame(app, '[findings]');
		app.press('/', 'a', 'b');
		await waitForFrame(app, 'filter: ab█');
		app.press(keys.escape);
		await waitForFrame(app, '? help');
		app.press('/', '10.0.1', 'x', keys.backspace, keys.enter);
		const applied = await waitForFrame(app, 'filter=10.0.1');
		expect(lines(applied)[21]).toMatch(/^filter: 10\.0\.1 {2}\? help/);
		app.press(keys.escape);
		await waitForFrame(app, (frame) => !frame.includes('filter=') && !frame.includes('filter:'));
	});

	it('handles keys that arrive together in one read, each after the one before', async () => {
		const {app, onQuit} = mount();
		await waitForFrame(app, '[findings]');
		app.press('\tjj/10.0\r');
		await waitForFrame(app, '<metrics> 80x17 sel=0 focused filter=10.0');
		app.press('\t?');
		await waitForFrame(app, 'Esc or ? closes');
		app.press('qj');
		await vi.waitFor(() => {
			expect(onQuit).toHaveBeenCalledTimes(1);
		});
	});

	it('moves the selection of the focused pane and clamps it to its rows', async () => {
		const {app} = mount();
		await waitForFrame(app, '[findings]');
		app.press(keys.tab, keys.down, 'j');
		await waitForFrame(app, '<metrics> 80x17 sel=2 focused');
		app.press('G');
		await waitForFrame(app, 'sel=39 focused');
		app.press(keys.down, keys.pageUp);
		await waitForFrame(app, 'sel=22 focused');
		app.press('g', keys.up);
		await waitForFrame(app, 'sel=0 focused');
	});

	it('emits window, refresh and share commands', async () => {
		const {app, onCommand} = mount();
		await waitForFrame(app, '[findings]');
		app.press('t');
		await waitForFrame(app, 'window 15m → 1h');
		expect(onCommand).toHaveBeenLastCalledWith({type: 'window', minutes: 60});
		app.press('t');
		await waitForFrame(app, 'window 15m → 5m');
		app.press('r', 'y');
		await vi.waitFor(() => {
			expect(onCommand.mock.calls.map(([command]) => command)).toEqual([
				{type: 'window', minutes: 60},
				{type: 'window', minutes: 5},
				'refresh',
				'share',
			]);
		});
	});

	it('drills down with Enter: emits, opens the detail zoomed, Esc goes back', async () => {
		const {app, onCommand} = mount();
		await waitForFrame(app, '[findings]');
		app.press(keys.tab, keys.down, keys.enter);
		const detail = await waitForFrame(app, '<metrics> 80x17 sel=1 focused detail');
		expect(detail).toContain('▸ metrics (detail, Esc back: row-1)');
		expect(onCommand).toHaveBeenLastCalledWith({type: 'drill-down', pane: 'metrics', id: 'row-1'});
		app.press(keys.escape);
		await waitForFrame(app, '<metrics> 80x17 sel=1 focused tz=utc');
	});

	it('zooms the focused pane with z, and switches times to local with u', async () => {
		const {app} = mount();
		await waitForFrame(app, '[findings]');
		app.press(keys.tab, 'z');
		await waitForFrame(app, '▸ metrics (z restores)');
		app.press('u');
		await waitForFrame(app, 'tz=local');
		app.press('z');
		await waitForFrame(app, '[metrics]');
	});

	it('names a failing source in the status line with its hint', async () => {
		const snapshot = fixtureSnapshot();
		const {app} = mount({
			snapshot: {
				...snapshot,
				sources: {
					...snapshot.sources,
					flows: {
						status: 'error',
						error: {
							kind: 'access-denied',
							message: 'logs:StartQuery was denied',
							hint: 'add logs:StartQuery to the OnCall role policy',
							at: fixtureNow,
						},
					},
				},
			},
		});
		const frame = await waitForFrame(app, 'flows denied');
		expect(lines(frame)[22]).toContain('flows denied: add logs:StartQuery to the OnCall role…');
	});

	it('clips a pane that draws more rows and columns than it was given', async () => {
		const {app} = mount({
			panes: {...fakePanes, metrics: {title: 'metrics', component: Overflowing}},
		});
		const frame = await waitForFrame(app, 'overflow row 0');
		const rows = lines(frame);
		expect(rows).toHaveLength(23);
		expect(rows.every((row) => [...row].length <= 80)).toBe(true);
		expect(rows[4]).toMatch(/^overflow row 0 x+$/);
		expect(rows[21]).toMatch(/^\? help/);
	});

	it('keeps drawing the rest of the screen when one pane throws', async () => {
		const {app} = mount({panes: {...fakePanes, metrics: {title: 'metrics', component: Broken}}});
		const frame = await waitForFrame(app, 'metrics cannot be drawn: bad row');
		expect(frame).toContain('web-prod-nlb');
		expect(lines(frame)).toHaveLength(23);
	});
});

describe('App on wide terminals', () => {
	it('shows all panes in a grid at 200x50', async () => {
		const {app} = mount({size: {columns: 200, rows: 50}});
		const frame = await waitForFrame(app, '<changes>');
		expect(lines(frame)).toHaveLength(49);
		for (const [pane, size] of [
			['metrics', '79x21'],
			['connections', '120x21'],
			['accepted', '66x21'],
			['rejected', '66x21'],
		]) {
			expect(frame).toContain(`<${pane}> ${size}`);
		}
	});

	it('keeps a pane that draws too much inside its cell of the grid', async () => {
		const {app} = mount({
			size: {columns: 200, rows: 50},
			panes: {...fakePanes, metrics: {title: 'metrics', component: Overflowing}},
		});
		const frame = await waitForFrame(app, '<connections> 120x21');
		const rows = lines(frame);
		const band = rows.slice(4, 25);
		expect(band[0]).toMatch(/^overflow row 0 x+│<connections> 120x21/);
		expect(band.every((row) => row.slice(79, 80) === '│')).toBe(true);
		expect(band.slice(1).every((row) => /│connections row \d+$/.test(row))).toBe(true);
		expect(rows[25]).toMatch(/^─ accepted ─+│─ rejected/);
	});

	it('does not draw a pane again when a key changed only another pane', async () => {
		let metricsDrawn = 0;
		const Metrics = fakePanes.metrics.component;
		function CountedMetrics(properties: ShellPaneProperties) {
			metricsDrawn += 1;
			return <Metrics {...properties} />;
		}
		const {app} = mount({
			size: {columns: 200, rows: 50},
			panes: {...fakePanes, metrics: {title: 'metrics', component: CountedMetrics}},
		});
		app.press(keys.tab, keys.tab);
		await waitForFrame(app, '<connections> 120x21 sel=0 focused');
		const drawn = metricsDrawn;
		app.press('j');
		await waitForFrame(app, '<connections> 120x21 sel=1 focused');
		expect(metricsDrawn).toBe(drawn);
	});

	it('switches between tabs and grid as the terminal is resized', async () => {
		const {app} = mount();
		await waitForFrame(app, '[findings]');
		app.resize({columns: 200, rows: 50});
		await waitForFrame(app, '<changes> 66x21');
		app.resize({columns: 100, rows: 30});
		const frame = await waitForFrame(app, '<metrics> 100x23');
		expect(lines(frame)).toHaveLength(29);
	});

	it('draws with ASCII only when asked', async () => {
		const {app} = mount({size: {columns: 200, rows: 50}, ascii: true});
		const frame = await waitForFrame(app, '<changes>');
		expect(frame).not.toMatch(/[^\u0000-\u007F]/);
	});
});

describe('replay', () => {
	it.each([80, 40])(
		'marks a recording played back at %i columns, with its time',
		async (columns) => {
			const {app} = mountApp({replay: true, size: {columns, rows: 24}});
			const frame = await waitForFrame(app, '[findings]');
			expect(lines(frame)[0]).toMatch(/^ REPLAY 13:42:10Z {2}lbtop web-prod/);
			expect(lines(frame)[0]?.length).toBeLessThanOrEqual(columns);
		},
	);
});

describe('notices', () => {
	it('gives a long notice a second row, so the saved file name reads whole at 80 columns', async () => {
		const board = new NoticeBoard();
		const path = '/tmp/lbtop-demo-e2e-Xk3bQ9/lbtop-demo-nlb-20250314T134210Z.txt';
		const {app} = mountApp({notices: board});
		await waitForFrame(app, /\? help/);
		board.show(`summary sent to the clipboard (OSC 52); saved to ${path}`, fixtureNow + 10_000);
		const frame = await waitForFrame(app, 'summary sent');
		const rows = lines(frame);
		expect(rows).toHaveLength(23);
		expect(rows.every((row) => [...row].length <= 80)).toBe(true);
		expect(rows.slice(-3, -1).join(' ')).toBe(
			`summary sent to the clipboard (OSC 52); saved to ${path}`,
		);
		expect(rows[22]).toMatch(/^flows lag/);
		expect(frame).toContain('<metrics> 80x16');
	});

	it('keeps the file name whole when even the path is wider than the screen', async () => {
		const board = new NoticeBoard();
		const directory = `/home/oncall/${'very-long-directory-name/'.repeat(3)}tmp`;
		const {app} = mountApp({notices: board, ascii: true, size: {columns: 60, rows: 24}});
		await waitForFrame(app, /\? help/);
		board.show(`saved to ${directory}/lbtop-web-nlb-20250314T134210Z.txt`, fixtureNow + 10_000);
		const frame = await waitForFrame(app, 'saved to');
		const rows = lines(frame);
		expect(rows.every((row) => row.length <= 60)).toBe(true);
		expect(frame).toMatch(/^\/home\/oncall\/.*~.*\/tmp\/lbtop-web-nlb-20250314T134210Z\.txt$/m);
	});

	it('shows a notice in place of the help bar until it expires', async () => {
		const board = new NoticeBoard();
		let now = fixtureNow;
		const {app} = mountApp({notices: board, clock: () => now});
		await waitForFrame(app, /\? help/);
		board.show('summary saved to /tmp/lbtop-demo.txt', fixtureNow + 10_000);
		await waitForFrame(app, /summary saved to \/tmp\/lbtop-demo\.txt/);
		expect(app.lastFrame()).not.toMatch(/\? help/);
		now = fixtureNow + 11_000;
		board.show('summary saved to /tmp/lbtop-demo.txt', fixtureNow + 10_000);
		await waitForFrame(app, /\? help/);
	});
});
