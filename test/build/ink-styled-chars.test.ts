// The bundle's styledCharsToString skips the style diff between equal styles, and characters in one
// style share its array; this runs the installed file and the patched one side by side and asks
// for the same characters and the same text for any styled row.
import {readFileSync} from 'node:fs';
import {mkdtemp, rm, writeFile} from 'node:fs/promises';
import {createRequire} from 'node:module';
import {tmpdir} from 'node:os';
import {dirname, join} from 'node:path';
import {pathToFileURL} from 'node:url';
import v8 from 'node:v8';
import fc from 'fast-check';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {skipEqualStyleDiffs} from '../../build/ink-styled-chars.js';

const require = createRequire(import.meta.url);
const inkRequire = createRequire(join(dirname(require.resolve('ink')), 'output.js'));
const tokenizeBuild = join(
	dirname(inkRequire.resolve('@alcalzone/ansi-tokenize/package.json')),
	'build',
);
const installed = readFileSync(join(tokenizeBuild, 'styledChars.js'), 'utf8');

type StyledChar = {readonly value: string; readonly styles: readonly unknown[]};
type Tokenizer = {
	tokenize(text: string): unknown[];
	styledCharsFromTokens(tokens: unknown[]): StyledChar[];
	styledCharsToString(chars: readonly StyledChar[]): string;
};
type Stringify = (chars: readonly StyledChar[]) => string;
type FromTokens = (tokens: unknown[]) => StyledChar[];

let directory = '';
let tokenizer: Tokenizer;
let patched: Stringify;
let patchedFromTokens: FromTokens;

beforeAll(async () => {
	directory = await mkdtemp(join(tmpdir(), 'lbtop-styled-chars-'));
	// The patched file, its relative imports pointed back at the installed package.
	const source = skipEqualStyleDiffs(installed)
		.replace(/^\/\/# sourceMappingURL=.*$/m, '')
		.replaceAll(
			/from "\.\/([^"]+)";/g,
			(_whole, file: string) => `from "${pathToFileURL(join(tokenizeBuild, file)).href}";`,
		);
	const file = join(directory, 'styled-chars.mjs');
	await writeFile(file, source);
	const module = (await import(pathToFileURL(file).href)) as {
		styledCharsToString: Stringify;
		styledCharsFromTokens: FromTokens;
	};
	patched = module.styledCharsToString;
	patchedFromTokens = module.styledCharsFromTokens;
	tokenizer = (await import(pathToFileURL(join(tokenizeBuild, 'index.js')).href)) as Tokenizer;
});

afterAll(async () => {
	await rm(directory, {recursive: true, force: true});
});

const codes = [0, 1, 2, 22, 4, 24, 7, 27, 31, 32, 33, 39, 90, 41, 49].map(
	(code) => `\u001B[${code}m`,
);
const piece = fc.oneof(
	fc.constantFrom(...codes),
	fc.constantFrom('a', ' ', 'ab c', '─', '▇█', '│', '…'),
);

describe('styled characters sharing styles, without equal-style diffs', () => {
	it('makes the text the installed one makes, for any styled row', () => {
		fc.assert(
			fc.property(fc.array(piece, {maxLength: 40}), (pieces) => {
				const chars = tokenizer.styledCharsFromTokens(tokenizer.tokenize(pieces.join('')));
				expect(patched(chars)).toBe(tokenizer.styledCharsToString(chars));
			}),
			{numRuns: 500},
		);
	});

	it('makes the characters the installed one makes, and the same text from them', () => {
		fc.assert(
			fc.property(fc.array(piece, {maxLength: 40}), (pieces) => {
				const tokens = tokenizer.tokenize(pieces.join(''));
				const chars = patchedFromTokens(tokens);
				const expected = tokenizer.styledCharsFromTokens(tokens);
				expect(chars).toEqual(expected);
				expect(patched(chars)).toBe(tokenizer.styledCharsToString(expected));
			}),
			{numRuns: 500},
		);
	});

	it('gives every character of a long run of screens one hidden class', () => {
		// V8's own test intrinsic, the one direct way to ask whether two objects share a map.
		v8.setFlagsFromString('--allow-natives-syntax');
		const sameMap = new Function('left', 'right', 'return %HaveSameMap(left, right)') as (
			left: unknown,
			right: unknown,
		) => boolean;
		v8.setFlagsFromString('--no-allow-natives-syntax');
		// Thousands of rows of different styles and widths, as a live screen draws them: enough for
		// the installed file's spread to leave its fast path.
		const chars = Array.from({length: 3000}, (_, row) =>
			patchedFromTokens(
				tokenizer.tokenize(
					`${row % 3 === 0 ? '' : codes[row % codes.length]}row ${row} é 漢 ${row % 5 === 0 ? 'y' : '\u001B[1mx\u001B[22m'}\u001B[39m`,
				),
			),
		).flat();
		const [first] = chars;
		expect(chars.filter((char) => !sameMap(first, char))).toHaveLength(0);
	});

	it('refuses a file that is not the one it patches', () => {
		expect(() => skipEqualStyleDiffs('export function other() {}')).toThrow(/styledChars\.js/);
	});
});
