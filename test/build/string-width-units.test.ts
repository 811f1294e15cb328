// The bundle's string-width adds up texts of single-unit graphemes from a table of unit widths;
// this runs the installed index.js and the patched one side by side and asks for the same width for
// any text, with either treatment of ambiguous characters and of escapes.
import {readFileSync} from 'node:fs';
import {mkdtemp, rm, writeFile} from 'node:fs/promises';
import {createRequire} from 'node:module';
import {tmpdir} from 'node:os';
import {dirname, join} from 'node:path';
import {pathToFileURL} from 'node:url';
import fc from 'fast-check';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {measureByUnits} from '../../build/string-width-units.js';

const require = createRequire(import.meta.url);
const inkRequire = createRequire(join(dirname(require.resolve('ink')), 'output.js'));
const installedFile = inkRequire.resolve('string-width');
const widthRequire = createRequire(installedFile);
const installed = readFileSync(installedFile, 'utf8');

type Options = {readonly ambiguousIsNarrow?: boolean; readonly countAnsiEscapeCodes?: boolean};
type StringWidth = (text: string, options?: Options) => number;

let directory = '';
let original: StringWidth;
let patched: StringWidth;

beforeAll(async () => {
	directory = await mkdtemp(join(tmpdir(), 'lbtop-string-width-'));
	// The patched file, its dependencies pointed back at the installed ones.
	const source = measureByUnits(installed).replaceAll(
		/from '([^'.][^']*)';/g,
		(_whole, specifier: string) => `from '${pathToFileURL(widthRequire.resolve(specifier)).href}';`,
	);
	const file = join(directory, 'string-width.mjs');
	await writeFile(file, source);
	patched = ((await import(pathToFileURL(file).href)) as {default: StringWidth}).default;
	original = ((await import(pathToFileURL(installedFile).href)) as {default: StringWidth}).default;
});

afterAll(async () => {
	await rm(directory, {recursive: true, force: true});
});

// lbtop's texts (styled ASCII and symbols, ambiguous ones among them: `·`, `│`, `→`), and what its
// sources may bring: wide and emoji characters, marks, joiners, controls, lone escapes.
const piece = fc.oneof(
	fc.constantFrom('\u001B[1m', '\u001B[31m', '\u001B[0m', '\u001B[38;5;208m', '\u001B', '\u009B'),
	fc.constantFrom(
		'a',
		' ',
		'10.0.1.1:80 ',
		'─│┼',
		'▁▂▇█',
		'→↑',
		'·…',
		'é',
		'±×',
		'\u00AD',
		'⌚',
		'☀',
	),
	fc.constantFrom(
		'\u0301',
		'\u200D',
		'\uFE0F',
		'👍🏽',
		'🇩🇪',
		'漢字',
		'\u1100\u1161',
		'\t',
		'\r\n',
		'#\u20E3',
	),
	fc.string({unit: 'binary', maxLength: 4}),
);
const options: fc.Arbitrary<Options> = fc.record(
	{ambiguousIsNarrow: fc.boolean(), countAnsiEscapeCodes: fc.boolean()},
	{requiredKeys: []},
);

describe('string-width adding up single-unit texts', () => {
	it('gives the width the installed string-width gives, for any text and options', () => {
		fc.assert(
			fc.property(fc.array(piece, {maxLength: 30}), options, (pieces, chosen) => {
				const text = pieces.join('');
				expect(patched(text, chosen)).toBe(original(text, chosen));
				expect(patched(text)).toBe(original(text));
			}),
			{numRuns: 2000},
		);
	});

	it('refuses a file that is not the one it patches', () => {
		expect(() => measureByUnits('export default function other() {}')).toThrow(/string-width/);
	});
});
