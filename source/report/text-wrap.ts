// The summary is pasted into chat and tickets: lines short enough to read without scrolling,
// broken between words and never inside one (a word longer than a line, an ARN or a URL, stays
// whole on a line of its own, so it can still be copied).

export const summaryWidth = 100;

/** Continuation lines start this much right of where the line's text does. */
const hangingIndent = 4;

export function wrapSummaryLine(line: string, width = summaryWidth): string[] {
	if (line.length <= width) {
		return [line];
	}
	const text = line.trimStart();
	const lead = line.length - text.length;
	const indent = ' '.repeat(Math.min(lead + hangingIndent, Math.floor(width / 2)));
	const rows: string[] = [];
	let row = line.slice(0, lead);
	let empty = true;
	for (const word of text.split(/ +/)) {
		if (word === '') {
			continue;
		}
		if (!empty && row.length + 1 + word.length > width) {
			rows.push(row);
			row = indent;
			empty = true;
		}
		row = empty ? `${row}${word}` : `${row} ${word}`;
		empty = false;
	}
	rows.push(row);
	return rows;
}

/** Every line of `text` wrapped. */
export function wrapSummary(text: string, width = summaryWidth): string {
	return text
		.split('\n')
		.flatMap((line) => wrapSummaryLine(line, width))
		.join('\n');
}

/**
 * At most about `limit` characters of a text from AWS, cut after a whole word (the summary has
 * room for a long one, not for a flood).
 */
export function clipAtWord(text: string, limit: number, ellipsis = '…'): string {
	if (text.length <= limit) {
		return text;
	}
	const space = text.lastIndexOf(' ', limit);
	return `${text.slice(0, space > 0 ? space : limit).trimEnd()} ${ellipsis}`;
}
