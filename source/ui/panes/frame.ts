// The last step before Ink: at most `height` lines, each at most `width` cells, with neighbouring
// segments of the same style merged (each segment becomes an Ink node, and Ink's cost grows with
// the node count far more than with the text length).
import {fitLine, type Line, type Segment, type Tone} from './line.js';

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

function mergeStyles(
	line: Line,
	color: boolean,
): Array<{text: string; tone?: Tone; inverse: boolean}> {
	const merged: Array<{text: string; tone?: Tone; inverse: boolean}> = [];
	for (const segment of line) {
		if (segment.text.length === 0) {
			continue;
		}

		const style = styleOf(segment, color);
		const last = merged.at(-1);
		if (last !== undefined && last.tone === style.tone && last.inverse === style.inverse) {
			last.text += segment.text;
		} else {
			merged.push({...style, text: segment.text});
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
): FrameRow[] {
	const rows: FrameRow[] = [];
	const limit = Math.min(lines.length, Math.max(0, height));
	for (let index = 0; index < limit; index += 1) {
		const fitted = fitLine(lines[index] ?? [], Math.max(0, width), ellipsis);
		const segments = mergeStyles(fitted, color);
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
