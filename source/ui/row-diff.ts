// A changed row is usually a few changed characters: the clock's seconds, an age. Rewriting the
// whole row resends ~200 columns and their colours each second; this sends only the changed
// cells. Invariant (kept by frame-diff): the terminal shows each row as if `CSI row;1H`, the row's
// text and `CSI K` had been written, with the style plain before and after every write.
import {parseRow, type RowCells} from './row-cells.js';

const esc = '\u001B[';
const clearToEnd = `${esc}K`;
const resetStyle = `${esc}m`;

/** Columns `start`..`end` (0-based, inclusive); `toEnd` also erases whatever lies beyond. */
type Span = {readonly start: number; readonly end: number; readonly toEnd: boolean};

/** Whether both rows draw the same at `column`: the same cell, or none (past both rows' ends). */
const sameCell = (before: RowCells, after: RowCells, column: number): boolean => {
	const inBefore = column < before.length;
	const inAfter = column < after.length;
	return inBefore && inAfter ? before.sameCell(column, after) : inBefore === inAfter;
};

/**
 * Runs of differing columns. A run never starts on a wide character's right half (the columns
 * before it are equal, so both rows split there alike), and a cell draws its whole character, so
 * a run ending on a left half still redraws both.
 */
function differingRuns(before: RowCells, after: RowCells): Span[] {
	const width = Math.max(before.length, after.length);
	const runs: Span[] = [];
	for (let column = 0; column < width; column++) {
		if (sameCell(before, after, column)) {
			continue;
		}
		const last = runs.at(-1);
		if (last !== undefined && last.end === column - 1) {
			runs[runs.length - 1] = {...last, end: column};
		} else {
			runs.push({start: column, end: column, toEnd: false});
		}
	}
	return runs;
}

/**
 * Past a character whose width terminals disagree on, a column number may name another cell on
 * screen: a run reaching it starts no later than that character and redraws the rest of the row.
 */
function steadyRuns(runs: readonly Span[], before: RowCells, after: RowCells): Span[] {
	const unsure = Math.min(before.firstUncertain, after.firstUncertain);
	const firstUnsteady = runs.findIndex((run) => run.end >= unsure);
	if (firstUnsteady === -1) {
		return [...runs];
	}
	const start = Math.min(runs[firstUnsteady]?.start ?? unsure, unsure);
	const end = Math.max(before.length, after.length) - 1;
	return [...runs.slice(0, firstUnsteady), {start, end, toEnd: true}];
}

/** The bytes that draw `span` of the row `after` on screen row `row` (1-based). */
function drawSpan(row: number, after: RowCells, span: Span): string {
	const {length, line} = after;
	const move = `${esc}${row};${span.start + 1}H`;
	const last = Math.min(span.end, length - 1);
	const erase = span.toEnd || span.end >= length ? clearToEnd : '';
	if (span.start >= length || last < 0) {
		return `${move}${erase}`;
	}
	const firstStyle = after.style(span.start);
	const open = firstStyle === '' ? '' : `${esc}${firstStyle}m`;
	const close = after.styleAfter(last) === '' ? '' : resetStyle;
	return `${move}${open}${line.slice(after.from(span.start), after.to(last))}${close}${erase}`;
}

const byteLength = (text: string) => Buffer.byteLength(text);

/** Joins runs whose gap costs fewer bytes to redraw than a second cursor move and style. */
function joinCheapGaps(row: number, after: RowCells, runs: readonly Span[]): Span[] {
	const joined: Span[] = [];
	for (const run of runs) {
		const previous = joined.at(-1);
		if (previous !== undefined) {
			const both = {start: previous.start, end: run.end, toEnd: run.toEnd};
			const apart =
				byteLength(drawSpan(row, after, previous)) + byteLength(drawSpan(row, after, run));
			if (byteLength(drawSpan(row, after, both)) <= apart) {
				joined[joined.length - 1] = both;
				continue;
			}
		}
		joined.push(run);
	}
	return joined;
}

// A row changed in this frame is the row to change from in the next: each is read once. The memo
// keeps two generations of at most `generationLimit` rows each, enough for the rows one frame
// changes and the ones it changes from; a third generation is dropped whole, so what it holds
// stays bounded whatever the rows (it once held up to 512 rows, the heap's largest item).
const generationLimit = 64;
let currentRows = new Map<string, RowCells | undefined>();
let olderRows = new Map<string, RowCells | undefined>();

export function parsed(line: string): RowCells | undefined {
	if (currentRows.has(line)) {
		return currentRows.get(line);
	}
	const cells = olderRows.has(line) ? olderRows.get(line) : parseRow(line);
	if (currentRows.size >= generationLimit) {
		olderRows = currentRows;
		currentRows = new Map();
	}
	currentRows.set(line, cells);
	return cells;
}

/** The bytes that turn screen row `row` (1-based) from showing `previous` into showing `next`. */
export function rowDelta(row: number, previous: string | undefined, next: string): string {
	const whole = `${esc}${row};1H${next}${clearToEnd}`;
	const before = previous === undefined ? undefined : parsed(previous);
	const after = parsed(next);
	if (before === undefined || after === undefined) {
		return whole;
	}
	const runs = joinCheapGaps(row, after, steadyRuns(differingRuns(before, after), before, after));
	const partial = runs.map((run) => drawSpan(row, after, run)).join('');
	return byteLength(partial) < byteLength(whole) ? partial : whole;
}
