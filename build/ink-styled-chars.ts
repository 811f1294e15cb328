// Ink turns each drawn row's styled characters back into text with @alcalzone/ansi-tokenize's
// styledCharsToString, which for every character computes the codes that lead from the style of
// the character before to its own: three Sets and four arrays per character, 200 characters a row,
// a third of everything a live 200x50 screen allocates. Neighbouring characters nearly always share
// their style, and between equal styles that computation is always empty (no code to undo, none to
// add), so the bundle skips it there: the same text, without the garbage. The other way, each
// character tokenized gets a copy of its token and of the style in force: a character token has
// those three fields, and the style arrays are never changed (each new code makes a new array), so
// each character is one plain object and characters in one style share one array. A literal, not a
// spread of the token (`{...token, styles}`): once V8's inline cache at that spread gives up, within
// the first few thousand characters a screen draws, every spread object gets a hidden class of its
// own (about 230 bytes more per character, made in the old generation).
import {applyEdits, type Edit} from './source-edits.js';

const sameStyles = `function lbtopSameStyles(from, to) {
    if (from === to) {
        return true;
    }
    if (from.length !== to.length) {
        return false;
    }
    for (let index = 0; index < from.length; index++) {
        if (from[index].code !== to[index].code || from[index].endCode !== to[index].endCode) {
            return false;
        }
    }
    return true;
}
export function styledCharsToString(chars) {`;

const edits: readonly Edit[] = [
	{
		from: '                ...token,\n                styles: [...codes],\n',
		to: '                type: token.type,\n                value: token.value,\n                fullWidth: token.fullWidth,\n                styles: codes,\n',
	},
	{from: 'export function styledCharsToString(chars) {', to: sameStyles},
	{
		from: '            ret += ansiCodesToString(diffAnsiCodes(chars[i - 1].styles, char.styles));\n',
		to: `            const previousStyles = chars[i - 1].styles;
            if (!lbtopSameStyles(previousStyles, char.styles)) {
                ret += ansiCodesToString(diffAnsiCodes(previousStyles, char.styles));
            }
`,
	},
];

/** ansi-tokenize's styledChars.js sharing styles and without the diff between equal ones; throws when the file is not the one this expects. */
export function skipEqualStyleDiffs(source: string): string {
	return applyEdits(
		source,
		edits,
		(from) =>
			`@alcalzone/ansi-tokenize/build/styledChars.js is not the file lbtop patches ("${from.trim()}" not found once): check styledCharsToString after upgrading Ink`,
	);
}
