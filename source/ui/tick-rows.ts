// Most seconds on screen change nothing but the clock's digits and the status line's ages. Drawn
// through React, each such tick is a commit, a whole Ink frame (its tree walk, its rows' text) and
// a diff of every row against the last frame, to send a few characters. A row that only the clock
// changes is drawn here instead, straight to the diff writer: the digits that turned are put in
// place in the row as last sent, the same characters in the same styles Ink would have drawn (Ink
// builds a row's text from its cells' characters and styles alone, so changing a character of one
// cell in the same style changes that character alone), and React is not told.
//
// React's tree then holds an older time for that row, so every frame Ink draws while React has not
// rendered the row again is corrected here: its line for the row is the one Ink drew before the
// first such tick (`base`) and is replaced by what the screen shows (`current`). Once React renders
// the row again (a write, a key, a resize, or a tick this cannot draw), Ink's line is its own.
import {parsed} from './row-diff.js';

/** A run of text whose characters change between two ticks, at a column of its row. */
export type TextRun = {
	readonly column: number;
	readonly before: string;
	readonly after: string;
};

/**
 * The runs that turn a row drawn at `from` into the row drawn at `to`, or undefined when the row
 * changes in any other way (a width, a style, a part that comes or goes): then React draws it.
 */
export type RowChange = (from: number, to: number) => readonly TextRun[] | undefined;

/** A row that follows the clock, as React last rendered it. */
export type TickedRow = {
	/** The frame's row (0-based) and how it changes: read from the last render's props. */
	row: number;
	change: RowChange;
	/** The tick the last render drew. */
	renderedAt: number;
	/** Counts renders; `drawnGeneration` is the count when Ink last drew a frame. */
	generation: number;
	drawnGeneration: number;
	/** Asks React to render the row (its clock subscription's listener). */
	requestRender: (() => void) | undefined;
};

/** The diff writer's side: the row the terminal shows, and a row to send. */
export type ShownRows = {
	line(row: number): string | undefined;
	draw(row: number, line: string): void;
};

export type TickRows = {
	register(row: TickedRow): void;
	unregister(row: TickedRow): void;
	/** Draws the row at `now` without React; false when React must render it. */
	paint(row: TickedRow, now: number): boolean;
	/** Called with each frame Ink writes, before it is compared with the screen. */
	frame(lines: string[]): void;
};

type Painted = {
	readonly base: string;
	readonly current: string;
	readonly paintedAt: number;
	readonly generation: number;
};

const printableAscii = /^[\u0020-\u007E]*$/;

/**
 * `line` with each run's characters changed from `before` to `after`, or undefined when the row
 * does not show `before` there as single-cell characters, or the change is not one of characters
 * alone (lengths differ, a character outside printable ASCII, a row Ink would trim).
 */
export function patchLine(line: string, runs: readonly TextRun[]): string | undefined {
	const cells = parsed(line);
	if (cells === undefined) {
		return undefined;
	}
	const changes = new Map<number, string>();
	for (const {column, before, after} of runs) {
		if (
			before.length !== after.length ||
			!printableAscii.test(before) ||
			!printableAscii.test(after)
		) {
			return undefined;
		}
		for (let index = 0; index < before.length; index++) {
			const cell = column + index;
			if (
				cell < 0 ||
				cell >= cells.length ||
				cells.wideTail(cell) ||
				cells.to(cell) - cells.from(cell) !== 1 ||
				cells.text(cell) !== before[index]
			) {
				return undefined;
			}
			if (before[index] !== after[index]) {
				changes.set(cells.from(cell), after[index] ?? '');
			}
		}
	}
	let patched = '';
	let copied = 0;
	for (const at of [...changes.keys()].sort((a, b) => a - b)) {
		patched += line.slice(copied, at) + changes.get(at);
		copied = at + 1;
	}
	patched += line.slice(copied);
	// Ink trims each row's end: a row ending in a space is not one Ink would send.
	return patched.trimEnd() === patched ? patched : undefined;
}

export function createTickRows(screen: ShownRows): TickRows {
	const registered = new Set<TickedRow>();
	const painted = new Map<TickedRow, Painted>();
	return {
		register(row) {
			registered.add(row);
		},
		unregister(row) {
			registered.delete(row);
			painted.delete(row);
		},
		paint(row, now) {
			// Ink has not yet drawn the row's last render (a frame still held by its throttle).
			if (!registered.has(row) || row.generation !== row.drawnGeneration) {
				return false;
			}
			const kept = painted.get(row);
			const last = kept?.generation === row.generation ? kept : undefined;
			const from = last?.paintedAt ?? row.renderedAt;
			if (from === now) {
				return true;
			}
			const runs = row.change(from, now);
			const line = screen.line(row.row);
			const next = runs === undefined || line === undefined ? undefined : patchLine(line, runs);
			if (next === undefined || line === undefined) {
				return false;
			}
			if (next !== line) {
				screen.draw(row.row, next);
			}
			painted.set(row, {
				base: last?.base ?? line,
				current: next,
				paintedAt: now,
				generation: row.generation,
			});
			return true;
		},
		frame(lines) {
			for (const row of registered) {
				row.drawnGeneration = row.generation;
			}
			for (const [row, kept] of painted) {
				if (row.generation !== kept.generation) {
					painted.delete(row);
				} else if (lines[row.row] === kept.base) {
					lines[row.row] = kept.current;
				} else {
					// The row is not where it was drawn: let React draw it at the time it shows.
					painted.delete(row);
					row.requestRender?.();
				}
			}
		},
	};
}
