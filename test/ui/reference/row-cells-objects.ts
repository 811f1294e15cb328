// The row reader as it was before rows were read into arrays (an object per cell), kept as the
// reference the reader and the row diff are checked against.
// One row of Ink's frame read the way a terminal lays it out: a cell per column holding the
// character drawn there and the style it was drawn in. Widths follow string-width, the measure
// Ink lays the frame out by, so the columns are the ones Ink meant. Where a terminal might count
// differently (emoji sequences, zero-width characters) the cell is marked: nothing to its right
// can be placed by column with confidence.
import stringWidth from 'string-width';
import {isNarrowText} from '../../../source/ui/panes/text-width.js';
import {applySgr, plainStyle, sgrParameters} from '../../../source/ui/sgr-state.js';

export type Cell = {
	/** The character drawn here (with any marks combined onto it); '' on a wide one's right half. */
	readonly text: string;
	/** SGR parameters in force when it was drawn ('' for plain). */
	readonly style: string;
	readonly wideTail: boolean;
	/** Where its text starts and ends in the row, to copy Ink's own bytes for a run of cells. */
	readonly from: number;
	readonly to: number;
	/** SGR parameters in force at `to`. */
	readonly styleAfter: string;
};

export type RowCells = {
	readonly line: string;
	readonly cells: readonly Cell[];
	/** The first column whose width a terminal might see otherwise; Infinity when there is none. */
	readonly firstUncertain: number;
};

type MutableCell = {-readonly [Key in keyof Cell]: Cell[Key]};

const sgrSequence = /\u001B\[([\d;]*)m/y;
// C0 and C1 controls move the cursor or do nothing visible; either way columns stop adding up.
const controlCharacter = /[\u0000-\u001F\u007F-\u009F]/;
const printableAscii = /^[\u0020-\u007E]*$/;
const segmenter = new Intl.Segmenter('en', {granularity: 'grapheme'});

const unsteadyBase =
	/\p{M}|\p{Extended_Pictographic}|\p{Regional_Indicator}|\p{Default_Ignorable_Code_Point}/u;
const combiningMark = /^[\p{Mn}\p{Me}]$/u;
const variationSelector = /\p{Variation_Selector}/u;

/**
 * Whether terminals agree with string-width on this character's width: one code point outside
 * emoji, optionally with non-spacing combining marks (which every terminal stacks on the cell).
 * East Asian ambiguous characters count as certain: Ink lays the whole frame out as if narrow.
 */
function certainWidth(segment: string, width: number): boolean {
	const [base, ...marks] = segment;
	if (base === undefined || width > 2 || unsteadyBase.test(base) || stringWidth(base) !== width) {
		return false;
	}
	return marks.every((mark) => combiningMark.test(mark) && !variationSelector.test(mark));
}

/** The row's cells, or undefined when it carries something other than text and SGR styles. */
export function parseRow(line: string): RowCells | undefined {
	const cells: MutableCell[] = [];
	let firstUncertain = Number.POSITIVE_INFINITY;
	let state = plainStyle;
	let style = '';
	let index = 0;
	while (index < line.length) {
		if (line.charCodeAt(index) === 0x1b) {
			sgrSequence.lastIndex = index;
			const match = sgrSequence.exec(line);
			const next = match === null ? undefined : applySgr(state, match[1] ?? '');
			if (next === undefined) {
				return undefined;
			}
			state = next;
			style = sgrParameters(state);
			index = sgrSequence.lastIndex;
			continue;
		}
		const nextEscape = line.indexOf('\u001B', index);
		const end = nextEscape === -1 ? line.length : nextEscape;
		const text = line.slice(index, end);
		if (controlCharacter.test(text)) {
			return undefined;
		}
		// Nearly every row is narrow text (see text-width.ts): each character is a grapheme of one
		// cell, so it needs no segmentation; only a few of them (`©`, `▶`) may show as emoji.
		if (isNarrowText(text)) {
			const ascii = printableAscii.test(text);
			for (let from = index; from < end; from++) {
				const character = line.charAt(from);
				if (!ascii && unsteadyBase.test(character)) {
					firstUncertain = Math.min(firstUncertain, cells.length);
				}
				cells.push({
					text: character,
					style,
					wideTail: false,
					from,
					to: from + 1,
					styleAfter: style,
				});
			}
			index = end;
			continue;
		}
		for (const {segment, index: offset} of segmenter.segment(text)) {
			const from = index + offset;
			const to = from + segment.length;
			const width = stringWidth(segment);
			if (width === 0) {
				// Terminals stack a zero-width character on the cell before it, or give it a column.
				const owner = cells.findLast((cell) => !cell.wideTail);
				if (owner === undefined) {
					return undefined;
				}
				owner.text += segment;
				firstUncertain = Math.min(firstUncertain, cells.indexOf(owner));
				for (const cell of cells.slice(cells.indexOf(owner))) {
					cell.to = to;
					cell.styleAfter = style;
				}
				continue;
			}
			if (!certainWidth(segment, width)) {
				firstUncertain = Math.min(firstUncertain, cells.length);
			}
			cells.push({text: segment, style, wideTail: false, from, to, styleAfter: style});
			for (let column = 1; column < width; column++) {
				cells.push({text: '', style, wideTail: true, from, to, styleAfter: style});
			}
		}
		index = end;
	}
	// The erase that ends a drawn row paints the rest in the background then in force.
	if (style !== '') {
		return undefined;
	}
	return {line, cells, firstUncertain};
}
