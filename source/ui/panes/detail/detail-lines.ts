// Pieces every drill-down is built from: labelled facts, lists cut to the room left with a
// count of what did not fit, and the source's banner above data that may be stale.
import type {SourceState} from '../../../domain/snapshot.js';
import type {Glyphs} from '../glyphs.js';
import {joinParts, type Line, line, type Part, seg, type Tone} from '../line.js';
import type {PaneContext} from '../pane-context.js';
import {sourceBanner} from '../source-status.js';

export const indent = '  ';

/** Facts on one line, the least important dropped first when the pane is narrow. */
export function factsLine(parts: readonly Part[], context: PaneContext, prefix = ''): Line {
	const separator = line(context.glyphs.separator, 'dim');
	const joined = joinParts(parts, Math.max(1, context.width - prefix.length), separator);
	return prefix === '' ? joined : [seg(prefix), ...joined];
}

export function part(text: string, priority: number, tone?: Tone): Part {
	return {line: line(text, tone), priority};
}

/** "… 12 more lines". */
export function moreLine(count: number, noun: string, glyphs: Glyphs): Line {
	return line(`${glyphs.ellipsis} ${count} more ${noun}`, 'dim');
}

/** As many rows as fit in `room`, drawn; when some do not fit, the last line says how many. */
export function takeWithMore<Row>(
	rows: readonly Row[],
	room: number,
	draw: (row: Row) => Line,
	noun: string,
	glyphs: Glyphs,
): Line[] {
	if (room <= 0) {
		return [];
	}

	if (rows.length <= room) {
		return rows.map(draw);
	}

	const kept = rows.slice(0, room - 1).map(draw);
	return [...kept, moreLine(rows.length - kept.length, noun, glyphs)];
}

/**
 * The detail under its source's banner: data from a fetch that has since failed is said to be
 * stale before it is read as current. Lines are not cut here: the pane wraps and scrolls them.
 */
export function detailFrame(
	state: SourceState,
	build: (context: PaneContext) => Line[],
	context: PaneContext,
): Line[] {
	const banner = sourceBanner(state, true, context);
	const room = Math.max(0, context.height - banner.lines.length);
	return [...banner.lines, ...build({...context, height: room})];
}
