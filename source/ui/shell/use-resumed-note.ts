// After `p` resumes a frozen screen, the banner row says for a few seconds what the screen now
// shows that it did not (what arrived while it was frozen). A replay has nothing arriving.
import {useRef, useState} from 'react';
import type {Snapshot} from '../../domain/snapshot.js';
import type {AppCommand} from '../app-types.js';
import {resumeText} from './pause-summary.js';

/** How long the note stays. */
export const resumedNoteMs = 10_000;

export type ResumedInput = {
	/** The snapshot on screen while paused. */
	readonly frozen: Snapshot | undefined;
	readonly live: Snapshot;
	readonly now: number;
	readonly columns: number;
	/** A recording played back: resuming goes on playing, nothing was held back. */
	readonly playback: boolean;
};

export type ResumedNote = {
	/** The note to show now, if any. */
	readonly text: string | undefined;
	/** Sees each command the shell emits, before it goes on. */
	readonly observe: (command: AppCommand) => void;
};

export function useResumedNote(input: ResumedInput): ResumedNote {
	const [note, setNote] = useState<{text: string; until: number} | undefined>();
	// Keys are handled between renders (use-shell-input.ts): what resuming compares is read here.
	const current = useRef(input);
	current.current = input;
	const observe = (command: AppCommand) => {
		const {frozen, live, now, columns, playback} = current.current;
		if (command === 'resume' && frozen !== undefined && !playback) {
			setNote({text: resumeText(frozen, live, columns - 2), until: now + resumedNoteMs});
		} else if (command === 'pause') {
			setNote(undefined);
		}
	};
	const shown = input.frozen === undefined && note !== undefined && input.now < note.until;
	return {text: shown ? note.text : undefined, observe};
}
