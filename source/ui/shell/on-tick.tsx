// Draws what shows the time (the header clock, the status line's ages) on every tick of the
// shell's clock, without the rest of the shell rendering with it.
import type {ReactNode} from 'react';
import {useNow} from '../hooks/use-clock.js';

type Properties = {
	readonly children: (now: number) => ReactNode;
};

export function OnTick({children}: Properties) {
	return children(useNow());
}
