// `y` in the TUI: the paste-ready summary (the same text `--once` prints) goes to the clipboard
// through the terminal (OSC 52) and to a private file whose path the user can attach or cat.
import type {Snapshot} from '../domain/snapshot.js';
import {shareFileName, writeShareFile} from './share-file.js';
import {fitClipboard, osc52} from './share-osc52.js';
import {textSummary} from './text-summary.js';

export type ShareEnvironment = {
	/** Where the file goes (the temporary directory: TMPDIR is honoured). */
	readonly directory: string;
	/** Inside tmux (TMUX is set): the sequence needs tmux's passthrough wrapper. */
	readonly tmux: boolean;
	/** Writes the sequence to the terminal between frames. */
	readonly writeToTerminal: (sequence: string) => void;
};

export type ShareOutcome = {
	/** The file holding the whole summary; absent when it could not be written. */
	readonly path?: string;
	/** The clipboard got a cut version (OSC 52 size limit); the file has all of it. */
	readonly truncated: boolean;
	/** Why the file could not be written. */
	readonly fileError?: string;
};

/** Exactly what `--once` prints, so a paste and a script read the same words. */
export function shareText(snapshot: Snapshot, now: number): string {
	return textSummary(snapshot, now);
}

export async function shareSummary(
	snapshot: Snapshot,
	now: number,
	environment: ShareEnvironment,
): Promise<ShareOutcome> {
	const text = shareText(snapshot, now);
	let path: string | undefined;
	let fileError: string | undefined;
	try {
		path = await writeShareFile(
			environment.directory,
			(attempt) => shareFileName(snapshot, now, attempt),
			text,
		);
	} catch (error) {
		fileError = error instanceof Error ? error.message : String(error);
	}
	const note = `[… cut to fit the clipboard; the whole summary is in ${path ?? 'no file (it could not be written)'}]\n`;
	const clipboard = fitClipboard(text, note);
	environment.writeToTerminal(osc52(clipboard.text, {tmux: environment.tmux}));
	return {
		truncated: clipboard.truncated,
		...(path === undefined ? {} : {path}),
		...(fileError === undefined ? {} : {fileError}),
	};
}

/** One line for the user about what `y` did. */
export function shareMessage(outcome: ShareOutcome): string {
	const copied = outcome.truncated
		? 'summary sent to the clipboard (OSC 52, cut to fit)'
		: 'summary sent to the clipboard (OSC 52)';
	return outcome.path === undefined
		? `${copied}; the file could not be written: ${outcome.fileError ?? 'unknown error'}`
		: `${copied}; saved to ${outcome.path}`;
}
