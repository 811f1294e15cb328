// The shell's clock ticks where the time is shown: a second with no new data redraws the header
// clock and the status line, and a pane only once what it shows reads differently; every age, lag
// and clock on screen still reads what a screen drawn afresh at that second reads.
import {cleanup} from 'ink-testing-library';
import {afterEach, describe, expect, it, vi} from 'vitest';
import type {ShellPaneProperties} from '../../../source/ui/app-types.js';
import {panes} from '../../../source/ui/panes/index.js';
import {healthSegments} from '../../../source/ui/shell/header-text.js';
import {waitForFrame} from '../../helpers/render.js';
import {fixtureNow} from '../../helpers/snapshot-fixture.js';
import {fakePanes} from './fake-panes.js';
import {mountApp} from './mount-app.js';

// Counted, not changed: the header's rows are made from the snapshot through these.
vi.mock('../../../source/ui/shell/header-text.js', async (importOriginal) => {
	const original = await importOriginal<typeof import('../../../source/ui/shell/header-text.js')>();
	return {...original, healthSegments: vi.fn(original.healthSegments)};
});

afterEach(() => {
	cleanup();
});

/**
 * A clock the test moves by hand. It stands just before a second boundary, so the shell's ticker
 * (which waits for the next boundary) reads it again within a millisecond of each move.
 */
function handClock(start: number) {
	const clock = {now: start + 999};
	return {
		read: () => clock.now,
		forward(ms: number) {
			clock.now += ms;
		},
		/** The header's clock at the current time. */
		shown: () => `${new Date(clock.now).toISOString().slice(11, 19)}Z`,
	};
}

const grid = {columns: 200, rows: 50};

describe('the shell on the clock', () => {
	it('redraws the clock every second without drawing the panes again', async () => {
		const clock = handClock(fixtureNow);
		const drawn = {metrics: 0};
		const Metrics = fakePanes.metrics.component;
		function CountedMetrics(properties: ShellPaneProperties) {
			drawn.metrics += 1;
			return <Metrics {...properties} />;
		}
		const {app} = mountApp({
			size: grid,
			clock: clock.read,
			panes: {...fakePanes, metrics: {title: 'metrics', component: CountedMetrics}},
		});
		await waitForFrame(app, clock.shown());
		const before = drawn.metrics;
		for (let second = 1; second <= 5; second += 1) {
			clock.forward(1000);
			await waitForFrame(app, clock.shown());
		}
		expect(drawn.metrics).toBe(before);
	});

	it('redraws the header clock every second without making the header rows again', async () => {
		const clock = handClock(fixtureNow);
		const {app} = mountApp({size: grid, clock: clock.read, panes: fakePanes});
		await waitForFrame(app, clock.shown());
		const made = vi.mocked(healthSegments).mock.calls.length;
		for (let second = 1; second <= 5; second += 1) {
			clock.forward(1000);
			await waitForFrame(app, clock.shown());
		}
		expect(vi.mocked(healthSegments).mock.calls.length).toBe(made);
	});

	it('reads, at every second, what a screen drawn afresh at that second reads', async () => {
		const clock = handClock(fixtureNow);
		const {app} = mountApp({size: grid, clock: clock.read, panes});
		await waitForFrame(app, clock.shown());
		// Past a minute boundary and a 10-second lag step, so ages and lags turn during the run.
		for (let second = 1; second <= 65; second += 1) {
			clock.forward(1000);
			const ticked = await waitForFrame(app, clock.shown());
			if (second % 5 === 0 || second === 50 || second === 51) {
				const fresh = mountApp({size: grid, clock: () => clock.read(), panes});
				const afresh = await waitForFrame(fresh.app, clock.shown());
				expect(ticked).toBe(afresh);
				fresh.app.unmount();
			}
		}
	}, 30_000);
});
