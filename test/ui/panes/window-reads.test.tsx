// Every write slides the window (its end is the write's time), but the metrics, changes and traffic
// panes read only what they draw of it (the period an axis ends in, which datapoints and changes
// it holds, where a loading part starts): for any window, any data near its edges and any width,
// windows the pane's reads cannot tell apart draw the same frame, and a write that slides the
// window within a minute does not draw those panes again.
import fc from 'fast-check';
import {render} from 'ink-testing-library';
import {describe, expect, it} from 'vitest';
import type {MetricPoint, Snapshot} from '../../../source/domain/snapshot.js';
import type {PaneEntry, ShellPaneProperties} from '../../../source/ui/app-types.js';
import type {PaneId} from '../../../source/ui/pane-types.js';
import {panes} from '../../../source/ui/panes/index.js';
import {PaneSlot} from '../../../source/ui/shell/pane-slot.js';
import {changeEvents, now, properties, snapshot} from './fixture.js';
import {renderPane} from './render-pane.js';

const second = 1000;
const minute = 60 * second;

/** A time near `edge`: mostly within a minute of it, to land on either side of a boundary. */
const near = (edge: number) =>
	fc
		.oneof(
			fc.integer({min: -2 * minute, max: 2 * minute}),
			fc.integer({min: -3 * second, max: 3 * second}),
			fc.constantFrom(-minute, 0, minute, -1, 1),
		)
		.map((offset) => edge + offset);

type World = {
	readonly first: Snapshot;
	readonly second: Snapshot;
	readonly width: number;
};

const world = fc
	.record({
		end: near(now),
		length: fc.oneof(
			fc.constantFrom(5 * minute, 15 * minute, 60 * minute),
			fc.integer({min: 0, max: 20 * minute}),
		),
		slide: fc.oneof(
			fc.integer({min: 0, max: 5 * second}),
			fc.integer({min: -minute, max: 2 * minute}),
		),
		lengthChange: fc.oneof(fc.constant(0), fc.integer({min: -minute, max: minute})),
		pointTimes: fc.array(near(now - 15 * minute), {maxLength: 4}),
		lateTimes: fc.array(near(now), {maxLength: 3}),
		changeTimes: fc.array(fc.oneof(near(now - 15 * minute), near(now)), {maxLength: 4}),
		metricsFrom: fc.option(near(now - 15 * minute), {nil: undefined}),
		changesFrom: fc.option(near(now - 15 * minute), {nil: undefined}),
		flowsFrom: fc.option(near(now - 15 * minute), {nil: undefined}),
		metricsThrough: fc.boolean(),
		bucketSeconds: fc.constantFrom(60, 60, 300, 10),
		period: fc.constantFrom(60, 60, 300),
		width: fc.integer({min: 20, max: 200}),
	})
	.map((drawn): World => {
		const points = (times: readonly number[]): MetricPoint[] =>
			times.map((t, index) => ({t, v: (index * 37) % 11}));
		const series = (snapshot.metrics?.series ?? []).map((each, index) =>
			index === 0
				? {
						...each,
						periodSeconds: drawn.period,
						points: [...each.points, ...points([...drawn.pointTimes, ...drawn.lateTimes])],
					}
				: each,
		);
		const {dataThrough: _through, ...metrics} = snapshot.metrics ?? {series: [], alarms: []};
		const flows = snapshot.flows;
		const data: Snapshot = {
			...snapshot,
			metrics: {
				...metrics,
				series,
				...(drawn.metricsThrough ? {dataThrough: now - 2 * minute} : {}),
				...(drawn.metricsFrom === undefined ? {} : {coveredFrom: drawn.metricsFrom}),
			},
			changes: {
				events: [
					...changeEvents,
					...drawn.changeTimes.map((time, index) => ({
						...(changeEvents[0] ?? ({} as never)),
						id: `ev-${index}`,
						time,
					})),
				],
				dataThrough: now - 3 * minute,
				...(drawn.changesFrom === undefined ? {} : {coveredFrom: drawn.changesFrom}),
			},
			...(flows === undefined
				? {}
				: {
						flows: {
							...flows,
							aggregates: {...flows.aggregates, bucketSeconds: drawn.bucketSeconds},
							...(drawn.flowsFrom === undefined ? {} : {aggregatesFrom: drawn.flowsFrom}),
						},
					}),
		};
		const at = (end: number, length: number): Snapshot => ({
			...data,
			generatedAt: end,
			window: {start: end - length, end},
		});
		return {
			first: at(drawn.end, drawn.length),
			second: at(drawn.end + drawn.slide, Math.max(0, drawn.length + drawn.lengthChange)),
			width: drawn.width,
		};
	});

const frame = (pane: PaneId, overrides: Partial<ShellPaneProperties>) =>
	renderPane(pane, overrides).join('\n');

const sameReads = (pane: PaneId, first: Snapshot, second: Snapshot) => {
	const reads = panes[pane].reads;
	const before = reads?.(first) ?? [];
	const after = reads?.(second) ?? [Number.NaN, 'none'];
	return before.length === after.length && before.every((value, at) => Object.is(value, after[at]));
};

const windowPanes: readonly PaneId[] = ['metrics', 'changes', 'accepted', 'rejected'];

describe('the window as a pane reads it', () => {
	it.each(windowPanes)('%s: windows its reads cannot tell apart draw the same frame', (pane) => {
		let compared = 0;
		fc.assert(
			fc.property(world, ({first, second, width}) => {
				fc.pre(sameReads(pane, first, second));
				compared++;
				const shared = {width, height: 30};
				expect(frame(pane, {...shared, snapshot: second})).toBe(
					frame(pane, {...shared, snapshot: first}),
				);
			}),
			{numRuns: 40},
		);
		expect(compared).toBeGreaterThan(0);
	});

	const flowsWrite = (from: Snapshot): Snapshot => ({
		...from,
		...(from.flows === undefined ? {} : {flows: {...from.flows, connections: []}}),
	});
	const costWrite = (from: Snapshot): Snapshot => ({
		...from,
		cost: {...from.cost, queries: from.cost.queries + 1},
	});
	it.each<{
		readonly pane: PaneId;
		readonly write: (from: Snapshot) => Snapshot;
		/** How often a write a minute later draws it: the axes move by a column; the list does not. */
		readonly minuteLater: number;
	}>([
		{pane: 'metrics', write: flowsWrite, minuteLater: 2},
		{pane: 'changes', write: flowsWrite, minuteLater: 1},
		{pane: 'accepted', write: costWrite, minuteLater: 2},
		{pane: 'rejected', write: costWrite, minuteLater: 2},
	])(
		'$pane is not drawn again by a write that slides the window by seconds',
		({pane, write, minuteLater}) => {
			const drawn = {count: 0};
			const Pane = panes[pane].component;
			const entry: PaneEntry = {
				...panes[pane],
				component: (paneProperties: ShellPaneProperties) => {
					drawn.count++;
					return <Pane {...paneProperties} />;
				},
			};
			// The fixture's window and datapoints are on whole minutes: writes at :30, :32 and :37.
			const slid = (from: Snapshot, by: number): Snapshot => ({
				...write(from),
				generatedAt: from.generatedAt + by,
				window: {start: from.window.start + by, end: from.window.end + by},
			});
			const shown = (from: Snapshot) => (
				<PaneSlot entry={entry} paneProperties={properties({snapshot: from, width: 120})} />
			);
			const app = render(shown(slid(snapshot, 30 * second)));
			const before = app.lastFrame();
			app.rerender(shown(slid(snapshot, 32 * second)));
			app.rerender(shown(slid(snapshot, 37 * second)));
			expect(drawn.count).toBe(1);
			expect(app.lastFrame()).toBe(before);
			app.rerender(shown(slid(snapshot, minute + 30 * second)));
			expect(drawn.count).toBe(minuteLater);
			app.unmount();
		},
	);
});
