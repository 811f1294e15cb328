// Spaces calls to an API with a per-account request rate: each caller gets the next free slot and
// waits for it. Slots are reserved before waiting, so callers that arrive together queue up
// instead of going out at once.
import {realTimers, type Timers} from './poller.js';

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
				await sleep(slot - now, signal, timers);
				// A timer that fired late must not let the next call follow closer than the spacing.
				nextSlot = Math.max(nextSlot, timers.now() + minSpacingMs);
			}
		},
	};
}

function sleep(ms: number, signal: AbortSignal, timers: Timers): Promise<void> {
	return new Promise((resolve, reject) => {
		const onAbort = () => {
			timers.clearTimeout(handle);
			reject(signal.reason);
		};
		const handle = timers.setTimeout(() => {
			signal.removeEventListener('abort', onAbort);
			resolve();
		}, ms);
		signal.addEventListener('abort', onAbort, {once: true});
	});
}
