// string-width measures any text that is not printable ASCII grapheme by grapheme through
// Intl.Segmenter, with a handful of Unicode-property regular expressions per grapheme. Ink measures
// every new text it lays out and draws (the clock, an age, a row) and lbtop measures its cells with
// it, so on a live screen it runs on every tick, nearly always on ASCII with a few symbols (`·`, `│`,
// `▄`). Over texts whose every UTF-16 unit is a grapheme of its own (the set of
// build/ink-tokenize-units.ts), the width is the sum of the units' widths, since string-width adds
// up its graphemes one by one: the bundle adds them up from a table, each unit measured once by
// string-width itself. test/build/string-width-units.test.ts checks every width against the
// installed file.

import {singleUnitPattern} from './ink-tokenize-units.js';
import {applyEdits, type Edit} from './source-edits.js';

const unitWidths = `const lbtopSingleUnits = ${singleUnitPattern};
// Bounded by the set: a width for each unit of it, narrow and wide ambiguous.
const lbtopUnitWidths = [new Map(), new Map()];
function lbtopUnitWidth(unit, ambiguousIsNarrow) {
	const widths = lbtopUnitWidths[ambiguousIsNarrow ? 0 : 1];
	let width = widths.get(unit);
	if (width === undefined) {
		// The unit alone, escapes counted as they are: the grapheme string-width would meet.
		width = stringWidth(String.fromCharCode(unit), {ambiguousIsNarrow, countAnsiEscapeCodes: true, lbtopWhole: true});
		widths.set(unit, width);
	}
	return width;
}

export default function stringWidth(input, options = {}) {`;

const byUnits = `	if (/^[\\u0020-\\u007E]*$/.test(string)) {
		return string.length;
	}

	if (options.lbtopWhole !== true && lbtopSingleUnits.test(string)) {
		let unitsWidth = 0;
		for (let index = 0; index < string.length; index++) {
			unitsWidth += lbtopUnitWidth(string.charCodeAt(index), ambiguousIsNarrow);
		}
		return unitsWidth;
	}
`;

const edits: readonly Edit[] = [
	{from: 'export default function stringWidth(input, options = {}) {', to: unitWidths},
	{
		from: `	if (/^[\\u0020-\\u007E]*$/.test(string)) {
		return string.length;
	}
`,
		to: byUnits,
	},
];

/** string-width 8's index.js adding up single-unit texts; throws when the file is not the one this expects. */
export function measureByUnits(source: string): string {
	return applyEdits(
		source,
		edits,
		(from) =>
			`string-width/index.js is not the string-width 8 file lbtop patches ("${from.trim().split('\n')[0]}" not found once): check stringWidth after upgrading Ink`,
	);
}
