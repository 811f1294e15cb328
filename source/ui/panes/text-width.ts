// Terminal cell arithmetic. Ink measures text with string-width too, so widths computed here agree
// with the layout Ink draws: a CJK character or an emoji takes two cells, a combining mark none.
import stringWidth from 'string-width';

const graphemes = new Intl.Segmenter();

/**
 * Characters that take one cell each and never join a neighbour into one grapheme: printable
 * ASCII, Latin-1 and Latin Extended letters, general punctuation (`…`, `·`), arrows, box drawing,
 * block elements and geometric shapes (sparklines, `▼`) but the two that string-width draws as
 * emoji. Nearly everything panes draw is made of these, and measuring them needs no grapheme
 * segmentation, which costs a hundred times more.
 */
const narrowText =
	/^[\x20-\x7E\u00A0-\u00AC\u00AE-\u02FF\u2010-\u2027\u2030-\u205F\u2190-\u21FF\u2500-\u25FC]*$/;

/** Whether every UTF-16 unit of `text` is one cell (so its width is its length). */
export function isNarrowText(text: string): boolean {
	return narrowText.test(text);
}

export function cellWidth(text: string): number {
	return narrowText.test(text) ? text.length : stringWidth(text);
}

/** The first `width + 1` units decide a cut, so only they are read, however long `text` is. */
function narrowUpTo(text: string, width: number): boolean {
	return narrowText.test(text.length > width + 1 ? text.slice(0, width + 1) : text);
}

/**
 * Cuts `text` to at most `width` cells; `ellipsis` marks the cut. Never splits a grapheme, and
 * stops reading once the width is used up, so a megabyte of hostile text costs a line's worth.
 */
export function truncateCells(text: string, width: number, ellipsis: string): string {
	if (width <= 0) {
		return '';
	}

	if (narrowUpTo(text, width)) {
		if (text.length <= width) {
			return text;
		}

		const narrowMark = cellWidth(ellipsis) <= width ? ellipsis : '';
		return text.slice(0, width - cellWidth(narrowMark)) + narrowMark;
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
	if (narrowUpTo(text, Math.max(0, width))) {
		return text.length <= Math.max(0, width);
	}

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
	// While the line so far and the next word are narrow, their widths are their lengths, so a
	// long text wraps in one pass instead of re-measuring the line for every word.
	let currentNarrow = true;
	const flush = () => {
		lines.push(current);
		current = '';
		currentNarrow = true;
	};

	for (const word of text.split(' ')) {
		if (word.length === 0) {
			continue;
		}

		if (lines.length > maxLines) {
			break;
		}

		const joined = current.length === 0 ? word : `${current} ${word}`;
		const narrow: boolean = currentNarrow && isNarrowText(word);
		if (narrow ? joined.length <= width : fitsCells(joined, width)) {
			current = joined;
			currentNarrow = narrow;
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

		currentNarrow = isNarrowText(current);
	}

	if (current.length > 0 || lines.length === 0) {
		flush();
	}

	// A grapheme wider than the pane and than any wide character (a cluster string-width counts as
	// three cells) would spill out of it: it is cut like any overlong text.
	const limit = Math.max(width, 2);
	for (const [index, entry] of lines.entries()) {
		if (entry.length > width && cellWidth(entry) > limit) {
			lines[index] = truncateCells(entry, width, ellipsis);
		}
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

const printableAscii = /^[\x20-\x7E]*$/;

// What an ASCII-only terminal gets instead of the punctuation and marks lbtop's own text and AWS's
// strings use; each keeps its cell width, so tables laid out before folding stay aligned.
const asciiFor: Readonly<Record<string, string>> = {
	'…': '~',
	'·': '|',
	'→': '>',
	'⇒': '>',
	'←': '<',
	'↑': '^',
	'↓': 'v',
	'▸': '>',
	'▼': 'v',
	'▲': '^',
	'│': '|',
	'─': '-',
	'—': '-',
	'–': '-',
	'‘': "'",
	'’': "'",
	'“': '"',
	'”': '"',
	'≈': '~',
	'×': 'x',
	'█': '#',
	'\u00A0': ' ',
};

/**
 * `text` in printable ASCII, cell for cell: known marks become their ASCII look-alike, accented
 * letters lose their accents, anything else is one `?` per cell it took (a C or POSIX locale
 * cannot show it: a terminal would print garbage or shift the row).
 */
export function asciiOnly(text: string): string {
	if (printableAscii.test(text)) {
		return text;
	}

	let folded = '';
	for (const {segment} of graphemes.segment(text)) {
		if (printableAscii.test(segment)) {
			folded += segment;
			continue;
		}

		const width = cellWidth(segment);
		const bare = segment.normalize('NFD').replaceAll(/\p{M}/gu, '');
		folded +=
			asciiFor[segment] ??
			(bare.length === width && printableAscii.test(bare) ? bare : '?'.repeat(width));
	}

	return folded;
}
