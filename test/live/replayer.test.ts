import {describe, expect, it} from 'vitest';
import type {Snapshot} from '../../source/domain/snapshot.js';
import type {Timers} from '../../source/live/poller.js';
import {Replayer} from '../../source/live/replayer.js';
import {SnapshotStore} from '../../source/live/store.js';
import {fixtureNow, fixtureSnapshot} from '../helpers/snapshot-fixture.js';

/** A wall clock the test moves by hand; timers fire in order as it passes them. */
function manualTimers() {
	let now = 1_000_000;
	let nextId = 0;
	const pending = new Map<number, {at: number; callback: () => void}>();
	const timers: Timers = {
		now: () => now,
		setTimeout: (callback, ms) => {
			nextId += 1;
			pending.set(nextId, {at: now + ms, callback});
			return nextId;
		},
		clearTimeout: (handle) => {
			pending.delete(Number(handle));
		},
	};
	const advance = (ms: number) => {
		const until = now + ms;
		for (;;) {
			const due = [...pending.entries()]
				.filter(([, timer]) => timer.at <= until)
				.sort((a, b) => a[1].at - b[1].at)[0];
			if (!due) {
				break;
			}
			pending.delete(due[0]);
			now = due[1].at;
			due[1].callback();
		}
		now = until;
	};
	return {timers, advance, pendingCount: () => pending.size};
}

/** Recorded at +0 s, +10 s, +40 s; each differs in region so the store sees a change. */
const recording: readonly Snapshot[] = [0, 10, 40].map((seconds, index) =>
	fixtureSnapshot({generatedAt: fixtureNow + seconds * 1000, region: `region-${index}`}),
);

function setup(speed: number, startIndex?: number) {
	const clock = manualTimers();
	const store = new SnapshotStore(recording[startIndex ?? 0] ?? fixtureSnapshot());
	const replayer = new Replayer({
		snapshots: recording,
		target: store,
		speed,
		timers: clock.timers,
		...(startIndex === undefined ? {} : {startIndex}),
	});
	const shown = () => store.getSnapshot().region;
	const replayTime = () => (replayer.now() - fixtureNow) / 1000;
	return {clock, store, replayer, shown, replayTime};
}

describe('Replayer', () => {
	it('shows each snapshot when its recorded time comes, on a clock that follows the recording', () => {
		const {clock, replayer, shown, replayTime} = setup(1);
		replayer.start();
		expect([shown(), replayTime()]).toEqual(['region-0', 0]);
		clock.advance(9_999);
		expect([shown(), replayTime()]).toEqual(['region-0', 9.999]);
		clock.advance(1);
		expect([shown(), replayTime()]).toEqual(['region-1', 10]);
		clock.advance(30_000);
		expect([shown(), replayTime(), replayer.finished]).toEqual(['region-2', 40, true]);
		clock.advance(60_000);
		expect(replayTime()).toBe(40);
		expect(clock.pendingCount()).toBe(0);
	});

	it.each([
		{speed: 10, wallMs: 1_000, region: 'region-1'},
		{speed: 10, wallMs: 3_999, region: 'region-1'},
		{speed: 10, wallMs: 4_000, region: 'region-2'},
		{speed: 0.5, wallMs: 19_999, region: 'region-0'},
		{speed: 0.5, wallMs: 20_000, region: 'region-1'},
	])('at speed $speed, after $wallMs ms it shows $region', ({speed, wallMs, region}) => {
		const {clock, replayer, shown} = setup(speed);
		replayer.start();
		clock.advance(wallMs);
		expect(shown()).toBe(region);
	});

	it('pause holds the snapshot and the clock; resume goes on from there', () => {
		const {clock, replayer, shown, replayTime} = setup(1);
		replayer.start();
		clock.advance(4_000);
		replayer.pause();
		clock.advance(60_000);
		expect([shown(), replayTime()]).toEqual(['region-0', 4]);
		replayer.resume();
		clock.advance(5_999);
		expect(shown()).toBe('region-0');
		clock.advance(1);
		expect([shown(), replayTime()]).toEqual(['region-1', 10]);
	});

	it('starts at the asked snapshot (--at)', () => {
		const {clock, replayer, shown, replayTime} = setup(1, 1);
		replayer.start();
		expect([shown(), replayTime(), replayer.position]).toEqual(['region-1', 10, 1]);
		clock.advance(30_000);
		expect(shown()).toBe('region-2');
	});

	it('stop leaves no timer behind', () => {
		const {clock, replayer, shown} = setup(1);
		replayer.start();
		replayer.stop();
		clock.advance(100_000);
		expect(shown()).toBe('region-0');
		expect(clock.pendingCount()).toBe(0);
	});
});
