import {describe, expect, it} from 'vitest';
import {settlesWithin} from '../../source/live/sleep.js';
import {VirtualTimers} from '../faults/support/virtual-timers.js';

async function until(condition: () => boolean): Promise<void> {
	const deadline = Date.now() + 5000;
	while (!condition()) {
		if (Date.now() > deadline) {
			throw new Error('condition not met within 5 s');
		}

		await new Promise((resolve) => setTimeout(resolve, 1));
	}
}

describe('settlesWithin', () => {
	it('is true as soon as the promise settles, failed or not, and leaves no timer behind', async () => {
		const timers = new VirtualTimers();
		const signal = new AbortController().signal;
		expect(await settlesWithin(Promise.resolve(1), timers, 2000, signal)).toBe(true);
		expect(await settlesWithin(Promise.reject(new Error('no')), timers, 2000, signal)).toBe(true);
		expect(timers.pendingCount).toBe(0);
	});

	it('is false once the time has passed on the given timers', async () => {
		const timers = new VirtualTimers();
		let waited: boolean | undefined;
		void settlesWithin(
			new Promise(() => undefined),
			timers,
			2000,
			new AbortController().signal,
		).then((settled) => {
			waited = settled;
		});
		await until(() => timers.pendingCount === 1);
		timers.advance(2000);
		timers.fireDue();
		await until(() => waited !== undefined);
		expect(waited).toBe(false);
	});

	it('throws the abort reason when aborted while waiting', async () => {
		const timers = new VirtualTimers();
		const controller = new AbortController();
		const waiting = settlesWithin(new Promise(() => undefined), timers, 2000, controller.signal);
		controller.abort(new Error('paused'));
		await expect(waiting).rejects.toThrow('paused');
		expect(timers.pendingCount).toBe(0);
	});
});
