// Terminal cell arithmetic. Ink measures text with string-width too, so widths computed here agree
// with the layout Ink draws: a CJK character or an emoji takes two cells, a combining mark none.
import stringWidth from 'string-width';

const graphemes = new Intl.Segmenter();

const printableAscii = /^[\x20-\x7E]*$/;

export function cellWidth(text: string): number {
	// Most of what panes draw is ASCII, where a character is a cell; string-width's grapheme
	// segmentation is only needed for the rest.
	return printableAscii.test(text) ? text.length : stringWidth(text);
}

/**
 * Cuts `text` to at most `width` cells; `ellipsis` marks the cut. Never splits a grapheme, and
 * stops reading once the width is used up, so a megabyte of hostile text costs a line's worth.
 */
export function truncateCells(text: string, width: number, ellipsis: string): string {
	if (width <= 0) {
		return '';
	}

	const mark = cellWidth(ellipsis) <= width ? ellipsis : '';
	const budget = width - cellWidth(mark);
	let used = 0;
	let kept = '';
	let keptWithMark: string | undefined;
	for (const {segment} of graphemes.segment(text)) {
		const size = cellWidth(segment);
		if (keptWithMark === undefined && used + size > budget) {
			keptWithMark = kept + mark;
		}

		if (used + size > width) {
			return keptWithMark ?? kept + mark;
		}

		kept += segment;
		used += size;
	}

	return kept;
}

function firstGrapheme(text: string): string {
	for (const {segment} of graphemes.segment(text)) {
		return segment;
	}

	return '';
}

/** Whether `text` fits in `width` cells, reading no further than that. */
export function fitsCells(text: string, width: number): boolean {
	return truncateCells(text, width, '').length === text.length;
}

export type Align = 'left' | 'right';

/** Exactly `width` cells: truncated, then padded with spaces (a wide character cut leaves a space). */
export function fitCells(
	text: string,
	width: number,
	ellipsis: string,
	align: Align = 'left',
): string {
	const cut = truncateCells(text, width, ellipsis);
	const padding = ' '.repeat(Math.max(0, width - cellWidth(cut)));
	return align === 'left' ? cut + padding : padding + cut;
}

/**
 * Word-wraps `text` into lines of at most `width` cells, breaking words longer than a line; past
 * `maxLines` the last line ends with `ellipsis`.
 */
export function wrapCells(
	text: string,
	width: number,
	maxLines: number,
	ellipsis: string,
): string[] {
	if (width <= 0 || maxLines <= 0) {
		return [];
	}

	const lines: string[] = [];
	let current = '';
	const flush = () => {
		lines.push(current);
		current = '';
	};

	for (const word of text.split(' ')) {
		if (word.length === 0) {
			continue;
		}

		if (lines.length > maxLines) {
			break;
		}

		const joined = current.length === 0 ? word : `${current} ${word}`;
		if (fitsCells(joined, width)) {
			current = joined;
			continue;
		}

		if (current.length > 0) {
			flush();
		}

		current = word;
		while (lines.length <= maxLines) {
			// A pane narrower than one wide character still gets the character, a line each.
			const head = truncateCells(current, width, '') || firstGrapheme(current);
			if (head.length === 0 || head.length === current.length) {
				break;
			}

			lines.push(head);
			current = current.slice(head.length);
		}
	}

	if (current.length > 0 || lines.length === 0) {
		flush();
	}

	if (lines.length <= maxLines) {
		return lines;
	}

	const kept = lines.slice(0, maxLines);
	const last = kept[maxLines - 1] ?? '';
	const room = Math.max(0, width - cellWidth(ellipsis));
	kept[maxLines - 1] = truncateCells(last, room, '') + ellipsis;
	return kept;
}
