import type {PaneProperties, TimeZoneMode} from '../pane-types.js';
import {type Glyphs, glyphsFor} from './glyphs.js';
import {fitLines, type Line} from './line.js';

/** Everything a row builder needs from the pane's props besides its part of the Snapshot. */
export type PaneContext = {
	readonly width: number;
	readonly height: number;
	readonly focused: boolean;
	readonly selected: number;
	readonly timeZone: TimeZoneMode;
	readonly now: number;
	readonly glyphs: Glyphs;
};

export function paneContext(properties: Omit<PaneProperties, 'snapshot' | 'color'>): PaneContext {
	return {
		width: Math.max(0, Math.floor(properties.width)),
		height: Math.max(0, Math.floor(properties.height)),
		focused: properties.focused,
		selected: properties.selected,
		timeZone: properties.timeZone,
		now: properties.now,
		glyphs: glyphsFor(properties.ascii),
	};
}

/** The pane's contract: at most `height` lines, none wider than `width`. */
export function withinPane(lines: readonly Line[], context: PaneContext): Line[] {
	return fitLines(lines.slice(0, context.height), context.width, context.glyphs.ellipsis);
}
