// The diff writer as it was before a synchronized frame went out in one write: each of the
// begin, the rows and the end was its own write. Kept as the reference the writer's bytes are
// checked against.
import {
	beginSynchronized,
	classifyWrite,
	endSynchronized,
	frameDelta,
} from '../../source/ui/frame-diff.js';

type Callback = (error?: Error | null) => void;
type Writer = {write(data: string, callback?: Callback): boolean};

type DiffWriter = {
	/** Ink's writes go here; a callback is always called, even for a write that sends nothing. */
	readonly write: (data: string, callback?: Callback) => boolean;
	/** The screen was erased (or resized): the next frame is drawn whole. */
	readonly invalidate: () => void;
};

export function createReferenceDiffWriter(target: Writer): DiffWriter {
	let shown: readonly string[] = [];
	// A synchronized-update begin is held back until something is drawn, so an unchanged frame
	// costs no bytes at all.
	let heldBegin = false;
	// Ink waits on write callbacks (e.g. before it resolves its exit): a swallowed write still answers.
	const done = (callback: Callback | undefined): boolean => {
		if (callback) {
			queueMicrotask(() => callback());
		}
		return true;
	};
	const flushBegin = () => {
		if (heldBegin) {
			heldBegin = false;
			target.write(beginSynchronized);
		}
	};
	const write = (data: string, callback?: Callback): boolean => {
		if (data === beginSynchronized) {
			heldBegin = true;
			return done(callback);
		}
		if (data === endSynchronized) {
			if (heldBegin) {
				heldBegin = false;
				return done(callback);
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
		const delta = frameDelta(shown, parsed.lines);
		shown = parsed.lines;
		if (delta === '') {
			return done(callback);
		}
		flushBegin();
		return target.write(delta, callback);
	};
	return {
		write,
		invalidate: () => {
			shown = [];
		},
	};
}
