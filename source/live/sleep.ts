// Waiting on the engine's timers (so accelerated and virtual clocks apply), given up on abort.
import type {Timers} from './poller.js';

export function sleepOn(timers: Timers, ms: number, signal: AbortSignal): Promise<void> {
	return new Promise((resolve, reject) => {
		if (signal.aborted) {
			reject(signal.reason);
			return;
		}

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

/**
 * Waits for `promise` to settle or `ms` to pass, whichever comes first: true when it settled. The
 * timer is cleared either way, so nothing is left pending.
 */
export async function settlesWithin(
	promise: Promise<unknown>,
	timers: Timers,
	ms: number,
	signal: AbortSignal,
): Promise<boolean> {
	const waiting = new AbortController();
	let settled = false;
	const done = promise.then(
		() => {
			settled = true;
		},
		() => {
			settled = true;
		},
	);
	// The sleep ends early on either abort; which one it was is read from the signals below.
	const sleeping = sleepOn(timers, ms, AbortSignal.any([signal, waiting.signal])).catch(
		() => undefined,
	);
	try {
		await Promise.race([done, sleeping]);
	} finally {
		waiting.abort();
	}

	signal.throwIfAborted();
	return settled;
}
