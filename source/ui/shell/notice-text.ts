// A notice (where `y` saved the summary) as at most two rows of the screen's width: broken
// between words, and a path wider than a row keeps its file name whole, losing the middle of its
// directory instead, so the name can still be typed or found.
import {glyphsFor} from '../panes/glyphs.js';
import {cellWidth, truncateCells, wrapCells} from '../panes/text-width.js';

export const maxNoticeRows = 2;

function shortenPath(path: string, width: number, ellipsis: string): string {
	const slash = path.lastIndexOf('/');
	const name = path.slice(slash + 1);
	const directory = path.slice(0, slash + 1);
	const room = width - cellWidth(name) - cellWidth(ellipsis);
	if (room < 2) {
		return truncateCells(name, width, ellipsis);
	}
	const head = Math.ceil(room / 2);
	const tail = room - head;
	return `${directory.slice(0, head)}${ellipsis}${directory.slice(directory.length - tail)}${name}`;
}

export function noticeLines(text: string, width: number, ascii: boolean): string[] {
	const ellipsis = glyphsFor(ascii).ellipsis;
	const words = text
		.split(' ')
		.map((word) =>
			word.startsWith('/') && cellWidth(word) > width ? shortenPath(word, width, ellipsis) : word,
		);
	return wrapCells(words.join(' '), width, maxNoticeRows, ellipsis);
}
