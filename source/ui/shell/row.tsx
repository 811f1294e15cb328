// One terminal row of exactly `width` cells: anything longer is cut, never wrapped. Rows given as
// parts are cut here, with the ellipsis of the drawing mode, and folded to ASCII when the terminal
// is ASCII-only: Ink's own cut always ends in `…`, which a C or POSIX locale cannot show.
import {Box, Text, type TextProps} from 'ink';
import {createContext, type ReactNode, useContext} from 'react';
import {glyphsFor} from '../panes/glyphs.js';
import {asciiOnly, cellWidth, truncateCells} from '../panes/text-width.js';
import type {TextRun} from '../tick-rows.js';

export type RowStyle = Pick<TextProps, 'color' | 'dimColor' | 'bold' | 'inverse'>;

/** A run of text in one style. */
export type RowPart = {
	readonly text: string;
	readonly style?: RowStyle;
};

/** Whether the screen draws with ASCII only (`--ascii`, or a locale that is not UTF-8). */
export const AsciiContext = createContext(false);

type Properties = {
	readonly width: number;
	readonly style?: RowStyle;
	/** The row's text, cut and folded by the row. */
	readonly parts?: readonly RowPart[];
	/** Text already cut to the width (the row cannot measure nested elements). */
	readonly children?: ReactNode;
};

type KeyedPart = RowPart & {readonly key: string};

/** The parts that fit in `width`; the one that does not is cut and ends with `ellipsis`. */
export function fitParts(parts: readonly RowPart[], width: number, ascii: boolean): KeyedPart[] {
	const ellipsis = glyphsFor(ascii).ellipsis;
	const total = parts.reduce((sum, part) => sum + cellWidth(part.text), 0);
	const fitted: KeyedPart[] = [];
	let used = 0;
	for (const part of parts) {
		const text = ascii ? asciiOnly(part.text) : part.text;
		const room = Math.max(0, width - used);
		const cut = total <= width ? text : truncateCells(text, room, ellipsis);
		if (cut !== '') {
			fitted.push({...part, text: cut, key: `p${fitted.length}`});
		}
		used += cellWidth(cut);
		if (cut !== text) {
			break;
		}
	}
	return fitted;
}

const sameStyle = (a: RowStyle | undefined, b: RowStyle | undefined): boolean =>
	a?.color === b?.color &&
	a?.dimColor === b?.dimColor &&
	a?.bold === b?.bold &&
	a?.inverse === b?.inverse;

/**
 * The text runs that turn a row of fitted parts `before` into `after`, starting at `column`; or
 * undefined when any part's style or width differs (the row is laid out otherwise).
 */
export function partRuns(
	before: readonly RowPart[],
	after: readonly RowPart[],
	column: number,
): TextRun[] | undefined {
	if (before.length !== after.length) {
		return undefined;
	}
	const runs: TextRun[] = [];
	let at = column;
	for (const [index, part] of before.entries()) {
		const next = after[index];
		const width = cellWidth(part.text);
		if (
			next === undefined ||
			!sameStyle(part.style, next.style) ||
			cellWidth(next.text) !== width
		) {
			return undefined;
		}
		if (next.text !== part.text) {
			runs.push({column: at, before: part.text, after: next.text});
		}
		at += width;
	}
	return runs;
}

export function Row({width, style, parts, children}: Properties) {
	const ascii = useContext(AsciiContext);
	if (parts !== undefined) {
		return (
			<Box width={width} height={1} overflowY="hidden">
				<Text {...style}>
					{fitParts(parts, width, ascii).map((part) => (
						<Text key={part.key} {...part.style}>
							{part.text}
						</Text>
					))}
				</Text>
			</Box>
		);
	}
	// Ink cuts what overflows with `…`: on an ASCII terminal the overflow is hidden instead.
	return (
		<Box width={width} height={1} overflowY="hidden">
			<Text wrap={ascii ? 'wrap' : 'truncate-end'} {...style}>
				{children}
			</Text>
		</Box>
	);
}
