// A pane is drawn as lines of styled segments. Builders produce them as plain data (testable
// without rendering); `fitLine` is the single place where text meets the width limit.
import {sanitizeText} from '../../domain/sanitize.js';
import {type Align, cellWidth, truncateCells} from './text-width.js';

export type Tone = 'red' | 'green' | 'yellow' | 'dim' | 'bold';

export type Segment = {
	readonly text: string;
	readonly tone?: Tone;
	readonly inverse?: boolean;
};

export type Line = readonly Segment[];

/** No pane shows more than a few 200-cell lines of one text; longer input only costs time. */
const segmentLimit = 1000;

// What sanitizeText removes or replaces: escape sequences start with ESC, a control character
// too. Text without any of these (nearly all of it) comes back unchanged, so it is not rebuilt.
const unsafeCharacter = /[\u0000-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/;

/** `sanitizeText`, without its cost for text it would return unchanged. */
export function safeText(text: string, limit = segmentLimit): string {
	return text.length <= limit && !unsafeCharacter.test(text) ? text : sanitizeText(text, limit);
}

/** Every segment is sanitized (and bounded) on creation, so no builder can forget it. */
export function seg(text: string, tone?: Tone): Segment {
	const clean = safeText(text);
	return tone === undefined ? {text: clean} : {text: clean, tone};
}

export function line(text: string, tone?: Tone): Line {
	return [seg(text, tone)];
}

export function lineWidth(value: Line): number {
	let total = 0;
	for (const segment of value) {
		total += cellWidth(segment.text);
	}

	return total;
}

export function lineText(value: Line): string {
	return value.map((segment) => segment.text).join('');
}

/** The same text in the same styles, segment by segment. */
export function sameLine(left: Line, right: Line): boolean {
	if (left === right) {
		return true;
	}

	if (left.length !== right.length) {
		return false;
	}

	// A loop, not a closure per call: see tableRow.
	for (let index = 0; index < left.length; index += 1) {
		const segment = left[index];
		const other = right[index];
		if (
			segment === undefined ||
			other === undefined ||
			segment.text !== other.text ||
			segment.tone !== other.tone ||
			(segment.inverse === true) !== (other.inverse === true)
		) {
			return false;
		}
	}

	return true;
}

export function sameLines(left: readonly Line[], right: readonly Line[]): boolean {
	if (left === right) {
		return true;
	}

	if (left.length !== right.length) {
		return false;
	}

	for (let index = 0; index < left.length; index += 1) {
		if (!sameLine(left[index] ?? [], right[index] ?? [])) {
			return false;
		}
	}

	return true;
}

/** At most `width` cells; the ellipsis marks a cut and takes the tone of the segment it ends. */
export function fitLine(value: Line, width: number, ellipsis: string): Line {
	const fitted: Segment[] = [];
	let used = 0;
	for (const segment of value) {
		const text = safeText(segment.text);
		const size = cellWidth(text);
		if (used + size <= width) {
			fitted.push(text === segment.text ? segment : {...segment, text});
			used += size;
			continue;
		}

		const cut = truncateCells(text, width - used, ellipsis);
		if (cut.length > 0) {
			fitted.push({...segment, text: cut});
		}

		break;
	}

	return fitted;
}

export function fitLines(lines: readonly Line[], width: number, ellipsis: string): Line[] {
	return lines.map((value) => fitLine(value, width, ellipsis));
}

/** Exactly `width` cells. */
export function fitLineExactly(
	value: Line,
	width: number,
	ellipsis: string,
	align: Align = 'left',
): Line {
	const fitted = fitLine(value, width, ellipsis);
	const missing = width - lineWidth(fitted);
	if (missing <= 0) {
		return fitted;
	}

	const padding: Segment = {text: ' '.repeat(missing)};
	return align === 'left' ? [...fitted, padding] : [padding, ...fitted];
}

/** The selected row: the whole width in inverse video, which reads without color. */
export function highlight(value: Line, width: number, ellipsis: string): Line {
	return fitLineExactly(value, width, ellipsis).map((segment) => ({...segment, inverse: true}));
}

export type Part = {
	readonly line: Line;
	/** Lower is more important; the most important part is always shown, cut if need be. */
	readonly priority: number;
};

/**
 * Joins the parts that fit, most important first, in their given order: a narrow pane loses
 * whole facts ("lag 4m50s") instead of showing halves of each.
 */
export function joinParts(parts: readonly Part[], width: number, separator: Line): Line {
	const byPriority = [...parts].sort((a, b) => a.priority - b.priority);
	const separatorWidth = lineWidth(separator);
	const kept = new Set<Part>();
	let used = 0;
	for (const part of byPriority) {
		const size = lineWidth(part.line) + (kept.size > 0 ? separatorWidth : 0);
		if (kept.size === 0 || used + size <= width) {
			kept.add(part);
			used += size;
		}
	}

	const joined: Segment[] = [];
	for (const part of parts) {
		if (!kept.has(part)) {
			continue;
		}

		if (joined.length > 0) {
			joined.push(...separator);
		}

		joined.push(...part.line);
	}

	return joined;
}

type Word = {readonly text: string; readonly segment: Segment};

/** The line's words (runs without spaces) and the runs of spaces between them, in order. */
function wordsOf(value: Line): Array<Word | {readonly spaces: string}> {
	const words: Array<Word | {readonly spaces: string}> = [];
	for (const segment of value) {
		for (const piece of segment.text.split(/( +)/)) {
			if (piece !== '') {
				words.push(piece.startsWith(' ') ? {spaces: piece} : {text: piece, segment});
			}
		}
	}

	return words;
}

/**
 * The line in rows of at most `width` cells, broken between words, never inside one unless it is
 * longer than a row. Rows after the first start two cells right of where the line's text does, so
 * a wrapped line reads as one. Styles and the spacing between words on a row carry over.
 */
export function wrapLine(value: Line, width: number): Line[] {
	if (width <= 0 || lineWidth(value) <= width) {
		return [value];
	}

	const text = lineText(value);
	const lead = text.length - text.trimStart().length;
	const indent = Math.min(lead + 2, Math.floor(width / 2));
	const rows: Segment[][] = [];
	let row: Segment[] = [];
	let used = 0;
	/** Spaces waiting for the next word on this row; dropped where the row breaks. */
	let pending = '';
	const startRow = () => {
		rows.push(row);
		row = [{text: ' '.repeat(indent)}];
		used = indent;
		pending = '';
	};

	for (const word of wordsOf(value)) {
		if ('spaces' in word) {
			pending += word.spaces;
			continue;
		}

		let rest = word.text;
		const empty = used === 0 || (rows.length > 0 && used === indent);
		if (!empty && used + pending.length + cellWidth(rest) > width) {
			startRow();
		} else if (pending !== '') {
			row.push({text: pending});
			used += pending.length;
			pending = '';
		}

		// A word longer than a row (an ARN, a URL) is broken where the row ends.
		while (used + cellWidth(rest) > width) {
			const head = truncateCells(rest, width - used, '');
			if (head.length === 0) {
				break;
			}

			row.push({...word.segment, text: head});
			rest = rest.slice(head.length);
			startRow();
		}

		row.push({...word.segment, text: rest});
		used += cellWidth(rest);
	}

	rows.push(row);
	return rows;
}

export function wrapLines(lines: readonly Line[], width: number): Line[] {
	return lines.flatMap((value) => wrapLine(value, width));
}
