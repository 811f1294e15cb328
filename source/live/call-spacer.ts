// Spaces calls to an API with a per-account request rate: each caller gets the next free slot and
// waits for it. Slots are reserved before waiting, so callers that arrive together queue up
// instead of going out at once.
import {realTimers, type Timers} from './poller.js';
import {sleepOn} from './sleep.js';

export type CallSpacer = {
	/** Resolves at the caller's slot; rejects if `signal` aborts first. */
	wait(signal: AbortSignal): Promise<void>;
};

export function createCallSpacer(minSpacingMs: number, timers: Timers = realTimers): CallSpacer {
	let nextSlot = Number.NEGATIVE_INFINITY;
	return {
		async wait(signal) {
			signal.throwIfAborted();
			const now = timers.now();
			const slot = Math.max(now, nextSlot);
			nextSlot = slot + minSpacingMs;
			if (slot > now) {
				await sleepOn(timers, slot - now, signal);
				// A timer that fired late must not let the next call follow closer than the spacing.
				nextSlot = Math.max(nextSlot, timers.now() + minSpacingMs);
			}
		},
	};
}
