// The last step before Ink: at most `height` lines, each at most `width` cells, with neighbouring
// segments of the same style merged (each segment becomes an Ink node) and no trailing blanks
// (Ink reads every character it is given, one by one, on every frame).
import {fitLine, type Line, type Segment, type Tone} from './line.js';
import {asciiOnly} from './text-width.js';

export type FrameSegment = {
	readonly key: string;
	readonly text: string;
	readonly tone?: Tone;
	readonly inverse: boolean;
};

export type FrameRow = {
	readonly key: string;
	readonly segments: readonly FrameSegment[];
};

function styleOf(segment: Segment, color: boolean): {tone?: Tone; inverse: boolean} {
	const inverse = segment.inverse === true;
	return color && segment.tone !== undefined ? {tone: segment.tone, inverse} : {inverse};
}

type Styled = {text: string; tone?: Tone; inverse: boolean};

const blank = /^ *$/;

function sameStyle(left: Styled, right: Omit<Styled, 'text'>): boolean {
	return left.tone === right.tone && left.inverse === right.inverse;
}

/**
 * Neighbouring segments of the same style become one. Spaces show no tone, so spaces that are not
 * in inverse video join the segment before them whatever its tone (`ACC ACC REJ` is two runs,
 * not five), and the spaces that end a row are dropped: the cells they would cover are blank.
 */
function mergeStyles(line: Line, color: boolean, ascii: boolean): Styled[] {
	const merged: Styled[] = [];
	for (const original of line) {
		if (original.text.length === 0) {
			continue;
		}

		// Text from AWS and lbtop's own words may hold `·`, `…` or letters an ASCII terminal cannot
		// show; folding keeps each cell, so the row still fits.
		const segment = ascii ? {...original, text: asciiOnly(original.text)} : original;

		const style = styleOf(segment, color);
		const last = merged.at(-1);
		const spaces = !style.inverse && blank.test(segment.text);
		if (last !== undefined && (sameStyle(last, style) || (spaces && !last.inverse))) {
			last.text += segment.text;
		} else {
			merged.push({...style, text: segment.text});
		}
	}

	const last = merged.at(-1);
	if (last !== undefined && !last.inverse) {
		last.text = last.text.trimEnd();
		if (last.text.length === 0) {
			merged.pop();
		}
	}

	return merged;
}

/** Keys are positions: a terminal row's identity is where it is drawn, not what it shows. */
export function frameRows(
	lines: readonly Line[],
	width: number,
	height: number,
	ellipsis: string,
	color: boolean,
	ascii = false,
): FrameRow[] {
	const rows: FrameRow[] = [];
	const limit = Math.min(lines.length, Math.max(0, height));
	for (let index = 0; index < limit; index += 1) {
		const fitted = fitLine(lines[index] ?? [], Math.max(0, width), ellipsis);
		const segments = mergeStyles(fitted, color, ascii);
		const keyed: FrameSegment[] = [];
		for (let position = 0; position < segments.length; position += 1) {
			const segment = segments[position];
			if (segment !== undefined) {
				keyed.push({...segment, key: `s${position}`});
			}
		}

		rows.push({key: `r${index}`, segments: keyed});
	}

	return rows;
}
