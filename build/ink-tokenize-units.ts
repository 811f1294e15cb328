// Ink's Output turns every text it draws anew into styled characters with @alcalzone/ansi-tokenize,
// whose tokenize walks the text grapheme by grapheme through Intl.Segmenter: about a microsecond a
// character, most of what a live screen spends on the rows a clock tick changes (the header clock,
// the connections' ages in seconds). lbtop's texts are ASCII and a few symbols (box drawing, blocks,
// arrows, punctuation): there every UTF-16 unit is a grapheme of its own, so the bundle steps
// through such a text unit by unit and leaves everything else to the segmenter. The tokens are the
// ones the segmenter's walk makes; test/build/ink-tokenize-units.test.ts checks that against the
// installed file for any text, and that each unit of the set stands alone between two letters.
import {applyEdits, type Edit} from './source-edits.js';

/**
 * Code units that are graphemes of their own next to each other: none is a combining mark, a
 * spacing mark, a prepended mark, a joiner, a Hangul jamo or syllable, half of a surrogate pair
 * (regional indicators, emoji) or a carriage return or line feed, the only kinds Unicode's
 * grapheme rules (UAX #29) join to a neighbour. Controls (ESC among them) always stand alone.
 */
export const singleUnitRanges: ReadonlyArray<readonly [number, number]> = [
	[0x00, 0x09],
	[0x0b, 0x0c],
	[0x0e, 0x2ff],
	[0x20_10, 0x20_27],
	[0x20_30, 0x20_5e],
	[0x21_90, 0x23_ff],
	[0x25_00, 0x27_bf],
];

const hex = (unit: number) => `\\u${unit.toString(16).padStart(4, '0')}`;
/** A JavaScript pattern matching texts made only of those units. */
export const singleUnitPattern = `/^[${singleUnitRanges.map(([from, to]) => `${hex(from)}-${hex(to)}`).join('')}]*$/`;

const units = `const segmenter = new Intl.Segmenter(undefined, { granularity: "grapheme" });
const lbtopSingleUnits = ${singleUnitPattern};
// One result object for the whole walk: the loop takes its two fields before asking for the next.
function lbtopSegments(str) {
    if (!lbtopSingleUnits.test(str)) {
        return segmenter.segment(str);
    }
    return {
        [Symbol.iterator]() {
            let index = -1;
            const value = { segment: "", index: 0 };
            const step = { done: false, value };
            return {
                next() {
                    index += 1;
                    if (index >= str.length) {
                        return { done: true, value: undefined };
                    }
                    value.segment = str[index];
                    value.index = index;
                    return step;
                },
            };
        },
    };
}
`;

const edits: readonly Edit[] = [
	{
		from: 'const segmenter = new Intl.Segmenter(undefined, { granularity: "grapheme" });\n',
		to: units,
	},
	{
		from: '    for (const { segment, index } of segmenter.segment(str)) {\n',
		to: '    for (const { segment, index } of lbtopSegments(str)) {\n',
	},
];

/** ansi-tokenize's tokenize.js stepping through single-unit texts; throws when the file is not the one this expects. */
export function tokenizeByUnits(source: string): string {
	return applyEdits(
		source,
		edits,
		(from) =>
			`@alcalzone/ansi-tokenize/build/tokenize.js is not the file lbtop patches ("${from.trim()}" not found once): check tokenize after upgrading Ink`,
	);
}
