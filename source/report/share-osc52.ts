// OSC 52 asks the terminal to put text on the user's clipboard: the one way to copy that works
// over SSH, with no X11 or clipboard tool on the remote host.
import {Buffer} from 'node:buffer';

const esc = '\u001B';
const bell = '\u0007';

/**
 * Terminals drop OSC 52 sequences longer than about 100 000 bytes (hterm's osc52.sh stops there
 * too), so the clipboard text is cut to fit; the overhead keeps room for the wrapper bytes.
 */
export const osc52SequenceLimit = 100_000;
const wrapperOverhead = 32;
export const clipboardByteLimit = Math.floor((osc52SequenceLimit - wrapperOverhead) / 4) * 3;

export type Osc52Options = {
	/**
	 * Inside tmux: wrap the sequence in tmux's DCS passthrough (every ESC doubled) so it reaches
	 * the outer terminal; tmux 3.3+ forwards it when `allow-passthrough` is on.
	 */
	readonly tmux: boolean;
};

export function osc52(text: string, options: Osc52Options): string {
	const sequence = `${esc}]52;c;${Buffer.from(text, 'utf8').toString('base64')}${bell}`;
	if (!options.tmux) {
		return sequence;
	}
	return `${esc}Ptmux;${sequence.replaceAll(esc, esc + esc)}${esc}\\`;
}

export type ClipboardText = {
	readonly text: string;
	readonly truncated: boolean;
};

/** Cuts at a UTF-8 character boundary, then back to the last whole line when there is one. */
function cutToBytes(text: string, maxBytes: number): string {
	const bytes = Buffer.from(text, 'utf8');
	let end = Math.max(0, maxBytes);
	// Continuation bytes (10xxxxxx) belong to the character that started before them.
	while (end > 0 && ((bytes[end] ?? 0) & 0xc0) === 0x80) {
		end--;
	}
	const cut = bytes.subarray(0, end).toString('utf8');
	const lastNewline = cut.lastIndexOf('\n');
	return lastNewline > 0 ? cut.slice(0, lastNewline + 1) : cut;
}

/** The text as it fits on the clipboard: whole when it fits, else cut with `note` at the end. */
export function fitClipboard(
	text: string,
	note: string,
	maxBytes: number = clipboardByteLimit,
): ClipboardText {
	if (Buffer.byteLength(text, 'utf8') <= maxBytes) {
		return {text, truncated: false};
	}
	const kept = cutToBytes(text, maxBytes - Buffer.byteLength(note, 'utf8'));
	return {text: `${kept}${note}`, truncated: true};
}
