// Full-screen mode: the alternate screen keeps the user's scrollback untouched, and leaving it
// puts back exactly what was there. Restoring is idempotent because quit, signals and crashes
// can each try.
import {
	cursorHide,
	cursorShow,
	cursorTo,
	enterAlternativeScreen,
	eraseScreen,
	exitAlternativeScreen,
} from 'ansi-escapes';

type Output = {
	write(data: string): unknown;
};

export const enterFullscreenSequence =
	enterAlternativeScreen + eraseScreen + cursorTo(0, 0) + cursorHide;

export const leaveFullscreenSequence = cursorShow + exitAlternativeScreen;

/** Erases the screen and homes the cursor, for a full redraw. */
export const repaintSequence = eraseScreen + cursorTo(0, 0);

export type Fullscreen = {
	restore(): void;
};

export function enterFullscreen(output: Output): Fullscreen {
	output.write(enterFullscreenSequence);
	let active = true;
	return {
		restore() {
			if (!active) {
				return;
			}
			active = false;
			output.write(leaveFullscreenSequence);
		},
	};
}
