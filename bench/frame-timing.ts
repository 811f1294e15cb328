// Times redraws in a headless terminal: from a store change to Ink's write of the frame.
import {performance} from 'node:perf_hooks';
import type {ReactElement} from 'react';
import {classifyWrite} from '../source/ui/frame-diff.js';
import {median} from './figure.js';
import {renderHeadless, type TerminalSize} from './headless-terminal.js';
import type {SwitchableSource} from './switchable-source.js';

const warmups = 10;
export const timedRuns = 40;

export type FrameTiming = {
	readonly frameMs: number;
	readonly firstFrameMs: number;
	readonly bytesPerRefresh: number;
	readonly synchronous: boolean;
	/** The text rows of the last frame drawn for each of the two values. */
	readonly frames: readonly [readonly string[], readonly string[]];
};

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Alternates `source` between `first` and `second`, timing each redraw after warm-ups. */
export async function timeFrames<Value>(
	element: ReactElement,
	size: TerminalSize,
	source: SwitchableSource<Value>,
	first: Value,
	second: Value,
): Promise<FrameTiming> {
	const mountedAt = performance.now();
	const {output, instance} = renderHeadless(element, size);
	const firstFrameMs = performance.now() - mountedAt;
	const timings: number[] = [];
	const bytes: number[] = [];
	const frames: [readonly string[], readonly string[]] = [[], []];
	let synchronous = true;
	const lastFrame = (writes: readonly string[]): readonly string[] => {
		for (const write of [...writes].reverse()) {
			const parsed = classifyWrite(write);
			if (parsed.kind === 'frame') {
				return parsed.lines;
			}
		}
		return [];
	};
	try {
		for (let index = 0; index < warmups + timedRuns; index++) {
			// Past Ink's frame throttle, so every change is drawn at once, as a refresh is.
			await pause(3);
			const writesBefore = output.writes;
			const bytesBefore = output.bytes;
			const written = new Promise<void>((resolve) => output.once('written', () => resolve()));
			output.recorded = [];
			output.recording = index >= warmups + timedRuns - 2;
			const t0 = performance.now();
			source.set(index % 2 === 0 ? second : first);
			if (output.writes === writesBefore) {
				synchronous = false;
				await written;
			}

			const elapsed = performance.now() - t0;
			// Ink writes a frame in one or a few calls within the same tick.
			await pause(0);
			if (output.recording) {
				frames[index % 2 === 0 ? 1 : 0] = lastFrame(output.recorded);
			}
			if (index >= warmups) {
				timings.push(elapsed);
				bytes.push(output.bytes - bytesBefore);
			}
		}
	} finally {
		instance.unmount();
		instance.cleanup();
	}

	return {
		frameMs: median(timings),
		firstFrameMs,
		bytesPerRefresh: median(bytes),
		synchronous,
		frames,
	};
}
