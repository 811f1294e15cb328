// Strings from AWS (user agents, request parameters, log lines, tags) are attacker-controllable:
// an escape sequence in a user agent could retitle the terminal, move the cursor or, with OSC 52,
// write the user's clipboard. Everything drawn or printed passes through here first.

// CSI (ESC [ ... final), OSC (ESC ] ... BEL|ST), DCS/SOS/PM/APC (ESC P|X|^|_ ... ST), other ESC x.
const escapeSequence =
	/\u001B(?:\[[0-?]*[ -/]*[@-~]?|\][^\u0007\u001B]*(?:\u0007|\u001B\\)?|[PX^_][^\u001B]*(?:\u001B\\)?|[@-Z\\-_]?)/g;
// C0 and C1 controls (including the 8-bit CSI 0x9B and OSC 0x9D), DEL, and bidi overrides
// that would reorder what the user reads.
const controlCharacter = /[\u0000-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/g;

export function sanitizeText(value: string, maxLength = 4096): string {
	const clean = value
		.replace(escapeSequence, '')
		.replace(/[\t\n\r]+/g, ' ')
		.replace(controlCharacter, '\uFFFD');
	return clean.length > maxLength ? `${clean.slice(0, maxLength - 1)}…` : clean;
}

/** For multi-line detail views: keeps line breaks, strips everything else sanitizeText strips. */
export function sanitizeMultiline(value: string, maxLength = 65_536): string {
	return value
		.split(/\r?\n/)
		.map((line) => sanitizeText(line, maxLength))
		.join('\n')
		.slice(0, maxLength);
}
