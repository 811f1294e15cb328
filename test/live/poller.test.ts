import {describe, expect, it} from 'vitest';
import {Poller, type Timers} from '../../source/live/poller.js';

/** Timers driven by the test: nothing fires until `advance`. */
function fakeTimers() {
	let now = 0;
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
			pending.delete(handle as number);
		},
	};
	async function advance(ms: number) {
		const until = now + ms;
		for (;;) {
			// Let work already resolved (a run that just finished) schedule what it schedules.
			for (let i = 0; i < 20; i++) {
				await Promise.resolve();
			}
			const due = [...pending.entries()]
				.filter(([, timer]) => timer.at <= until)
				.sort((a, b) => a[1].at - b[1].at)[0];
			if (!due) {
				break;
			}
			pending.delete(due[0]);
			now = due[1].at;
			due[1].callback();
			// Let the run's promise chain settle before looking for the next timer.
			for (let i = 0; i < 20; i++) {
				await Promise.resolve();
			}
		}
		now = until;
	}
	return {timers, advance, delays: () => [...pending.values()].map((timer) => timer.at - now)};
}

describe('Poller', () => {
	it('runs at start and then once per interval after each run finishes', async () => {
		const clock = fakeTimers();
		let runs = 0;
		const poller = new Poller({
			intervalMs: 1000,
			timers: clock.timers,
			onFailure: () => {},
			run: async () => {
				runs += 1;
			},
		});
		poller.start();
		await clock.advance(0);
		expect(runs).toBe(1);
		await clock.advance(3000);
		expect(runs).toBe(4);
	});

	it('drops a refresh asked for while a run is in flight', async () => {
		const clock = fakeTimers();
		let runs = 0;
		let release: () => void = () => {};
		const poller = new Poller({
			intervalMs: 1000,
			timers: clock.timers,
			onFailure: () => {},
			run: () => {
				runs += 1;
				return new Promise<void>((resolve) => {
					release = resolve;
				});
			},
		});
		poller.start();
		await clock.advance(0);
		poller.refreshNow();
		poller.refreshNow();
		await clock.advance(0);
		expect(runs).toBe(1);
		release();
		await clock.advance(0);
		expect(runs).toBe(1);
	});

	it('backs off exponentially on failure, reports each, and recovers', async () => {
		const clock = fakeTimers();
		const failures: number[] = [];
		let failing = true;
		const poller = new Poller({
			intervalMs: 1000,
			timers: clock.timers,
			onFailure: (_error, retryAt) => failures.push(retryAt),
			run: async () => {
				if (failing) {
					throw new Error('ThrottlingException');
				}
			},
		});
		poller.start();
		await clock.advance(0);
		await clock.advance(1000);
		await clock.advance(2000);
		expect(failures).toEqual([1000, 3000, 7000]);
		expect(clock.delays()).toEqual([4000]);
		failing = false;
		await clock.advance(4000);
		expect(clock.delays()).toEqual([1000]);
	});

	it('aborts the run in flight on stop, without reporting a failure', async () => {
		const clock = fakeTimers();
		const failures: unknown[] = [];
		let aborted = false;
		const poller = new Poller({
			intervalMs: 1000,
			timers: clock.timers,
			onFailure: (error) => failures.push(error),
			run: (signal) =>
				new Promise<void>((_resolve, reject) => {
					signal.addEventListener('abort', () => {
						aborted = true;
						reject(new Error('aborted'));
					});
				}),
		});
		poller.start();
		await clock.advance(0);
		await poller.stop();
		expect(aborted).toBe(true);
		expect(failures).toEqual([]);
		expect(clock.delays()).toEqual([]);
	});

	it('runs again right after the run in flight when a refresh is forced (new inputs)', async () => {
		const clock = fakeTimers();
		let runs = 0;
		let finish: () => void = () => {};
		const poller = new Poller({
			intervalMs: 60_000,
			timers: clock.timers,
			onFailure: () => {},
			run: () => {
				runs += 1;
				return new Promise<void>((resolve) => {
					finish = resolve;
				});
			},
		});
		poller.start();
		await clock.advance(0);
		poller.refreshNow(true);
		finish();
		await clock.advance(0);
		expect(runs).toBe(2);
	});
});
