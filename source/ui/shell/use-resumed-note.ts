// After `p` resumes a frozen screen, the banner row says for a few seconds what the screen now
// shows that it did not (what arrived while it was frozen). A replay has nothing arriving.
import {useRef, useState} from 'react';
import type {Snapshot} from '../../domain/snapshot.js';
import type {AppCommand} from '../app-types.js';
import {useBefore, useTicker} from '../hooks/use-clock.js';
import {resumeText} from './pause-summary.js';

/** How long the note stays. */
export const resumedNoteMs = 10_000;

export type ResumedInput = {
	/** The snapshot on screen while paused. */
	readonly frozen: Snapshot | undefined;
	readonly live: Snapshot;
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
	const ticker = useTicker();
	// Re-renders when the note's time is up, not on every tick.
	const beforeEnd = useBefore(note?.until ?? 0);
	// Keys are handled between renders (use-shell-input.ts): what resuming compares is read here.
	const current = useRef(input);
	current.current = input;
	const observe = (command: AppCommand) => {
		const {frozen, live, columns, playback} = current.current;
		if (command === 'resume' && frozen !== undefined && !playback) {
			const until = ticker.now() + resumedNoteMs;
			setNote({text: resumeText(frozen, live, columns - 2), until});
		} else if (command === 'pause') {
			setNote(undefined);
		}
	};
	const shown = input.frozen === undefined && note !== undefined && beforeEnd;
	return {text: shown ? note.text : undefined, observe};
}
