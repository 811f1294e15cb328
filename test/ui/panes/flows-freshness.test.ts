// At high traffic the connection rows are a sample of the window's records. On an 80-column pane
// the freshness line must still say so while "loading" or "STALE" shows too: the note shortens
// ("sampled 12.3k of 21.4M", "sampled 0.05%", "sampled") and less important parts go first.
import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import type {FlowsView, TimeWindow} from '../../../source/domain/snapshot.js';
import {flowsFreshnessLine} from '../../../source/ui/panes/flows-freshness.js';
import {lineText, lineWidth} from '../../../source/ui/panes/line.js';
import {context, now, snapshot} from './fixture.js';

const minute = 60_000;
const held = snapshot.flows as FlowsView;
const hour: TimeWindow = {start: now - 60 * minute, end: now};
/** 12.3k rows paired out of 21.4M records of the span 12:45-13:40. */
const busy: FlowsView = {
	...held,
	rowsFrom: now - 55 * minute,
	recordsRead: 12_300,
	recordsMatched: 21_400_000,
};
/** The narrowest pane the line is held to say everything that applies. */
const minimumWidth = 40;
/** Any form of the sampling note: the long one names the share of the records the rows hold. */
const sampledNote = /\bsampled?\b|: \S+ of \S+ records/;

type Case = {
	readonly stale: boolean;
	readonly loading: boolean;
	readonly sampled: boolean;
};

function freshness(
	flows: FlowsView,
	width: number,
	{stale, loading, sampled}: Case,
	zone?: 'utc' | 'local',
) {
	const view: FlowsView = {
		...flows,
		sampled,
		aggregatesFrom: loading ? now - 15 * minute : hour.start,
	};
	const shown = flowsFreshnessLine(
		view,
		stale,
		context(zone === undefined ? {width} : {width, timeZone: zone}),
		[],
		{window: hour},
	);
	return {text: lineText(shown), width: lineWidth(shown)};
}

function expectTruthful(shown: {text: string; width: number}, width: number, kind: Case) {
	expect(shown.width).toBeLessThanOrEqual(width);
	expect(shown.text.includes('STALE')).toBe(kind.stale);
	expect(shown.text.includes('loading')).toBe(kind.loading);
	expect(sampledNote.test(shown.text)).toBe(kind.sampled);
}

const kinds: Case[] = [false, true].flatMap((stale) =>
	[false, true].flatMap((loading) => [false, true].map((sampled) => ({stale, loading, sampled}))),
);
const cases = [40, 44, 50, 60, 70, 78, 80, 100, 120].flatMap((width) =>
	kinds.map((kind) => ({width, ...kind})),
);

describe('the flows freshness line says what is sampled, loading and stale', () => {
	it.each(cases)('at $width cells, stale $stale, loading $loading, sampled $sampled', (row) => {
		expectTruthful(freshness(busy, row.width, row), row.width, row);
	});

	it('keeps the sampling note beside "loading" and "STALE" on an 80-column pane', () => {
		const shown = freshness(busy, 78, {stale: true, loading: true, sampled: true});
		expect(shown.text).toBe(
			'loading 12:45Z-13:30Z · STALE flows through 13:40:10Z · sampled 12.3k of 21.4M',
		);
	});

	it('gives the share when the counts do not fit, and the bare word below that', () => {
		const all = {stale: true, loading: true, sampled: true};
		expect(freshness(busy, 70, all).text).toBe(
			'loading 12:45Z-13:30Z · STALE flows through 13:40:10Z · sampled 0.05%',
		);
		expect(freshness(busy, 40, all).text).toMatch(/^loading · STALE\b.* · sampled\b/);
	});

	it('drops the lag before it shortens the note', () => {
		const shown = freshness(busy, 78, {stale: false, loading: true, sampled: true});
		expect(shown.text).toContain('sampled 12.3k of 21.4M');
		expect(shown.text).not.toContain('lag');
	});

	it.each([
		{read: 9_995, matched: 10_000, shown: 'sampled 99%'},
		{read: 1_290, matched: 10_000, shown: 'sampled 12%'},
		{read: 1, matched: 21_400_000, shown: 'sampled <0.01%'},
		{read: 41, matched: 1_000, shown: 'sampled 4.1%'},
		{read: 123, matched: 100_000, shown: 'sampled 0.1%'},
	])('never gives a sample of $read in $matched as more of the records than it is', (row) => {
		const flows: FlowsView = {...busy, recordsRead: row.read, recordsMatched: row.matched};
		const all = {stale: true, loading: true, sampled: true};
		expect(freshness(flows, 70, all).text).toMatch(new RegExp(`· ${row.shown}$`));
	});

	it('holds for any width the pane can have and any mix of states', () => {
		fc.assert(
			fc.property(
				fc.integer({min: minimumWidth, max: 240}),
				fc.record({stale: fc.boolean(), loading: fc.boolean(), sampled: fc.boolean()}),
				fc.boolean(),
				fc.nat({max: 1_000_000_000_000}),
				fc.double({min: 0, max: 1, noNaN: true}),
				fc.constantFrom('utc', 'local') as fc.Arbitrary<'utc' | 'local'>,
				fc.option(fc.constantFrom('S3 + Athena', 'CloudWatch Logs Insights'), {nil: undefined}),
				(width, kind, withSpan, matched, share, zone, via) => {
					const {rowsFrom: _, ...noSpan} = busy;
					const flows: FlowsView = {
						...(withSpan ? busy : noSpan),
						recordsMatched: matched,
						recordsRead: Math.floor(matched * share),
						...(via === undefined ? {} : {via}),
					};
					expectTruthful(freshness(flows, width, kind, zone), width, kind);
				},
			),
		);
	});
});
