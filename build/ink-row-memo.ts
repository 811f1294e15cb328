// Ink 6.8 turns every frame into text by building a grid of one styled-character object per cell
// (10,000 at 200x50), tokenizing every written line's ANSI codes, measuring every character's width
// and serializing the grid back row by row: about 25 ms and 26 MB of garbage per 200x50 frame,
// whatever changed. lbtop's screen changes a few cells a second (the clock, an age), so almost every
// row of a frame is a row of the frame before. The bundle makes Ink's Output remember the text of the
// previous frame's rows by what was written into them (each write's column and text, in order) and
// build only the rows whose writes differ. A row's text depends on nothing else but the width, so the frame is the
// same text Ink would have built; test/build/ink-row-memo.test.ts checks that against Ink's own file.
// Ink also measures and tokenizes text into caches it makes anew with every frame, so a row drawn
// again (one of its panes changed) tokenizes its unchanged writes again and every character's width
// is looked up anew: the caches are kept from frame to frame instead, each with a bound. And the
// blank cells a row starts from are one shared cell, not 200 new objects each time.
import {applyEdits, type Edit} from './source-edits.js';

const grid = `        const output = [];
        for (let y = 0; y < this.height; y++) {
            const row = [];
            for (let x = 0; x < this.width; x++) {
                row.push({
                    type: 'char',
                    value: ' ',
                    fullWidth: false,
                    styles: [],
                });
            }
            output.push(row);
        }
`;

// The rows hold what was written into them, [column, text, column, text, ...], until the end.
const segmentRows = `        const output = [];
        for (let y = 0; y < this.height; y++) {
            output.push([]);
        }
`;

const writeCharacters = `                    const characters = this.caches.getStyledChars(line);
                    let offsetX = x;
                    for (const character of characters) {
                        currentLine[offsetX] = character;
                        // Determine printed width using string-width to align with measurement
                        const characterWidth = Math.max(1, this.caches.getStringWidth(character.value));
                        // For multi-column characters, clear following cells to avoid stray spaces/artifacts
                        if (characterWidth > 1) {
                            for (let index = 1; index < characterWidth; index++) {
                                currentLine[offsetX + index] = {
                                    type: 'char',
                                    value: '',
                                    fullWidth: false,
                                    styles: character.styles,
                                };
                            }
                        }
                        offsetX += characterWidth;
                    }
`;

const recordSegment = `                    currentLine.push(x, line);
`;

const serialize = `        const generatedOutput = output
            .map(line => {
            // See https://github.com/vadimdemedes/ink/pull/564#issuecomment-1637022742
            const lineWithoutEmptyItems = line.filter(item => item !== undefined);
            return styledCharsToString(lineWithoutEmptyItems).trimEnd();
        })
            .join('\\n');
`;

// Only this frame's rows are kept for the next: the memo never holds more than one screen. A row
// is nearly always the row drawn at its place in the last frame; one that moved (a scroll) or
// repeats (blank rows) is found among the last frame's rows and this frame's drawn so far. The
// writes are compared as they are, number by number and text by text, so a frame whose rows did
// not move builds no key at all.
const serializeRemembered = `        const lbtopNextRows = [];
        const generatedOutput = output
            .map((segments, y) => {
            // A row's text depends on the width too (what is cut at the edge): a resize draws anew.
            const width = this.width;
            const inPlace = lbtopPreviousRows[y];
            let text = inPlace !== undefined && lbtopSameRow(inPlace, width, segments)
                ? inPlace.text
                : (lbtopFindRow(lbtopPreviousRows, width, segments) ?? lbtopFindRow(lbtopNextRows, width, segments));
            if (text === undefined) {
                text = this.lbtopDrawRow(segments);
            }
            lbtopNextRows.push({ width, segments, text });
            return text;
        })
            .join('\\n');
        lbtopPreviousRows = lbtopNextRows;
        lbtopBoundCaches();
`;

// Ink's own drawing of one row, from its writes in order.
// The row's cells are made at their size at once (pushing one by one grows the array five times);
// only a write past the width can leave a hole for Ink's filter to drop, so without one the row
// is drawn as it is.
const drawRow = `    lbtopDrawRow(segments) {
        // As many cells as Ink's loop up to the width pushes, whatever number the width is.
        const cells = this.width > 0 ? Math.ceil(this.width) : 0;
        const currentLine = new Array(cells).fill(lbtopBlank);
        for (let segment = 0; segment < segments.length; segment += 2) {
            const x = segments[segment];
            const line = segments[segment + 1];
${writeCharacters.replaceAll(/^ {8}/gm, '')}        }
        // See https://github.com/vadimdemedes/ink/pull/564#issuecomment-1637022742
        const lineWithoutEmptyItems = currentLine.length === cells
            ? currentLine
            : currentLine.filter(item => item !== undefined);
        return styledCharsToString(lineWithoutEmptyItems).trimEnd();
    }
    get() {
`;

// Ink's caches are pure (text in, width or characters out): one set serves every frame. Past a
// bound a cache starts over. A 200x50 screen writes about 200 texts, each kept as one object a
// character, so the characters are kept in two generations of at most 150 texts: when the newer
// is full it becomes the older, and a text found in the older moves to the newer. A row drawn
// again because one of its texts changed finds the others it drew lately, whatever else changed
// on the screen between.
const sharedCaches = `let lbtopPreviousRows = [];
function lbtopSameRow(row, width, segments) {
    const kept = row.segments;
    if (row.width !== width || kept.length !== segments.length) {
        return false;
    }
    for (let index = 0; index < segments.length; index++) {
        if (kept[index] !== segments[index]) {
            return false;
        }
    }
    return true;
}
function lbtopFindRow(rows, width, segments) {
    for (const row of rows) {
        if (lbtopSameRow(row, width, segments)) {
            return row.text;
        }
    }
    return undefined;
}
const lbtopBlank = {
    type: 'char',
    value: ' ',
    fullWidth: false,
    styles: [],
};
const lbtopCaches = new OutputCaches();
let lbtopOlderStyledChars = new Map();
function lbtopBoundCaches() {
    if (lbtopCaches.styledChars.size > 150) {
        lbtopOlderStyledChars = lbtopCaches.styledChars;
        lbtopCaches.styledChars = new Map();
    }
    if (lbtopCaches.widths.size > 5000) lbtopCaches.widths.clear();
    if (lbtopCaches.blockWidths.size > 5000) lbtopCaches.blockWidths.clear();
}
export default class Output {`;

const styledCharsLookup = `            cached = styledCharsFromTokens(tokenize(line));
`;

const styledCharsGenerations = `            cached = lbtopOlderStyledChars.get(line) ?? styledCharsFromTokens(tokenize(line));
`;

const edits: readonly Edit[] = [
	{from: styledCharsLookup, to: styledCharsGenerations},
	{from: 'export default class Output {', to: sharedCaches},
	{from: '    caches = new OutputCaches();\n', to: '    caches = lbtopCaches;\n'},
	{from: grid, to: segmentRows},
	{from: writeCharacters, to: recordSegment},
	{from: serialize, to: serializeRemembered},
	// Last: the new method carries Ink's character writing, which the edit above looks for.
	{from: '    get() {\n', to: drawRow},
];

/** Ink's output.js drawing only changed rows; throws when the file is not the one this expects. */
export function memoizeInkRows(source: string): string {
	return applyEdits(
		source,
		edits,
		(from) =>
			`ink/build/output.js is not the Ink 6.8 file lbtop patches to draw only changed rows ("${from.trim().split('\n')[0]}" not found once): check Output.get after upgrading Ink`,
	);
}
