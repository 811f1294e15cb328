// The graphic rendition (SGR) state a terminal carries from one character to the next. A row can
// only be redrawn from the middle if the style in force there can be rebuilt in one sequence, so
// this models exactly the parameters Ink's colours and text styles produce. Anything else (a
// parameter terminals disagree on, such as 21 or 6, or colon sub-parameters) is refused, and the
// caller redraws the row from its first column instead.

const slots = [
	'bold',
	'dim',
	'italic',
	'underline',
	'blink',
	'inverse',
	'hidden',
	'strike',
	'overline',
	'foreground',
	'background',
] as const;

type Slot = (typeof slots)[number];

/** Each slot holds the parameters that set it, or '' when it is off. */
export type SgrState = Readonly<Record<Slot, string>>;

export const plainStyle: SgrState = {
	bold: '',
	dim: '',
	italic: '',
	underline: '',
	blink: '',
	inverse: '',
	hidden: '',
	strike: '',
	overline: '',
	foreground: '',
	background: '',
};

const setters: Readonly<Record<number, Slot>> = {
	1: 'bold',
	2: 'dim',
	3: 'italic',
	4: 'underline',
	5: 'blink',
	7: 'inverse',
	8: 'hidden',
	9: 'strike',
	53: 'overline',
};

const resetters: Readonly<Record<number, readonly Slot[]>> = {
	22: ['bold', 'dim'],
	23: ['italic'],
	24: ['underline'],
	25: ['blink'],
	27: ['inverse'],
	28: ['hidden'],
	29: ['strike'],
	39: ['foreground'],
	49: ['background'],
	55: ['overline'],
};

const isByte = (value: number | undefined): value is number =>
	value !== undefined && Number.isInteger(value) && value >= 0 && value <= 255;

/** Reads a 38/48 colour at `at` (the index of its 5 or 2): the parameters used and their count. */
function extendedColour(
	numbers: readonly number[],
	at: number,
): {readonly value: string; readonly used: number} | undefined {
	const mode = numbers[at];
	if (mode === 5) {
		const index = numbers[at + 1];
		return isByte(index) ? {value: `5;${index}`, used: 2} : undefined;
	}
	if (mode === 2) {
		const channels = numbers.slice(at + 1, at + 4);
		return channels.length === 3 && channels.every(isByte)
			? {value: `2;${channels.join(';')}`, used: 4}
			: undefined;
	}
	return undefined;
}

// Made once: a closure made per call loses its optimized code when it dies, and each frame's
// changed rows apply their styles here.
const parameterNumber = (part: string): number => (part === '' ? 0 : Number(part));

/** The state after `CSI parameters m`, or undefined for a parameter this model does not know. */
export function applySgr(state: SgrState, parameters: string): SgrState | undefined {
	if (!/^[\d;]*$/.test(parameters)) {
		return undefined;
	}
	const numbers = parameters.split(';').map(parameterNumber);
	const next: Record<Slot, string> = {...state};
	for (let index = 0; index < numbers.length; index++) {
		const code = numbers[index] ?? 0;
		const setter = setters[code];
		const resets = resetters[code];
		if (code === 0) {
			Object.assign(next, plainStyle);
		} else if (setter !== undefined) {
			next[setter] = String(code);
		} else if (resets !== undefined) {
			for (const slot of resets) {
				next[slot] = '';
			}
		} else if ((code >= 30 && code <= 37) || (code >= 90 && code <= 97)) {
			next.foreground = String(code);
		} else if ((code >= 40 && code <= 47) || (code >= 100 && code <= 107)) {
			next.background = String(code);
		} else if (code === 38 || code === 48) {
			const colour = extendedColour(numbers, index + 1);
			if (colour === undefined) {
				return undefined;
			}
			next[code === 38 ? 'foreground' : 'background'] = `${code};${colour.value}`;
			index += colour.used;
		} else {
			return undefined;
		}
	}
	return next;
}

/** The parameters that rebuild `state` from a plain one: '' for plain. Equal states, equal text. */
export function sgrParameters(state: SgrState): string {
	return slots
		.map((slot) => state[slot])
		.filter((value) => value !== '')
		.join(';');
}
