// One row of Ink's frame read the way a terminal lays it out: a cell per column holding the
// character drawn there and the style it was drawn in. Widths follow string-width, the measure
// Ink lays the frame out by, so the columns are the ones Ink meant. Where a terminal might count
// differently (emoji sequences, zero-width characters) the cell is marked: nothing to its right
// can be placed by column with confidence. A row is read into a few arrays, a number or a style
// per cell, not an object per cell: the rows of each frame that changed are read, about a thousand
// cells a clock tick.
import stringWidth from 'string-width';
import {isNarrowText} from './panes/text-width.js';
import {applySgr, plainStyle, sgrParameters} from './sgr-state.js';

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

// Per cell: where its text starts and ends in the line, its style and the style at its end (as
// indexes into the row's styles), and 1 on a wide character's right half. A row keeps them in one
// array, a section each, so reading a row makes one array whatever its width.
const start = 0;
const end = 1;
const styleAt = 2;
const styleAfterAt = 3;
const tail = 4;
const sections = 5;

// Cells are read into this, grown as needed, then copied out at the row's size.
let capacity = 0;
let scratch = new Int32Array(0);

function reserve(cells: number): void {
	if (cells <= capacity) {
		return;
	}
	const grown = Math.max(cells, capacity * 2, 256);
	const next = new Int32Array(sections * grown);
	for (let section = 0; section < sections; section++) {
		next.set(scratch.subarray(section * capacity, (section + 1) * capacity), section * grown);
	}
	scratch = next;
	capacity = grown;
}

/** A row read into cells: one per column, each the character drawn there and its style. */
export class RowCells {
	constructor(
		readonly line: string,
		/** The number of cells (columns). */
		readonly length: number,
		/** The first column whose width a terminal might see otherwise; Infinity when there is none. */
		readonly firstUncertain: number,
		private readonly data: Int32Array,
		private readonly styles: readonly string[],
		/** Texts that are not the one UTF-16 unit at the cell's start, by column. */
		private readonly texts: ReadonlyMap<number, string> | undefined,
	) {}

	private at(section: number, column: number): number {
		return this.data[section * this.length + column] ?? 0;
	}

	text(column: number): string {
		if (this.wideTail(column)) {
			return '';
		}
		return this.texts?.get(column) ?? this.line.charAt(this.at(start, column));
	}

	style(column: number): string {
		return this.styles[this.at(styleAt, column)] ?? '';
	}

	styleAfter(column: number): string {
		return this.styles[this.at(styleAfterAt, column)] ?? '';
	}

	wideTail(column: number): boolean {
		return this.at(tail, column) === 1;
	}

	from(column: number): number {
		return this.at(start, column);
	}

	to(column: number): number {
		return this.at(end, column);
	}

	/** Whether both rows draw the same character in the same style at `column` (both within). */
	sameCell(column: number, other: RowCells): boolean {
		const wideTail = this.wideTail(column);
		if (wideTail !== other.wideTail(column) || this.style(column) !== other.style(column)) {
			return false;
		}
		if (this.texts?.has(column) === true || other.texts?.has(column) === true) {
			return this.text(column) === other.text(column);
		}
		return (
			wideTail ||
			this.line.charCodeAt(this.at(start, column)) ===
				other.line.charCodeAt(other.at(start, column))
		);
	}

	/** The cells as objects, column by column. */
	get cells(): Cell[] {
		return Array.from({length: this.length}, (_, column) => ({
			text: this.text(column),
			style: this.style(column),
			wideTail: this.wideTail(column),
			from: this.from(column),
			to: this.to(column),
			styleAfter: this.styleAfter(column),
		}));
	}
}

/** The row's cells, or undefined when it carries something other than text and SGR styles. */
export function parseRow(line: string): RowCells | undefined {
	// A unit is at most one cell, but a wide character of one unit is two.
	reserve(2 * line.length);
	let count = 0;
	let firstUncertain = Number.POSITIVE_INFINITY;
	let state = plainStyle;
	const styles = [''];
	let styleId = 0;
	let texts: Map<number, string> | undefined;
	const push = (from: number, to: number, wideTail: number) => {
		scratch[start * capacity + count] = from;
		scratch[end * capacity + count] = to;
		scratch[styleAt * capacity + count] = styleId;
		scratch[styleAfterAt * capacity + count] = styleId;
		scratch[tail * capacity + count] = wideTail;
		count += 1;
	};
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
			const style = sgrParameters(state);
			styleId = styles.indexOf(style);
			if (styleId === -1) {
				styleId = styles.push(style) - 1;
			}
			index = sgrSequence.lastIndex;
			continue;
		}
		const nextEscape = line.indexOf('\u001B', index);
		const textEnd = nextEscape === -1 ? line.length : nextEscape;
		const text = line.slice(index, textEnd);
		if (controlCharacter.test(text)) {
			return undefined;
		}
		// Nearly every row is narrow text (see text-width.ts): each character is a grapheme of one
		// cell, so it needs no segmentation; only a few of them (`©`, `▶`) may show as emoji.
		if (isNarrowText(text)) {
			const ascii = printableAscii.test(text);
			for (let from = index; from < textEnd; from++) {
				if (!ascii && unsteadyBase.test(line.charAt(from))) {
					firstUncertain = Math.min(firstUncertain, count);
				}
				push(from, from + 1, 0);
			}
			index = textEnd;
			continue;
		}
		for (const {segment, index: offset} of segmenter.segment(text)) {
			const from = index + offset;
			const to = from + segment.length;
			const width = stringWidth(segment);
			if (width === 0) {
				// Terminals stack a zero-width character on the cell before it, or give it a column.
				let owner = count - 1;
				while (owner >= 0 && scratch[tail * capacity + owner] === 1) {
					owner -= 1;
				}
				if (owner < 0) {
					return undefined;
				}
				texts ??= new Map();
				const ownerText = texts.get(owner) ?? line.charAt(scratch[start * capacity + owner] ?? 0);
				texts.set(owner, ownerText + segment);
				firstUncertain = Math.min(firstUncertain, owner);
				for (let cell = owner; cell < count; cell++) {
					scratch[end * capacity + cell] = to;
					scratch[styleAfterAt * capacity + cell] = styleId;
				}
				continue;
			}
			if (!certainWidth(segment, width)) {
				firstUncertain = Math.min(firstUncertain, count);
			}
			reserve(count + width);
			if (segment.length !== 1) {
				texts ??= new Map();
				texts.set(count, segment);
			}
			push(from, to, 0);
			for (let column = 1; column < width; column++) {
				push(from, to, 1);
			}
		}
		index = textEnd;
	}
	// The erase that ends a drawn row paints the rest in the background then in force.
	if (styleId !== 0) {
		return undefined;
	}
	const data = new Int32Array(sections * count);
	for (let section = 0; section < sections; section++) {
		data.set(scratch.subarray(section * capacity, section * capacity + count), section * count);
	}
	return new RowCells(line, count, firstUncertain, data, styles, texts);
}
