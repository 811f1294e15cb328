import {describe, expect, it} from 'vitest';
import {
	type HeldWindow,
	planWindow,
	settledHorizon,
	type TimeRange,
	type WindowSettings,
} from '../../../source/domain/flows-window/index.js';

/** Unix seconds of a UTC time of day on 2024-05-01, e.g. `12:20:30`. */
function at(clock: string): number {
	const [hours = 0, minutes = 0, seconds = 0] = clock.split(':').map(Number);
	return Date.UTC(2024, 4, 1, hours, minutes, seconds) / 1000;
}

function range(start: string, end: string): TimeRange {
	return {start: at(start), end: at(end)};
}

const oneMinute: WindowSettings = {windowSeconds: 900, aggregationSeconds: 60};
const tenMinutes: WindowSettings = {windowSeconds: 900, aggregationSeconds: 600};
const nothingHeld: HeldWindow = {exact: []};

describe('settledHorizon', () => {
	it.each([
		{now: '12:20:30', aggregation: 60, horizon: '12:14:00'},
		{now: '12:20:00', aggregation: 60, horizon: '12:14:00'},
		{now: '12:19:59', aggregation: 60, horizon: '12:13:00'},
		{now: '12:20:30', aggregation: 600, horizon: '12:05:00'},
	])('at $now with $aggregation-s aggregation, buckets before $horizon have settled', (row) => {
		expect(settledHorizon(at(row.now), row.aggregation, 60)).toBe(at(row.horizon));
	});
});

type Row = {
	readonly name: string;
	readonly now: string;
	readonly settings: WindowSettings;
	readonly held: HeldWindow;
	readonly windowStart: string;
	readonly keep: readonly TimeRange[];
	readonly query?: TimeRange;
	readonly rowsBackfill?: TimeRange;
	readonly provisionalFrom: string;
	readonly readFrom: string;
	readonly rawFrom: string;
};

const rows: readonly Row[] = [
	{
		name: 'the first refresh backfills the settled part of the window in one query',
		now: '12:20:30',
		settings: oneMinute,
		held: nothingHeld,
		windowStart: '12:05:00',
		keep: [],
		query: range('12:05:00', '12:14:00'),
		provisionalFrom: '12:14:00',
		// Until the backfill answers, the whole window is provisional: it is read raw.
		readFrom: '12:05:00',
		rawFrom: '12:05:00',
	},
	{
		name: 'a refresh before anything new settled queries nothing and re-reads only unsettled time',
		now: '12:20:40',
		settings: oneMinute,
		held: {exact: [range('12:05:00', '12:14:00')], rawHorizon: at('12:14:00')},
		windowStart: '12:05:00',
		keep: [range('12:05:00', '12:14:00')],
		provisionalFrom: '12:14:00',
		readFrom: '12:14:00',
		rawFrom: '12:05:00',
	},
	{
		name: 'one newly settled minute waits for the batch: it stays provisional',
		now: '12:21:30',
		settings: oneMinute,
		held: {exact: [range('12:05:00', '12:14:00')], rawHorizon: at('12:14:00')},
		windowStart: '12:06:00',
		keep: [range('12:05:00', '12:14:00')],
		provisionalFrom: '12:14:00',
		readFrom: '12:14:00',
		rawFrom: '12:06:00',
	},
	{
		name: 'two settled minutes are queried once, starting where the held answers end',
		now: '12:22:30',
		settings: oneMinute,
		held: {exact: [range('12:05:00', '12:14:00')], rawHorizon: at('12:15:00')},
		windowStart: '12:07:00',
		keep: [range('12:05:00', '12:14:00')],
		query: range('12:14:00', '12:16:00'),
		provisionalFrom: '12:16:00',
		// The stretch about to be answered is still read raw: it is provisional until the answer.
		readFrom: '12:14:00',
		rawFrom: '12:07:00',
	},
	{
		name: 'the window sliding forward drops the answers it has left behind',
		now: '12:29:30',
		settings: oneMinute,
		held: {
			exact: [
				range('12:05:00', '12:14:00'),
				range('12:14:00', '12:16:00'),
				range('12:16:00', '12:18:00'),
				range('12:18:00', '12:20:00'),
				range('12:20:00', '12:22:00'),
			],
			rawHorizon: at('12:23:00'),
		},
		windowStart: '12:14:00',
		keep: [
			range('12:14:00', '12:16:00'),
			range('12:16:00', '12:18:00'),
			range('12:18:00', '12:20:00'),
			range('12:20:00', '12:22:00'),
		],
		provisionalFrom: '12:22:00',
		readFrom: '12:22:00',
		rawFrom: '12:14:00',
	},
	{
		name: 'a range straddling the window start is kept until its last bucket leaves',
		now: '12:21:30',
		settings: oneMinute,
		held: {exact: [range('12:05:00', '12:14:00'), range('12:14:00', '12:15:00')]},
		windowStart: '12:06:00',
		keep: [range('12:05:00', '12:14:00'), range('12:14:00', '12:15:00')],
		provisionalFrom: '12:15:00',
		readFrom: '12:06:00',
		rawFrom: '12:06:00',
	},
	{
		name: 'after a long pause nothing held is in the window: a new backfill, no old range',
		now: '13:00:30',
		settings: oneMinute,
		held: {exact: [range('12:05:00', '12:14:00')], rawHorizon: at('12:14:00')},
		windowStart: '12:45:00',
		keep: [],
		query: range('12:45:00', '12:54:00'),
		provisionalFrom: '12:54:00',
		readFrom: '12:45:00',
		rawFrom: '12:45:00',
	},
	{
		name: '600-s aggregation: a 15-minute window has not settled at all, all of it is provisional',
		now: '12:20:30',
		settings: tenMinutes,
		held: nothingHeld,
		windowStart: '12:05:00',
		keep: [],
		provisionalFrom: '12:05:00',
		readFrom: '12:05:00',
		rawFrom: '12:05:00',
	},
	{
		name: '600-s aggregation: an hour window backfills what is 15 minutes old',
		now: '13:00:30',
		settings: {...tenMinutes, windowSeconds: 3600},
		held: nothingHeld,
		windowStart: '12:00:00',
		keep: [],
		query: range('12:00:00', '12:45:00'),
		provisionalFrom: '12:45:00',
		readFrom: '12:00:00',
		rawFrom: '12:00:00',
	},
	{
		name: '600-s aggregation: later stretches are queried in batches like 60-s ones',
		now: '13:02:30',
		settings: {...tenMinutes, windowSeconds: 3600},
		held: {exact: [range('12:00:00', '12:45:00')], rawHorizon: at('12:46:00')},
		windowStart: '12:02:00',
		keep: [range('12:00:00', '12:45:00')],
		query: range('12:45:00', '12:47:00'),
		provisionalFrom: '12:47:00',
		readFrom: '12:45:00',
		rawFrom: '12:02:00',
	},
	{
		name: 'a longer window asks Insights for the time before the held answers, and reads its rows once',
		now: '12:22:30',
		settings: {...oneMinute, windowSeconds: 3600},
		held: {
			exact: [range('12:05:00', '12:14:00'), range('12:14:00', '12:16:00')],
			rawHorizon: at('12:16:00'),
			rowsFrom: at('12:07:00'),
		},
		windowStart: '11:22:00',
		keep: [range('12:05:00', '12:14:00'), range('12:14:00', '12:16:00')],
		query: range('11:22:00', '12:05:00'),
		rowsBackfill: range('11:22:00', '12:07:00'),
		// The edge is where it was: only the time before the held answers is new.
		provisionalFrom: '12:16:00',
		readFrom: '12:16:00',
		rawFrom: '11:22:00',
	},
	{
		name: 'once the longer window is answered, newly settled time is batched as before',
		now: '12:24:30',
		settings: {...oneMinute, windowSeconds: 3600},
		held: {
			exact: [
				range('11:22:00', '12:05:00'),
				range('12:05:00', '12:14:00'),
				range('12:14:00', '12:16:00'),
			],
			rawHorizon: at('12:17:00'),
			rowsFrom: at('11:22:00'),
		},
		windowStart: '11:24:00',
		keep: [
			range('11:22:00', '12:05:00'),
			range('12:05:00', '12:14:00'),
			range('12:14:00', '12:16:00'),
		],
		query: range('12:16:00', '12:18:00'),
		provisionalFrom: '12:18:00',
		readFrom: '12:16:00',
		rawFrom: '11:24:00',
	},
];

describe('planWindow', () => {
	it.each(rows)('$name', (row) => {
		const plan = planWindow(at(row.now), row.settings, row.held);
		expect(plan.windowStart).toBe(at(row.windowStart));
		expect(plan.keep).toEqual(row.keep);
		expect(plan.query).toEqual(row.query);
		expect(plan.rowsBackfill).toEqual(row.rowsBackfill);
		expect(plan.provisionalFrom).toBe(at(row.provisionalFrom));
		expect(plan.read).toEqual({start: at(row.readFrom), end: at(row.now) + 1});
		expect(plan.rawFrom).toBe(at(row.rawFrom));
	});

	it('never asks for a settled range twice while the clock runs', () => {
		let held: HeldWindow = {exact: []};
		const queried: TimeRange[] = [];
		for (let now = at('12:20:30'); now < at('13:20:30'); now += 10) {
			const plan = planWindow(now, oneMinute, held);
			if (plan.query !== undefined) {
				queried.push(plan.query);
			}

			held = {
				exact: plan.query === undefined ? plan.keep : [...plan.keep, plan.query],
				rawHorizon: plan.horizon,
			};
		}

		const seconds = queried.flatMap((answered) =>
			Array.from({length: (answered.end - answered.start) / 60}, (_, index) => {
				return answered.start + index * 60;
			}),
		);
		expect(new Set(seconds).size).toBe(seconds.length);
		expect(queried[0]).toEqual(range('12:05:00', '12:14:00'));
		// After the backfill, about one query per two settled minutes.
		expect(queried.length).toBeGreaterThanOrEqual(30);
		expect(queried.length).toBeLessThanOrEqual(31);
	});

	it('covers the whole window with answers asked once, whatever windows are asked for', () => {
		const windows = [
			{from: at('12:20:30'), seconds: 900},
			{from: at('12:40:00'), seconds: 3600},
			{from: at('13:00:00'), seconds: 300},
			{from: at('13:10:00'), seconds: 900},
			{from: at('13:20:00'), seconds: 10_800},
		];
		let held: HeldWindow = {exact: []};
		for (let now = at('12:20:30'); now < at('13:40:30'); now += 10) {
			const windowSeconds = windows.filter((entry) => entry.from <= now).at(-1)?.seconds ?? 900;
			const plan = planWindow(now, {...oneMinute, windowSeconds}, held);
			const query = plan.query;
			if (query !== undefined) {
				// Nothing asked for is already held.
				for (const kept of plan.keep) {
					expect(query.end <= kept.start || query.start >= kept.end).toBe(true);
				}
			}

			const exact = [...plan.keep, ...(query === undefined ? [] : [query])].sort(
				(left, right) => left.start - right.start,
			);
			// Once answered, the held answers run without a hole from the window's start (a window
			// shorter than the settling delay has nothing settled to ask for).
			if (plan.horizon > plan.windowStart) {
				expect(exact[0]?.start).toBeLessThanOrEqual(plan.windowStart);
			}
			for (const [index, range] of exact.entries()) {
				expect(range.start).toBe(exact[index - 1]?.end ?? range.start);
			}

			held = {exact, rawHorizon: plan.horizon, rowsFrom: plan.rawFrom};
		}
	});

	it('always reads raw from no later than the start of the provisional edge', () => {
		let held: HeldWindow = {exact: []};
		for (let now = at('12:20:30'); now < at('12:50:30'); now += 7) {
			const plan = planWindow(now, oneMinute, held);
			expect(plan.read.start).toBeLessThanOrEqual(plan.exactThrough);
			expect(plan.read.start).toBeLessThanOrEqual(plan.provisionalFrom);
			held = {
				exact: plan.query === undefined ? plan.keep : [...plan.keep, plan.query],
				rawHorizon: plan.horizon,
			};
		}
	});
});
