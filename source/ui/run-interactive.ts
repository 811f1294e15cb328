// Runs the app full screen and puts the terminal back exactly as it was, however the app ends:
// q or Ctrl-C (the app exits), SIGTERM/SIGHUP/SIGINT, or an uncaught error.
import {constants} from 'node:os';
import process from 'node:process';
import {render} from 'ink';
import {createElement, type ReactElement} from 'react';
import {createDiffWriter} from './diff-stdout.js';
import {enterFullscreen, repaintSequence} from './hooks/alternate-screen.js';
import {TickRowsContext} from './hooks/use-ticked-row.js';
import {StdoutBridge} from './shell/stdout-bridge.js';
import {createTickRows} from './tick-rows.js';

export type InteractiveStreams = {
	readonly stdout: NodeJS.WriteStream;
	readonly stdin: NodeJS.ReadStream;
};

const stopSignals: readonly NodeJS.Signals[] = ['SIGTERM', 'SIGHUP', 'SIGINT'];

/**
 * Resolves once the app has exited and the terminal is restored; rejects with the app's error.
 * After a signal it resolves with `process.exitCode` set to 128 + the signal number, so the caller
 * still stops its pollers (and their queries) before the process ends.
 */
export async function runInteractive(
	element: ReactElement,
	streams: InteractiveStreams = {stdout: process.stdout, stdin: process.stdin},
): Promise<void> {
	const {stdout, stdin} = streams;
	const fullscreen = enterFullscreen(stdout);
	let writeThroughInk: ((data: string) => void) | undefined;
	let repaintAfterNextRender = false;
	const repaint = () => {
		writeThroughInk?.(repaintSequence);
	};
	// Rows only the clock changes are drawn through the differ without React (tick-rows.ts).
	const diff = createDiffWriter(stdout, (lines) => {
		tickRows.frame(lines);
	});
	const tickRows = createTickRows(diff);
	// Ink sizes and listens to the real stream; only its writes go through the differ.
	const diffedStdout = new Proxy(stdout, {
		get(target, property) {
			if (property === 'write') {
				return diff.write;
			}
			const value: unknown = Reflect.get(target, property, target);
			return typeof value === 'function' ? value.bind(target) : value;
		},
	});
	const instance = render(
		createElement(
			StdoutBridge,
			{
				onWriter(write) {
					writeThroughInk = write;
				},
			},
			createElement(TickRowsContext.Provider, {value: tickRows}, element),
		),
		{
			stdout: diffedStdout,
			stdin,
			maxFps: 10,
			// Ink 6.8's incremental renderer moves the cursor one row too far after the first frame
			// (a 23-row frame with one changing line writes it one row low and duplicates it), so
			// every frame is redrawn whole. Ink still writes nothing when the frame did not change.
			incrementalRendering: false,
			// The keymap binds Ctrl-C, so quitting goes through the same clean path as q.
			exitOnCtrlC: false,
			onRender() {
				if (repaintAfterNextRender) {
					repaintAfterNextRender = false;
					queueMicrotask(repaint);
				}
			},
		},
	);

	// A resized terminal reflows or scrolls what it shows, so Ink's line-by-line diff no longer
	// matches the screen: repaint fully now, and again once the frame for the new size is drawn.
	const onResize = () => {
		repaintAfterNextRender = true;
		queueMicrotask(repaint);
	};
	const onSignal = (signal: NodeJS.Signals) => {
		process.exitCode = 128 + constants.signals[signal];
		instance.unmount();
	};
	// Runs before Node prints the error and exits, so the message lands on the restored screen.
	const onFatal = () => {
		try {
			instance.unmount();
		} finally {
			fullscreen.restore();
		}
	};
	stdout.on('resize', onResize);
	for (const signal of stopSignals) {
		process.on(signal, onSignal);
	}
	process.on('uncaughtExceptionMonitor', onFatal);
	try {
		await instance.waitUntilExit();
	} finally {
		stdout.off('resize', onResize);
		for (const signal of stopSignals) {
			process.off(signal, onSignal);
		}
		process.off('uncaughtExceptionMonitor', onFatal);
		instance.cleanup();
		fullscreen.restore();
	}
}
