// Ink turns each drawn row's styled characters back into text with @alcalzone/ansi-tokenize's
// styledCharsToString, which for every character computes the codes that lead from the style of
// the character before to its own: three Sets and four arrays per character, 200 characters a row,
// a third of everything a live 200x50 screen allocates. Neighbouring characters nearly always share
// their style, and between equal styles that computation is always empty (no code to undo, none to
// add), so the bundle skips it there: the same text, without the garbage.
//
// Each styled character is also made as a plain literal instead of by spreading its token
// (`{...token, styles}`): once V8's inline cache at that spread gives up, which happens within the
// first few thousand characters a screen draws, every spread object gets a hidden class of its own
// (a map, a descriptor array and a property array each: about 230 bytes more per character). A
// live 200x50 screen keeps the characters of its last 300 texts (build/ink-row-memo.ts) and makes
// thousands more a second; the maps are made in the old generation, never the young one.

type Edit = {readonly from: string; readonly to: string};

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

// A char token carries exactly these three fields (tokenize.js).
const charLiteral = {
	from: '                ...token,\n',
	to: '                type: token.type,\n                value: token.value,\n                fullWidth: token.fullWidth,\n',
};

const edits: readonly Edit[] = [
	charLiteral,
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

/** ansi-tokenize's styledChars.js with one hidden class for its characters and without the style diff between equal styles; throws when the file is not the one this expects. */
export function skipEqualStyleDiffs(source: string): string {
	let patched = source;
	for (const {from, to} of edits) {
		if (patched.split(from).length !== 2) {
			throw new Error(
				`@alcalzone/ansi-tokenize/build/styledChars.js is not the file lbtop patches ("${from.trim()}" not found once): check styledCharsToString after upgrading Ink`,
			);
		}
		patched = patched.replace(from, () => to);
	}
	return patched;
}
