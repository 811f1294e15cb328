// The pause banner counts what arrives behind the frozen screen, and resuming says what the screen
// now shows that it did not. A replay has nothing arriving: pausing stops its playback.
import {cleanup} from 'ink-testing-library';
import {afterEach, describe, expect, it, vi} from 'vitest';
import type {Connection, Snapshot} from '../../../source/domain/snapshot.js';
import {App} from '../../../source/ui/app.js';
import {pauseText, resumeText} from '../../../source/ui/shell/pause-summary.js';
import {renderAt, waitForFrame} from '../../helpers/render.js';
import {fixtureNow, fixtureSnapshot, fixtureStore} from '../../helpers/snapshot-fixture.js';
import {fakePanes} from './fake-panes.js';

afterEach(() => {
	cleanup();
});

const shown = fixtureSnapshot();

function rejectedConnection(port: number): Connection {
	const first = shown.flows?.connections[0] as Connection;
	return {
		...first,
		id: `c-192.0.2.9:${port}`,
		clientAddr: '192.0.2.9',
		clientPort: port,
		...(first.backend === undefined ? {} : {backend: {...first.backend, action: 'REJECT'}}),
	};
}

/** Fifty seconds on: two connections (one rejected), a CloudTrail change, an alarm, a finding. */
function arrived(): Snapshot {
	const flows = shown.flows;
	const metrics = shown.metrics;
	const changes = shown.changes;
	if (flows === undefined || metrics === undefined || changes === undefined) {
		throw new Error('the fixture has flows, metrics and changes');
	}

	const accepted: Connection = {
		...(flows.connections[0] as Connection),
		id: 'c-192.0.2.10:50002',
		clientAddr: '192.0.2.10',
	};
	return {
		...shown,
		generatedAt: fixtureNow + 50_000,
		flows: {...flows, connections: [rejectedConnection(50_001), accepted, ...flows.connections]},
		changes: {
			...changes,
			events: [
				{...(changes.events[0] as (typeof changes.events)[0]), id: 'ev-new'},
				...changes.events,
			],
		},
		metrics: {
			...metrics,
			alarms: [
				...metrics.alarms,
				{
					name: 'web-prod-resets',
					state: 'ALARM',
					reason: 'resets',
					since: fixtureNow,
					dimensions: {},
				},
			],
		},
		findings: [
			...shown.findings,
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
	};
}

function mount(options: {playback?: boolean; clock?: () => number} = {}) {
	const store = fixtureStore(shown);
	const onCommand = vi.fn();
	const app = renderAt(
		<App
			store={store}
			panes={fakePanes}
			ascii={false}
			color={false}
			onQuit={() => undefined}
			onCommand={onCommand}
			clock={options.clock ?? (() => fixtureNow)}
			{...(options.playback === true ? {replay: true} : {})}
		/>,
		{columns: 80, rows: 24},
	);
	return {app, store, onCommand};
}

describe('the pause banner', () => {
	it('says the sources keep collecting before anything arrived', () => {
		expect(pauseText(shown, shown, 'utc', ' · ')).toBe(
			'PAUSED at 13:42:10Z · still collecting, nothing newer yet · p resumes',
		);
	});

	it('counts what arrived, most actionable first, in the width it has', () => {
		expect(pauseText(shown, arrived(), 'utc', ' · ')).toBe(
			'PAUSED at 13:42:10Z · held back 50s: 1 new finding, 1 alarm firing, 1 change, 2 new connections (1 rejected) · p resumes',
		);
		expect(pauseText(shown, arrived(), 'utc', ' · ', 78)).toBe(
			'PAUSED at 13:42:10Z · held back 50s: 1 new finding, 1 alarm firing, 2 more',
		);
	});

	it('says a source that started failing behind the frozen screen', () => {
		const failing: Snapshot = {
			...shown,
			generatedAt: fixtureNow + 20_000,
			sources: {...shown.sources, flows: {...shown.sources.flows, status: 'stale'}},
		};
		expect(pauseText(shown, failing, 'utc', ' · ')).toContain('held back 20s: flows failing');
	});

	it('on screen: counts arrivals while paused, then says what resuming brought in', async () => {
		let now = fixtureNow;
		const {app, store, onCommand} = mount({clock: () => now});
		await waitForFrame(app, '[findings]');
		app.press('p');
		await waitForFrame(app, 'PAUSED at 13:42:10Z · still collecting, nothing newer yet');
		expect(onCommand).toHaveBeenLastCalledWith('pause');

		store.set(arrived());
		const paused = await waitForFrame(app, 'held back 50s: 1 new finding, 1 alarm firing');
		// The panes still draw the snapshot of the moment p was pressed.
		expect(paused).toContain('<findings> 80x1');

		app.press('p');
		const resumed = await waitForFrame(app, 'RESUMED: 50s caught up, now shown: 1 new finding');
		expect(resumed).not.toContain('PAUSED');
		expect(resumed).toContain('<findings> 80x2');
		expect(onCommand).toHaveBeenLastCalledWith('resume');

		// It goes after a few seconds, giving its row back to the panes.
		now += 11_000;
		await waitForFrame(app, (frame) => !frame.includes('RESUMED'), 3000);
	});

	it('in a replay, says the playback stopped, and has nothing to catch up on', async () => {
		const {app} = mount({playback: true});
		await waitForFrame(app, '[findings]');
		app.press('p');
		await waitForFrame(app, 'REPLAY PAUSED at 13:42:10Z · p plays on');
		app.press('p');
		await waitForFrame(app, (frame) => !frame.includes('PAUSED'));
		expect(app.lastFrame()).not.toContain('RESUMED');
	});
});

describe('resumeText', () => {
	it('names what the screen now shows', () => {
		expect(resumeText(shown, arrived())).toBe(
			'RESUMED: 50s caught up, now shown: 1 new finding, 1 alarm firing, 1 change, 2 new connections (1 rejected)',
		);
		expect(resumeText(shown, {...shown, generatedAt: fixtureNow + 5000})).toBe(
			'RESUMED: 5s caught up, nothing new in it',
		);
	});

	it('names what arrived from a read that began before the screen froze, with no time to add', () => {
		const sameTime = {...arrived(), generatedAt: fixtureNow};
		expect(resumeText(shown, sameTime)).toBe(
			'RESUMED: caught up, now shown: 1 new finding, 1 alarm firing, 1 change, 2 new connections (1 rejected)',
		);
		expect(pauseText(shown, sameTime, 'utc', ' · ')).toBe(
			'PAUSED at 13:42:10Z · held back: 1 new finding, 1 alarm firing, 1 change, 2 new connections (1 rejected) · p resumes',
		);
	});
});
