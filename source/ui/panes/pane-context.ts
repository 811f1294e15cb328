import type {PaneProperties, TimeZoneMode} from '../pane-types.js';
import {type Glyphs, glyphsFor} from './glyphs.js';
import {fitLines, type Line} from './line.js';
import {PaneTime} from './pane-time.js';

/** Everything a row builder needs from the pane's props besides its part of the Snapshot. */
export type PaneContext = {
	readonly width: number;
	readonly height: number;
	readonly focused: boolean;
	readonly selected: number;
	readonly timeZone: TimeZoneMode;
	/** Reading it means the drawing may change with any tick; `paneTime` reads it kept longer. */
	readonly now: number;
	readonly glyphs: Glyphs;
};

// The time each context was made at, and until when what was drawn from it holds. A copy made by
// spreading a context reads `now` (so the original holds for one tick only) and is not in here.
const times = new WeakMap<object, PaneTime>();

function timed(fields: Omit<PaneContext, 'now'>, time: PaneTime): PaneContext {
	const context = {
		...fields,
		get now() {
			time.anyTick();
			return time.now;
		},
	};
	times.set(context, time);
	return context;
}

export function paneContext(
	properties: Omit<PaneProperties, 'snapshot' | 'color' | 'now'> & {readonly now: number},
): PaneContext {
	return timed(
		{
			width: Math.max(0, Math.floor(properties.width)),
			height: Math.max(0, Math.floor(properties.height)),
			focused: properties.focused,
			selected: properties.selected,
			timeZone: properties.timeZone,
			glyphs: glyphsFor(properties.ascii),
		},
		new PaneTime(properties.now),
	);
}

/** The same context with the cursor on another row, reading the same (followed) time. */
export function withSelected(context: PaneContext, selected: number): PaneContext {
	const time = paneTime(context);
	const {width, height, focused, timeZone, glyphs} = context;
	return timed({width, height, focused, selected, timeZone, glyphs}, time);
}

/** The clock as `context` reads it, followed so the pane is kept until its text would change. */
export function paneTime(context: Pick<PaneContext, 'now'>): PaneTime {
	return times.get(context) ?? new PaneTime(context.now);
}

/** `now`, only to tell which day a time falls on (see PaneTime.day). */
export function dayNow(context: Pick<PaneContext, 'now'>): number {
	return paneTime(context).day;
}

/** The pane's contract: at most `height` lines, none wider than `width`. */
export function withinPane(lines: readonly Line[], context: PaneContext): Line[] {
	return fitLines(lines.slice(0, context.height), context.width, context.glyphs.ellipsis);
}
