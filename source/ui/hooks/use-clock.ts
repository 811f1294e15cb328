// The shell's clock: one timer ticking on the second boundary, so everything that shows the time
// reads the same tick and changes together, at most once a second. What shows the time subscribes
// where it is drawn (the header clock, the status line, a pane at the time its text would next
// read differently), so a second without new data re-renders only what shows that second.
import {createContext, useCallback, useContext, useRef, useSyncExternalStore} from 'react';

export type Clock = () => number;

export const systemClock: Clock = () => Date.now();

export type Ticker = {
	subscribe(listener: () => void): () => void;
	/** The time of the last tick, Unix ms: the same value until the next tick. */
	now(): number;
};

/** Ticks while anything listens; every listener hears a tick in the same task, so React batches them. */
export function createTicker(clock: Clock = systemClock, intervalMs = 1000): Ticker {
	let tick = clock();
	let timer: ReturnType<typeof setTimeout> | undefined;
	const listeners = new Set<() => void>();
	const schedule = () => {
		const delay = intervalMs - (((clock() % intervalMs) + intervalMs) % intervalMs);
		timer = setTimeout(() => {
			tick = clock();
			schedule();
			for (const listener of [...listeners]) {
				listener();
			}
		}, delay);
	};
	return {
		subscribe(listener) {
			listeners.add(listener);
			if (timer === undefined) {
				// Idle since its last tick: React reads the tick again after subscribing.
				tick = clock();
				schedule();
			}
			return () => {
				listeners.delete(listener);
				if (listeners.size === 0) {
					clearTimeout(timer);
					timer = undefined;
				}
			};
		},
		now: () => tick,
	};
}

const systemTicker = createTicker();

/** The shell's ticker; outside a shell, the system clock's. */
export const TickerContext = createContext<Ticker>(systemTicker);

export function useTicker(): Ticker {
	return useContext(TickerContext);
}

/** The current tick; the caller re-renders on every tick. */
export function useNow(): number {
	const ticker = useTicker();
	return useSyncExternalStore(ticker.subscribe, ticker.now, ticker.now);
}

/**
 * Whether the clock is still before `until` (a notice's or a note's end): the caller re-renders
 * when that turns, not on every tick.
 */
export function useBefore(until: number): boolean {
	const ticker = useTicker();
	const before = () => ticker.now() < until;
	return useSyncExternalStore(ticker.subscribe, before, before);
}

export type KeptDrawing = {
	/** The first time at which what was drawn may read differently. */
	readonly until: number;
};

const noSubscription = () => () => undefined;
const noTick = () => 0;

/**
 * Re-renders the caller at the first tick at or past `kept.current.until`, and on no other tick.
 * With `follow` false (a drawing at a fixed time) it does not listen to the clock.
 */
export function useRedrawWhenDue(
	kept: {readonly current: KeptDrawing | undefined},
	follow: boolean,
): void {
	const ticker = useTicker();
	// Changed only here, never while rendering: React compares it before and after each commit.
	const due = useRef(0);
	const subscribe = useCallback(
		(listener: () => void) => {
			const check = () => {
				const drawn = kept.current;
				if (drawn !== undefined && ticker.now() >= drawn.until && due.current !== ticker.now()) {
					due.current = ticker.now();
					return true;
				}
				return false;
			};
			const unsubscribe = ticker.subscribe(() => {
				if (check()) {
					listener();
				}
			});
			// Due between the render and this subscription: React reads the snapshot next.
			check();
			return unsubscribe;
		},
		[ticker, kept],
	);
	const snapshot = () => due.current;
	useSyncExternalStore(
		follow ? subscribe : noSubscription,
		follow ? snapshot : noTick,
		follow ? snapshot : noTick,
	);
}
