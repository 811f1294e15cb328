// The shell's clock: one timer, ticking on the second boundary, only while something shows the time.
import {afterEach, describe, expect, it, vi} from 'vitest';
import {createTicker} from '../../source/ui/hooks/use-clock.js';

afterEach(() => {
	vi.useRealTimers();
});

describe('createTicker', () => {
	it('ticks on each second boundary, every listener in the same task, and stops when none listen', () => {
		vi.useFakeTimers({now: Date.UTC(2025, 2, 14, 13, 42, 10, 400)});
		const ticker = createTicker();
		const heard: Array<[string, number]> = [];
		const stopA = ticker.subscribe(() => heard.push(['a', ticker.now()]));
		const stopB = ticker.subscribe(() => heard.push(['b', ticker.now()]));
		// Between ticks the time stays the last tick's.
		expect(ticker.now()).toBe(Date.UTC(2025, 2, 14, 13, 42, 10, 400));
		vi.advanceTimersByTime(599);
		expect(heard).toEqual([]);
		vi.advanceTimersByTime(1);
		const eleven = Date.UTC(2025, 2, 14, 13, 42, 11);
		expect(heard).toEqual([
			['a', eleven],
			['b', eleven],
		]);
		vi.advanceTimersByTime(1000);
		expect(heard.slice(2)).toEqual([
			['a', eleven + 1000],
			['b', eleven + 1000],
		]);
		stopA();
		stopB();
		expect(vi.getTimerCount()).toBe(0);
		vi.advanceTimersByTime(5000);
		expect(heard).toHaveLength(4);
	});

	it('reads the clock again when something listens after a pause', () => {
		vi.useFakeTimers({now: Date.UTC(2025, 2, 14, 13, 42, 10)});
		const ticker = createTicker();
		vi.advanceTimersByTime(90_000);
		const stop = ticker.subscribe(() => undefined);
		expect(ticker.now()).toBe(Date.UTC(2025, 2, 14, 13, 43, 40));
		stop();
	});
});
