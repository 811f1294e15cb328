// The current time for the header clock and relative ages, ticking on the second boundary so the
// displayed seconds change together, at most once a second.
import {useEffect, useState} from 'react';

export type Clock = () => number;

const systemClock: Clock = () => Date.now();

export function useNow(clock: Clock = systemClock, intervalMs = 1000): number {
	const [now, setNow] = useState(clock);
	useEffect(() => {
		let timer: ReturnType<typeof setTimeout> | undefined;
		const schedule = () => {
			const delay = intervalMs - (clock() % intervalMs);
			timer = setTimeout(() => {
				setNow(clock());
				schedule();
			}, delay);
		};
		schedule();
		return () => {
			clearTimeout(timer);
		};
	}, [clock, intervalMs]);
	return now;
}
