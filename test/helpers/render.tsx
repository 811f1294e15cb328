// Renders a component into a fake terminal of a chosen size and waits for frames by condition,
// never by sleeping a fixed time.
import {Box} from 'ink';
import {render} from 'ink-testing-library';
import type {ReactElement} from 'react';

export type TerminalSize = {
	readonly columns: number;
	readonly rows: number;
};

export type Rendered = ReturnType<typeof render> & {
	/** Changes the fake terminal's size and tells Ink and the app, as SIGWINCH would. */
	resize(size: TerminalSize): void;
	/** Writes key sequences as the terminal would (see `keys`). */
	press(...sequences: string[]): void;
};

// ink-testing-library's fake stdout always claims 100 columns and no rows; shadow both.
function setSize(stdout: object, size: TerminalSize): void {
	Object.defineProperty(stdout, 'columns', {
		value: size.columns,
		configurable: true,
		writable: true,
	});
	Object.defineProperty(stdout, 'rows', {value: size.rows, configurable: true, writable: true});
}

export function renderAt(element: ReactElement, size: TerminalSize): Rendered {
	// Mount an empty tree first so the stream has its size before the element's first render.
	const instance = render(<Box />);
	setSize(instance.stdout, size);
	instance.rerender(element);
	return {
		...instance,
		resize(next) {
			setSize(instance.stdout, next);
			instance.stdout.emit('resize');
		},
		press(...sequences) {
			for (const sequence of sequences) {
				instance.stdin.write(sequence);
			}
		},
	};
}

export type FrameCondition = string | RegExp | ((frame: string) => boolean);

function matches(frame: string, condition: FrameCondition): boolean {
	if (typeof condition === 'string') {
		return frame.includes(condition);
	}
	if (condition instanceof RegExp) {
		return condition.test(frame);
	}
	return condition(frame);
}

const pollMs = 5;

/**
 * Resolves with the first frame that meets `condition`; rejects with the last frame on timeout.
 * The time allowed is the machine's, not lbtop's: a frame the shell's ticker brings arrives up to
 * a second later by design, and a key's frame took half a second to render on a machine loaded 14.
 */
export async function waitForFrame(
	instance: {lastFrame(): string | undefined},
	condition: FrameCondition,
	timeoutMs = 5000,
): Promise<string> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const frame = instance.lastFrame() ?? '';
		if (matches(frame, condition)) {
			return frame;
		}
		if (Date.now() > deadline) {
			throw new Error(
				`No frame matched ${String(condition)} within ${timeoutMs} ms. Last frame:\n${frame}`,
			);
		}
		await new Promise((resolve) => {
			setTimeout(resolve, pollMs);
		});
	}
}

/** Key sequences as a terminal sends them, which is what Ink's input parser expects. */
export const keys = {
	up: '\u001B[A',
	down: '\u001B[B',
	right: '\u001B[C',
	left: '\u001B[D',
	pageUp: '\u001B[5~',
	pageDown: '\u001B[6~',
	home: '\u001B[H',
	end: '\u001B[F',
	tab: '\t',
	shiftTab: '\u001B[Z',
	enter: '\r',
	escape: '\u001B',
	backspace: '\u007F',
	space: ' ',
	ctrlC: '\u0003',
} as const;
