// An access log line into its fields: space-separated, some enclosed in double quotes (the request
// line, the user agent, …), which may hold spaces and escaped quotes.
//
// How ELB escapes inside quotes is not fully documented: a `"` in a URL has been seen written as
// `\x22`, and `\"` is the common convention (UNVERIFIED for ALB). Both are read: `\"` and `\\` stand
// for the character, `\xHH` for a printable ASCII character; any other `\xHH` (a control
// character) stays as its four visible characters, so nothing a client sent can become a control
// character here. A quote inside a quoted field that is not followed by a space or the end of the
// line is kept as part of the field, so an unescaped quote in a user agent does not split it.

export type LogField = {readonly text: string; readonly quoted: boolean};

/**
 * Longer lines are cut here: ALB allows 8 KB user agents and 16 KB request lines, so a real entry
 * fits, and a hostile one cannot make lbtop scan megabytes for one record.
 */
export const maxLineLength = 65_536;

export function splitFields(line: string): LogField[] {
	const cut = line.length > maxLineLength ? line.slice(0, maxLineLength) : line;
	const text = cut.endsWith('\r') ? cut.slice(0, -1) : cut;
	const fields: LogField[] = [];
	let index = 0;
	while (index < text.length) {
		const char = text.charCodeAt(index);
		if (char === space) {
			index++;
			continue;
		}

		if (char === quote) {
			const [field, next] = readQuoted(text, index + 1);
			fields.push({text: field, quoted: true});
			index = next;
			continue;
		}

		let end = text.indexOf(' ', index);
		end = end === -1 ? text.length : end;
		fields.push({text: text.slice(index, end), quoted: false});
		index = end;
	}

	return fields;
}

/** For the NLB's entries, which quote nothing: a `"` in the ALPN list is part of the value. */
export function splitPlain(line: string): string[] {
	const text = line.length > maxLineLength ? line.slice(0, maxLineLength) : line;
	return text.split(' ').flatMap((part) => {
		const value = part.replace(/\r$/, '');
		return value === '' ? [] : [value];
	});
}

const space = 0x20;
const quote = 0x22;

function closesField(text: string, index: number): boolean {
	const next = text.charCodeAt(index + 1);
	return Number.isNaN(next) || next === space;
}

/** Reads from just after the opening quote; returns the value and the index after the closing quote. */
function readQuoted(text: string, start: number): [string, number] {
	let value = '';
	let chunk = start;
	let index = start;
	let nextEscape = text.indexOf('\\', index);
	while (index < text.length) {
		// Jump to the next quote or backslash: most quoted fields hold neither before their end.
		const nextQuote = text.indexOf('"', index);
		if (nextEscape !== -1 && nextEscape < index) {
			nextEscape = text.indexOf('\\', index);
		}

		const next =
			nextEscape !== -1 && (nextQuote === -1 || nextEscape < nextQuote) ? nextEscape : nextQuote;
		if (next === -1) {
			break;
		}

		if (next === nextQuote) {
			if (closesField(text, next)) {
				return [value + text.slice(chunk, next), next + 1];
			}

			index = next + 1;
			continue;
		}

		value += text.slice(chunk, next);
		const [unescaped, length] = readEscape(text, next);
		value += unescaped;
		index = next + length;
		chunk = index;
	}

	// An unterminated quote runs to the end of the line; the field checks decide whether it fits.
	return [value + text.slice(chunk), text.length];
}

function readEscape(text: string, index: number): [string, number] {
	const next = text[index + 1];
	if (next === '"' || next === '\\') {
		return [next, 2];
	}

	if (next === 'x') {
		const hex = text.slice(index + 2, index + 4);
		if (/^[0-9a-fA-F]{2}$/.test(hex)) {
			const code = Number.parseInt(hex, 16);
			return code >= 0x20 && code <= 0x7e ? [String.fromCharCode(code), 4] : [`\\x${hex}`, 4];
		}
	}

	return ['\\', 1];
}
