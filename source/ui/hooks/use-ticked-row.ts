// A row that shows the time (the header's clock, the status line's ages) and nothing else that a
// tick changes: on a tick that only turns its characters, the row is drawn without React (see
// tick-rows.ts); otherwise, and wherever nothing draws rows that way (tests rendering the App
// alone), it re-renders on every tick as `useNow` does.
import {
	createContext,
	useCallback,
	useContext,
	useLayoutEffect,
	useRef,
	useSyncExternalStore,
} from 'react';
import type {RowChange, TickedRow, TickRows} from '../tick-rows.js';
import {useTicker} from './use-clock.js';

/** The interactive screen's drawer of ticked rows; none outside it. */
export const TickRowsContext = createContext<TickRows | undefined>(undefined);

/**
 * The current tick, for a component that draws frame row `row` alone; `change` says how that row
 * changes from one tick to another with the props of this render.
 */
export function useTickedRow(row: number, change: RowChange): number {
	const ticker = useTicker();
	const rows = useContext(TickRowsContext);
	const kept = useRef<TickedRow | undefined>(undefined);
	kept.current ??= {
		row,
		change,
		renderedAt: 0,
		generation: 0,
		drawnGeneration: -1,
		requestRender: undefined,
	};
	const ticked = kept.current;
	const subscribe = useCallback(
		(listener: () => void) => {
			ticked.requestRender = listener;
			const unsubscribe = ticker.subscribe(() => {
				if (rows === undefined || !rows.paint(ticked, ticker.now())) {
					listener();
				}
			});
			return () => {
				unsubscribe();
				ticked.requestRender = undefined;
			};
		},
		[ticker, rows, ticked],
	);
	const now = useSyncExternalStore(subscribe, ticker.now, ticker.now);
	// What this render draws: read by the next tick, and by each frame Ink writes after it.
	ticked.row = row;
	ticked.change = change;
	ticked.renderedAt = now;
	ticked.generation += 1;
	// A layout effect's cleanup runs before Ink draws the frame without the row.
	useLayoutEffect(() => {
		if (rows === undefined) {
			return undefined;
		}
		rows.register(ticked);
		return () => {
			rows.unregister(ticked);
		};
	}, [rows, ticked]);
	return now;
}
