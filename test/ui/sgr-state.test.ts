import {describe, expect, it} from 'vitest';
import {applySgr, plainStyle, type SgrState, sgrParameters} from '../../source/ui/sgr-state.js';

/** The parameters that rebuild the state after each SGR in turn, from plain. */
function after(...sequences: string[]): string | undefined {
	let state: SgrState | undefined = plainStyle;
	for (const parameters of sequences) {
		state = state === undefined ? undefined : applySgr(state, parameters);
	}
	return state === undefined ? undefined : sgrParameters(state);
}

describe('applySgr', () => {
	it.each([
		['bold', ['1'], '1'],
		['bold then dim, both kept', ['1', '2'], '1;2'],
		['22 ends bold and dim alike', ['1', '2', '22'], ''],
		['a colour replacing another', ['31', '32'], '32'],
		['a 256-colour foreground', ['38;5;208'], '38;5;208'],
		['a true-colour background', ['48;2;10;20;30'], '48;2;10;20;30'],
		['several in one sequence', ['1;31;44'], '1;31;44'],
		['a reset in the middle of a sequence', ['1;0;4'], '4'],
		['an empty sequence, which resets', ['7', ''], ''],
		['the default foreground', ['91', '39'], ''],
		['inverse, italic, strike and overline, each undone', ['7;3;9;53', '27;23;29;55'], ''],
		['a colour written with leading zeros', ['031'], '31'],
		['a reset of one slot among others', ['4;7', '24'], '7'],
		['bright background', ['104'], '104'],
	])('reads %s', (_name, sequences, expected) => {
		expect(after(...sequences)).toBe(expected);
	});

	it.each([
		['21, double underline or bold off depending on the terminal', '21'],
		['6, rapid blink, which terminals show differently', '6'],
		['colon sub-parameters', '4:3'],
		['an underline colour', '58;5;1'],
		['a truncated true colour', '38;2;10;20'],
		['a colour index out of range', '38;5;256'],
		['an unknown colour mode', '38;7;1'],
		['a font change', '11'],
	])('refuses %s', (_name, parameters) => {
		expect(applySgr(plainStyle, parameters)).toBeUndefined();
	});
});
