// After `t` to a longer window, the time not read yet says "loading": never `·` (which means ELB
// published nothing), never a zero, and no min or max computed over part of the window.
import {describe, expect, it} from 'vitest';
import type {ChangesView, MetricsView, TimeWindow} from '../../../source/domain/snapshot.js';
import {changeAxis} from '../../../source/ui/panes/change-axis.js';
import {changesLines} from '../../../source/ui/panes/changes-rows.js';
import {lineText} from '../../../source/ui/panes/line.js';
import {metricsLines} from '../../../source/ui/panes/metrics-rows.js';
import {context, now, snapshot} from './fixture.js';

const minute = 60_000;
const held = snapshot.metrics as MetricsView;
/** The hour now asked for; the series were read for the last fifteen minutes only. */
const hour: TimeWindow = {start: now - 60 * minute, end: now};
const coveredFrom = Math.floor((now - 15 * minute) / minute) * minute;

function draw(metrics: MetricsView, window: TimeWindow, width = 100) {
	return metricsLines(
		{metrics, state: snapshot.sources.metrics, window},
		context({width, height: 20}),
	).map(lineText);
}

describe('the metrics pane while a longer window loads', () => {
	const lines = draw({...held, coveredFrom}, hour);
	const newFlows = lines.find((text) => text.startsWith('New flows')) ?? '';

	it('says which stretch is loading on its freshness line', () => {
		expect(lines[0]).toMatch(/^loading 12:45Z-13:30Z · metrics through 13:43:00Z/);
	});

	it('draws "loading" over the stretch, not gaps', () => {
		const header = lines.find((text) => text.startsWith('metric ')) ?? '';
		const spark = newFlows.slice(
			header.indexOf('last 1h'),
			newFlows.search(/\s+\S+\s+loading\s+loading$/),
		);
		const loadingCells = spark.slice(0, spark.search(/[▁-█·]/));
		expect(loadingCells.trim()).toBe('loading');
		// Forty-five of the sixty-one minutes are loading: the cells before the data are not gaps.
		expect(loadingCells.length).toBeGreaterThan(0.6 * spark.length);
		expect(loadingCells).not.toContain('·');
	});

	it('says loading for min and max, and keeps the current value', () => {
		expect(newFlows).toMatch(/\s\S+\s+loading\s+loading$/);
		expect(newFlows).not.toMatch(/\s-\s+loading/);
	});

	it('draws data as before once the window is covered', () => {
		const covered = draw({...held, coveredFrom: hour.start - minute}, hour);
		expect(covered.join('\n')).not.toContain('loading');
		expect(draw(held, snapshot.window).join('\n')).not.toContain('loading');
	});
});

describe('CloudTrail not read back to the window start yet', () => {
	it('the changes axis says loading there, and still marks the changes it holds', () => {
		const axis = changeAxis([now - 5 * minute], hour, 40, 'v', minute, now - 20 * minute);
		expect(axis.trimStart().startsWith('loading')).toBe(true);
		expect(axis).toContain('v');
		expect(axis.slice(axis.lastIndexOf('loading') + 7).trim()).toBe('v');
	});

	it('the changes pane says which stretch is loading', () => {
		const lines = changesLines(
			{
				changes: {...(snapshot.changes as ChangesView), coveredFrom: now - 20 * minute},
				state: snapshot.sources.changes,
				window: hour,
			},
			context({width: 100, height: 10}),
		).map(lineText);
		expect(lines[0]).toMatch(/^loading 12:45Z-13:25Z · \d+ changes/);
	});
});
