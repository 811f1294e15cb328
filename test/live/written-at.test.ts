// A source stamps its write with the time its read began, and other sources write while it reads:
// the snapshot must not go back in time, or a paused screen hears that nothing newer arrived
// when a read has just brought new rows.
import {describe, expect, it} from 'vitest';
import type {FlowsView} from '../../source/domain/snapshot.js';
import {withFlowsView} from '../../source/live/flows-updates.js';
import {writtenAt} from '../../source/live/snapshot-updates.js';
import {pauseText} from '../../source/ui/shell/pause-summary.js';
import {fixtureNow, fixtureSnapshot} from '../helpers/snapshot-fixture.js';

const plan = {feeds: [], aggregationSeconds: 60, problems: []};

describe('the time a write stamps on the snapshot', () => {
	it.each([
		{case: 'a read that began after the last write', now: fixtureNow + 2000, stamped: 2000},
		{case: 'a read that began before a later write', now: fixtureNow - 3000, stamped: 0},
		{case: 'a read that began at the last write', now: fixtureNow, stamped: 0},
	])('$case', ({now, stamped}) => {
		expect(writtenAt(fixtureSnapshot(), now)).toBe(fixtureNow + stamped);
	});

	it('keeps a flows write that began before the screen froze from reading as nothing newer', () => {
		const frozen = fixtureSnapshot();
		const view = frozen.flows;
		if (view === undefined) {
			throw new Error('the fixture has flows');
		}

		const arrived: FlowsView = {
			...view,
			connections: [{...(view.connections[0] ?? connectionless()), id: 'c-arrived'}],
		};
		// The read began 3 s before the write the screen froze on, and ended after it.
		const live = withFlowsView(frozen, arrived, plan, fixtureNow - 3000);
		expect(live.generatedAt).toBe(fixtureNow);
		expect(live.sources.flows.fetchedAt).toBe(fixtureNow - 3000);
		expect(pauseText(frozen, live, 'utc', ' · ')).not.toContain('nothing newer');
	});
});

function connectionless(): FlowsView['connections'][number] {
	return {
		id: 'c-empty',
		kind: 'exact',
		clientAddr: '198.51.100.7',
		clientPort: 40_000,
		protocol: 6,
		packets: 1,
		bytes: 60,
		start: 0,
		end: 0,
	};
}
