import {describe, expect, it} from 'vitest';
import {createCallSpacer} from '../../source/live/call-spacer.js';
import type {Timers} from '../../source/live/poller.js';

type Pending = {readonly at: number; readonly callback: () => void; cancelled: boolean};

/** A clock that moves only when told, firing the timers that fall due. */
function manualTimers() {
	let now = 0;
	const pending: Pending[] = [];
	const timers: Timers = {
		now: () => now,
		setTimeout(callback, ms) {
			const timer: Pending = {at: now + ms, callback, cancelled: false};
			pending.push(timer);
			return timer;
		},
		clearTimeout(handle) {
			const timer = pending.find((candidate) => candidate === handle);
			if (timer !== undefined) {
				timer.cancelled = true;
			}
		},
	};
	return {
		timers,
		async advanceTo(ms: number) {
			now = ms;
			for (const timer of pending.filter((candidate) => candidate.at <= ms)) {
				pending.splice(pending.indexOf(timer), 1);
				if (!timer.cancelled) {
					timer.callback();
				}
			}
			await Promise.resolve();
		},
	};
}

async function startedBy(
	clock: ReturnType<typeof manualTimers>,
	ms: number,
	waits: Promise<void>[],
) {
	const settled: number[] = [];
	waits.forEach((wait, index) => {
		void wait.then(() => settled.push(index));
	});
	await clock.advanceTo(ms);
	await Promise.resolve();
	return settled;
}

describe('spacing calls', () => {
	it('lets the first call go at once and queues the next ones a spacing apart', async () => {
		const clock = manualTimers();
		const spacer = createCallSpacer(500, clock.timers);
		const signal = new AbortController().signal;
		const waits = [spacer.wait(signal), spacer.wait(signal), spacer.wait(signal)];
		expect(await startedBy(clock, 0, waits)).toEqual([0]);
		expect(await startedBy(clock, 499, waits)).toEqual([0]);
		expect(await startedBy(clock, 500, waits)).toEqual([0, 1]);
		expect(await startedBy(clock, 1000, waits)).toEqual([0, 1, 2]);
	});

	it('does not wait when the last call was long enough ago', async () => {
		const clock = manualTimers();
		const spacer = createCallSpacer(500, clock.timers);
		const signal = new AbortController().signal;
		await spacer.wait(signal);
		await clock.advanceTo(2000);
		expect(await startedBy(clock, 2000, [spacer.wait(signal)])).toEqual([0]);
	});

	it('counts the spacing from a late timer, not from when it was due', async () => {
		const clock = manualTimers();
		const spacer = createCallSpacer(500, clock.timers);
		const signal = new AbortController().signal;
		await spacer.wait(signal);
		expect(await startedBy(clock, 700, [spacer.wait(signal)])).toEqual([0]);
		const next = [spacer.wait(signal)];
		expect(await startedBy(clock, 1100, next)).toEqual([]);
		expect(await startedBy(clock, 1200, next)).toEqual([0]);
	});

	it('gives up waiting when the run is aborted', async () => {
		const clock = manualTimers();
		const spacer = createCallSpacer(500, clock.timers);
		const controller = new AbortController();
		await spacer.wait(controller.signal);
		const waiting = spacer.wait(controller.signal);
		controller.abort(new Error('paused'));
		await expect(waiting).rejects.toThrow('paused');
		await expect(spacer.wait(controller.signal)).rejects.toThrow('paused');
	});
});
