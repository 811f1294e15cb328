// Accelerated time shared by a sim and the engine watching it: world time runs `speed` times
// faster than the wall clock from `origin`, and the engine's timers shrink by the same factor, so
// an hour of watching takes an hour / speed.
import type {Timers} from '../source/live/poller.js';

export type SpeedClock = {
	readonly speed: number;
	/** Wall-clock ms at which world time and wall time agree. */
	readonly origin: number;
	readonly now: () => number;
};

export function speedClock(speed: number, origin = Date.now()): SpeedClock {
	return {speed, origin, now: () => origin + (Date.now() - origin) * speed};
}

export function speedTimers(clock: SpeedClock): Timers {
	return {
		setTimeout: (callback, ms) => setTimeout(callback, ms / clock.speed),
		clearTimeout: (handle) => {
			clearTimeout(handle as NodeJS.Timeout);
		},
		now: clock.now,
	};
}

/** Wall-clock ms until world time reaches `worldMs`. */
export function wallMsUntil(clock: SpeedClock, worldMs: number): number {
	return Math.max(0, (worldMs - clock.now()) / clock.speed);
}
