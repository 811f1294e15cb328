// A terminal for Ink without a terminal: a TTY-looking output that counts what it is sent, and an
// input that never types. Ink draws into it as into a real one, with the options
// source/ui/run-interactive.ts uses (whole frames: it turns Ink's incremental renderer off), so
// frames and their bytes are the real ones.
import {EventEmitter} from 'node:events';
import {type Instance, render} from 'ink';
import type {ReactElement} from 'react';

export type TerminalSize = {readonly columns: number; readonly rows: number};

export class HeadlessOutput extends EventEmitter {
	readonly isTTY = true;
	columns: number;
	rows: number;
	bytes = 0;
	writes = 0;
	/** Kept only while `recording` is set, so long runs do not hold every frame. */
	recorded: string[] = [];
	recording = false;

	constructor(size: TerminalSize) {
		super();
		this.columns = size.columns;
		this.rows = size.rows;
	}

	write = (chunk: string | Uint8Array): boolean => {
		const text = typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
		this.bytes += Buffer.byteLength(text);
		this.writes += 1;
		if (this.recording) {
			this.recorded.push(text);
		}

		this.emit('written', text);
		return true;
	};

	resize(size: TerminalSize): void {
		this.columns = size.columns;
		this.rows = size.rows;
		this.emit('resize');
	}
}

class SilentInput extends EventEmitter {
	readonly isTTY = true;
	setEncoding(): void {}
	setRawMode(): void {}
	resume(): void {}
	pause(): void {}
	ref(): void {}
	unref(): void {}
	read(): null {
		return null;
	}
}

export type HeadlessRender = {
	readonly output: HeadlessOutput;
	readonly instance: Instance;
};

/** `maxFps`: the CLI draws at most 10 frames a second; a benchmark timing single frames lifts that. */
export function renderHeadless(
	element: ReactElement,
	size: TerminalSize,
	maxFps = 1000,
): HeadlessRender {
	const output = new HeadlessOutput(size);
	const instance = render(element, {
		stdout: output as unknown as NodeJS.WriteStream,
		stdin: new SilentInput() as unknown as NodeJS.ReadStream,
		stderr: new HeadlessOutput(size) as unknown as NodeJS.WriteStream,
		maxFps,
		incrementalRendering: false,
		exitOnCtrlC: false,
		patchConsole: false,
	});
	return {output, instance};
}
