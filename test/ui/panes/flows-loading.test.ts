// The flow panes while part of the window is read (`t` to a longer window): the totals and the
// timeline say "loading" instead of counting part of the window as all of it; and the connection
// rows say what span and what share of its records they were paired from.
import {describe, expect, it} from 'vitest';
import type {FlowsView, TimeWindow} from '../../../source/domain/snapshot.js';
import {connectionsLines} from '../../../source/ui/panes/connections-rows.js';
import {lineText} from '../../../source/ui/panes/line.js';
import {trafficLines} from '../../../source/ui/panes/traffic-rows.js';
import {context, now, snapshot} from './fixture.js';

const minute = 60_000;
const held = snapshot.flows as FlowsView;
const hour: TimeWindow = {start: now - 60 * minute, end: now};
/** The aggregates held start where the 15-minute window did. */
const loadingView: FlowsView = {...held, aggregatesFrom: now - 15 * minute};

const traffic = (flows: FlowsView, window: TimeWindow, width = 78) =>
	trafficLines(
		{flows, state: snapshot.sources.flows, window, action: 'rejected'},
		context({width, height: 16}),
	).map(lineText);

describe('the rejected pane while a longer window loads', () => {
	const lines = traffic(loadingView, hour);

	it('says which stretch is loading, and gives no total for part of the window', () => {
		expect(lines[0]).toMatch(/^loading 12:45Z-13:30Z · flows through/);
		expect(lines[1]).toBe('rejected records loading 12:45Z-13:30Z');
		expect(lines.join('\n')).not.toContain('1240 rejected records');
	});

	it('draws "loading" over the stretch on the timeline, not gaps', () => {
		const timeline = lines[2] ?? '';
		const cells = timeline.slice('records '.length, timeline.indexOf(' peak'));
		const loadingCells = cells.slice(0, cells.search(/[▁-█·]/));
		expect(loadingCells.trim()).toBe('loading');
		expect(loadingCells.length).toBeGreaterThan(0.6 * cells.length);
	});

	it('is the pane it was once the window is covered', () => {
		const covered = traffic({...held, aggregatesFrom: hour.start}, hour);
		expect(covered.join('\n')).not.toContain('loading');
		expect(covered[1]).toMatch(/^1240 rejected records/);
		expect(traffic(held, snapshot.window).join('\n')).not.toContain('loading');
	});
});

describe('the connections pane says what its rows cover', () => {
	const freshness = (flows: FlowsView, width = 120) =>
		lineText(
			connectionsLines({flows, state: snapshot.sources.flows}, context({width, height: 10}))[0] ??
				[],
		);

	it('the span read and the share of its records, when the rows are a sample', () => {
		const sampled = {...held, rowsFrom: now - 60 * minute, recordsRead: 4812, recordsMatched: 9630};
		expect(freshness(sampled)).toContain('rows 12:45Z-13:40Z: 4812 of 9630 records');
		expect(freshness(sampled, 78)).toContain('rows 12:45Z-13:40Z: 4812 of 9630 records');
	});

	it('all of them, when the rows hold every record of the span', () => {
		const whole = {
			...held,
			sampled: false,
			rowsFrom: now - 30 * minute,
			recordsRead: 812,
			recordsMatched: 812,
		};
		expect(freshness(whole)).toContain('rows 13:15Z-13:40Z: all 812 records');
	});
});
