// A stdout for Ink that sends only what changed between frames (see frame-diff.ts).
import {beginSynchronized, classifyWrite, endSynchronized, frameDelta} from './frame-diff.js';
import {rowDelta} from './row-diff.js';
import type {ShownRows} from './tick-rows.js';

type Callback = (error?: Error | null) => void;
type Writer = {write(data: string, callback?: Callback): boolean};

export type DiffWriter = ShownRows & {
	/** Ink's writes go here; a callback is always called, even for a write that sends nothing. */
	readonly write: (data: string, callback?: Callback) => boolean;
	/** The screen was erased (or resized): the next frame is drawn whole. */
	readonly invalidate: () => void;
};

/** Sees (and may change) each frame's lines before they are compared with the screen. */
export type FrameHook = (lines: string[]) => void;

export function createDiffWriter(target: Writer, onFrame?: FrameHook): DiffWriter {
	let shown: readonly string[] = [];
	// Rows drawn outside Ink's frames (tick-rows.ts), each with the line it showed before: sent
	// together once the task that drew them ends, or before anything else is written.
	const drawn = new Map<number, string | undefined>();
	// Whether Ink wraps its frames in synchronized updates: rows drawn outside them are wrapped alike.
	let synchronized = false;
	// A synchronized-update begin is held back until something is drawn, so an unchanged frame
	// costs no bytes at all.
	let heldBegin = false;
	// A synchronized frame's begin and rows, held until its end: the three go out in one write,
	// since each write to a terminal is a system call that costs more than the few bytes of a tick.
	let pending = '';
	// Ink waits on write callbacks (e.g. before it resolves its exit): a swallowed write still answers.
	const done = (callback: Callback | undefined): boolean => {
		if (callback) {
			queueMicrotask(() => callback());
		}
		return true;
	};
	const flushPending = () => {
		if (pending !== '') {
			const data = pending;
			pending = '';
			target.write(data);
		}
	};
	const flushBegin = () => {
		flushPending();
		if (heldBegin) {
			heldBegin = false;
			target.write(beginSynchronized);
		}
	};
	const drawnDelta = (): string => {
		let delta = '';
		for (const row of [...drawn.keys()].sort((a, b) => a - b)) {
			const line = shown[row];
			if (line !== undefined) {
				delta += rowDelta(row + 1, drawn.get(row), line);
			}
		}
		drawn.clear();
		return delta;
	};
	const flushDrawn = () => {
		const delta = drawn.size === 0 ? '' : drawnDelta();
		if (delta !== '') {
			target.write(synchronized ? beginSynchronized + delta + endSynchronized : delta);
		}
	};
	const write = (data: string, callback?: Callback): boolean => {
		if (data === beginSynchronized) {
			synchronized = true;
			flushPending();
			// Rows drawn in this task go out with the frame Ink begins, in the same write.
			const delta = drawn.size === 0 ? '' : drawnDelta();
			if (delta !== '') {
				pending = beginSynchronized + delta;
				queueMicrotask(flushPending);
				return done(callback);
			}
			heldBegin = true;
			return done(callback);
		}
		flushDrawn();
		if (data === endSynchronized) {
			if (heldBegin) {
				heldBegin = false;
				return done(callback);
			}
			if (pending !== '') {
				const frame = pending;
				pending = '';
				return target.write(frame + data, callback);
			}
			return target.write(data, callback);
		}
		const parsed = classifyWrite(data);
		if (parsed.kind === 'erase') {
			return done(callback);
		}
		if (parsed.kind === 'other') {
			if (/\u001B\[[23]J|\u001B\[\?1049[hl]/.test(data)) {
				shown = [];
			}
			flushBegin();
			return target.write(data, callback);
		}
		let lines = parsed.lines;
		if (onFrame !== undefined) {
			const copy = [...lines];
			onFrame(copy);
			lines = copy;
		}
		if (!heldBegin && pending === '') {
			synchronized = false;
		}
		const delta = frameDelta(shown, lines);
		shown = lines;
		if (delta === '') {
			return done(callback);
		}
		if ((heldBegin || pending !== '') && callback === undefined) {
			// Ink writes the end in the same task; should it not, the frame goes out after the task.
			if (pending === '') {
				queueMicrotask(flushPending);
			}
			pending += heldBegin ? beginSynchronized + delta : delta;
			heldBegin = false;
			return true;
		}
		flushBegin();
		return target.write(delta, callback);
	};
	return {
		write,
		invalidate: () => {
			flushDrawn();
			shown = [];
		},
		line: (row) => shown[row],
		draw(row, line) {
			if (drawn.size === 0) {
				// After the microtask in which React renders what the same tick changed, so that a
				// frame Ink draws for it carries these rows in its own write.
				queueMicrotask(() => {
					queueMicrotask(flushDrawn);
				});
			}
			if (!drawn.has(row)) {
				drawn.set(row, shown[row]);
			}
			const next = [...shown];
			next[row] = line;
			shown = next;
		},
	};
}
