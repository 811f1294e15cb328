// The bundle's tokenize steps through texts of single-unit graphemes without Intl.Segmenter; these
// tests run the installed tokenize.js and the patched one side by side on any text and ask for the
// same tokens, and check that every unit of the set is a grapheme of its own next to any other.
import {readFileSync} from 'node:fs';
import {mkdtemp, rm, writeFile} from 'node:fs/promises';
import {createRequire} from 'node:module';
import {tmpdir} from 'node:os';
import {dirname, join} from 'node:path';
import {pathToFileURL} from 'node:url';
import fc from 'fast-check';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {singleUnitRanges, tokenizeByUnits} from '../../build/ink-tokenize-units.js';

const require = createRequire(import.meta.url);
const inkRequire = createRequire(join(dirname(require.resolve('ink')), 'output.js'));
const tokenizeBuild = join(
	dirname(inkRequire.resolve('@alcalzone/ansi-tokenize/package.json')),
	'build',
);
const tokenizeRequire = createRequire(join(tokenizeBuild, 'tokenize.js'));
const installed = readFileSync(join(tokenizeBuild, 'tokenize.js'), 'utf8');

type Tokenize = (text: string, endChar?: number) => unknown[];

let directory = '';
let original: Tokenize;
let patched: Tokenize;

beforeAll(async () => {
	directory = await mkdtemp(join(tmpdir(), 'lbtop-tokenize-units-'));
	// The patched file, its imports pointed back at the installed package and its dependency.
	const source = tokenizeByUnits(installed)
		.replace(/^\/\/# sourceMappingURL=.*$/m, '')
		.replaceAll(
			/from "\.\/([^"]+)";/g,
			(_whole, file: string) => `from "${pathToFileURL(join(tokenizeBuild, file)).href}";`,
		)
		.replace(
			'from "is-fullwidth-code-point";',
			`from "${pathToFileURL(tokenizeRequire.resolve('is-fullwidth-code-point')).href}";`,
		);
	const file = join(directory, 'tokenize.mjs');
	await writeFile(file, source);
	patched = ((await import(pathToFileURL(file).href)) as {tokenize: Tokenize}).tokenize;
	original = (
		(await import(pathToFileURL(join(tokenizeBuild, 'tokenize.js')).href)) as {
			tokenize: Tokenize;
		}
	).tokenize;
});

afterAll(async () => {
	await rm(directory, {recursive: true, force: true});
});

// What lbtop draws (styled ASCII, box drawing, blocks, arrows), what its sources may bring (any
// script, combining marks, emoji with joiners and variation selectors, flags, Hangul jamo), and
// what breaks a walk unit by unit (a line break, an escape that starts no sequence).
const piece = fc.oneof(
	fc.constantFrom(
		...[0, 1, 2, 22, 4, 24, 7, 27, 31, 39, 90, 41, 49].map((code) => `\u001B[${code}m`),
		'\u001B[1;31;42m',
		'\u001B[38;5;208m',
		'\u001B[38;2;1;2;3m',
		'\u001B]8;;https://example.com\u0007link\u001B]8;;\u0007',
		'\u001B',
		'\u009B31m',
	),
	fc.constantFrom('a', ' ', '10.0.1.1:80 ', '─│┼', '▁▂▇█', '→↑', '·…', 'é', '\u00AD', '\u00A0'),
	fc.constantFrom(
		'\u0301',
		'e\u0301',
		'\u200D',
		'\uFE0F',
		'👍🏽',
		'👩‍💻',
		'🇩🇪',
		'漢字',
		'\u1100\u1161',
	),
	fc.constantFrom('\r\n', '\r', '\n', '\t', 'ก\u0E33', '\u0915\u094D\u0937', '\u0600a'),
	fc.string({unit: 'binary', maxLength: 4}),
);

describe('tokenize stepping through single-unit texts', () => {
	it('gives the tokens the installed tokenize gives, for any text', () => {
		fc.assert(
			fc.property(fc.array(piece, {maxLength: 30}), (pieces) => {
				const text = pieces.join('');
				expect(patched(text)).toEqual(original(text));
			}),
			{numRuns: 2000},
		);
	});

	it('stops where the installed one stops when asked for a width', () => {
		fc.assert(
			fc.property(fc.array(piece, {maxLength: 20}), fc.nat(40), (pieces, endChar) => {
				const text = pieces.join('');
				expect(patched(text, endChar)).toEqual(original(text, endChar));
			}),
			{numRuns: 500},
		);
	});

	it('takes only units that stand alone, whatever stands beside them', () => {
		const segmenter = new Intl.Segmenter(undefined, {granularity: 'grapheme'});
		const joined: string[] = [];
		for (const [from, to] of singleUnitRanges) {
			for (let unit = from; unit <= to; unit++) {
				const character = String.fromCharCode(unit);
				// Joined to a letter before (a mark, a joiner) or after (a prepended mark), or to its
				// own kind (jamo, regional indicators): the text would not split at every unit.
				if ([...segmenter.segment(`a${character}${character}a`)].length !== 4) {
					joined.push(unit.toString(16));
				}
			}
		}
		expect(joined).toEqual([]);
	});

	it('refuses a file that is not the one it patches', () => {
		expect(() => tokenizeByUnits('export function tokenize() {}')).toThrow(/tokenize\.js/);
	});
});
