// Catches a mistyped flag before the flag parser does, so the message names the flag, suggests the
// closest known one and points at --help on one line, like every other usage error of lbtop.
import {closestNames} from './closest-names.js';

export type FlagKinds = Readonly<
	Record<string, {readonly type: 'string' | 'number' | 'boolean'; readonly isMultiple?: boolean}>
>;

const builtIn = ['help', 'version'];

function kebab(name: string): string {
	return name.replaceAll(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`);
}

function knownSpellings(flags: FlagKinds): Set<string> {
	const known = new Set(builtIn);
	for (const [name, {type}] of Object.entries(flags)) {
		known.add(kebab(name));
		known.add(name);
		if (type === 'boolean') {
			known.add(`no-${kebab(name)}`);
		}
	}
	return known;
}

/**
 * `--window -5m`: the flag parser reads a value that starts with a dash as more short flags and
 * reports "Unknown flag -5m". Joined as `--window=-5m`, the value reaches the flag's own check,
 * which says what is wrong with it and what the flag takes.
 */
export function withDashValues(argv: readonly string[], flags: FlagKinds): string[] {
	const takesText = new Set(
		Object.entries(flags).flatMap(([name, {type}]) =>
			type === 'string' ? [`--${name}`, `--${kebab(name)}`] : [],
		),
	);
	const joined: string[] = [];
	for (let index = 0; index < argv.length; index++) {
		const token = argv[index] ?? '';
		const next = argv[index + 1];
		if (token === '--') {
			joined.push(...argv.slice(index));
			break;
		}
		if (takesText.has(token) && next !== undefined && /^-\d/.test(next)) {
			joined.push(`${token}=${next}`);
			index++;
		} else {
			joined.push(token);
		}
	}
	return joined;
}

/** The usage message for the first flag in `argv` that lbtop does not know, if there is one. */
export function unknownFlagMessage(argv: readonly string[], flags: FlagKinds): string | undefined {
	const known = knownSpellings(flags);
	for (const token of argv) {
		if (token === '--') {
			return undefined;
		}
		// A lone '-' and negative numbers (`--speed -1` is judged by the flag's own validation) pass.
		if (!token.startsWith('-') || token === '-' || /^-\d/.test(token)) {
			continue;
		}
		const name = token.replace(/^--?/, '').split('=')[0] ?? '';
		if (known.has(name)) {
			continue;
		}
		const candidates = [...known].filter((spelling) => spelling === kebab(spelling));
		const [closest] = closestNames(name, candidates, 1);
		const hint = closest === undefined ? '' : ` (did you mean --${closest}?)`;
		return `unknown flag ${token.split('=')[0]}${hint}`;
	}
	return undefined;
}
