// The bundle's Output remembers the previous frame's rows; these tests run Ink's own output.js and
// the patched one side by side, frame after frame, and ask for the same text every time.
import {readFileSync} from 'node:fs';
import {mkdtemp, rm, writeFile} from 'node:fs/promises';
import {createRequire} from 'node:module';
import {tmpdir} from 'node:os';
import {dirname, join} from 'node:path';
import {pathToFileURL} from 'node:url';
import fc from 'fast-check';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {memoizeInkRows} from '../../build/ink-row-memo.js';

const require = createRequire(import.meta.url);
const inkBuild = dirname(require.resolve('ink'));
const inkRequire = createRequire(join(inkBuild, 'output.js'));
const dependencies: Readonly<Record<string, string>> = {
	'slice-ansi': inkRequire.resolve('slice-ansi'),
	'string-width': inkRequire.resolve('string-width'),
	'@alcalzone/ansi-tokenize': join(
		dirname(inkRequire.resolve('@alcalzone/ansi-tokenize/package.json')),
		'build',
		'index.js',
	),
};

type Clip = {
	readonly x1?: number;
	readonly x2?: number;
	readonly y1?: number;
	readonly y2?: number;
};
type Operation =
	| {readonly type: 'write'; readonly x: number; readonly y: number; readonly text: string}
	| {readonly type: 'clip'; readonly clip: Clip}
	| {readonly type: 'unclip'};
type OutputInstance = {
	write(x: number, y: number, text: string, options: {transformers: unknown[]}): void;
	clip(clip: Clip): void;
	unclip(): void;
	get(): {output: string; height: number};
};
type OutputClass = new (options: {width: number; height: number}) => OutputInstance;

const installed = readFileSync(join(inkBuild, 'output.js'), 'utf8');
let directory = '';
let original: OutputClass;
let patched: OutputClass;

async function loadOutput(name: string, source: string): Promise<OutputClass> {
	const resolved = source
		.replace(/^\/\/# sourceMappingURL=.*$/m, '')
		.replaceAll(/from '([^']+)';/g, (whole, specifier: string) =>
			dependencies[specifier] === undefined
				? whole
				: `from '${pathToFileURL(dependencies[specifier]).href}';`,
		);
	const file = join(directory, name);
	await writeFile(file, resolved);
	const module = (await import(pathToFileURL(file).href)) as {default: OutputClass};
	return module.default;
}

beforeAll(async () => {
	directory = await mkdtemp(join(tmpdir(), 'lbtop-ink-output-'));
	original = await loadOutput('original.mjs', installed);
	patched = await loadOutput('patched.mjs', memoizeInkRows(installed));
});

afterAll(async () => {
	await rm(directory, {recursive: true, force: true});
});

function draw(
	Output: OutputClass,
	width: number,
	height: number,
	operations: readonly Operation[],
) {
	const output = new Output({width, height});
	for (const operation of operations) {
		if (operation.type === 'write') {
			output.write(operation.x, operation.y, operation.text, {transformers: []});
		} else if (operation.type === 'clip') {
			output.clip(operation.clip);
		} else {
			output.unclip();
		}
	}
	return output.get();
}

const pieces = [
	'12:00:01Z',
	'ok',
	' ',
	'\u001B[31mred\u001B[39m',
	'\u001B[7msel\u001B[27m',
	'漢字',
	'🙂',
	'\n',
];
const text = fc
	.array(fc.constantFrom(...pieces), {minLength: 1, maxLength: 6})
	.map((parts) => parts.join(''));
const operation: fc.Arbitrary<Operation> = fc.oneof(
	{
		weight: 6,
		arbitrary: fc.record({
			type: fc.constant('write' as const),
			x: fc.integer({min: -2, max: 14}),
			y: fc.integer({min: -2, max: 7}),
			text,
		}),
	},
	{
		weight: 1,
		arbitrary: fc.record({
			type: fc.constant('clip' as const),
			clip: fc.record({
				x1: fc.integer({min: 0, max: 6}),
				x2: fc.integer({min: 6, max: 14}),
				y1: fc.integer({min: 0, max: 3}),
				y2: fc.integer({min: 3, max: 7}),
			}),
		}),
	},
	{weight: 1, arbitrary: fc.constant({type: 'unclip' as const})},
);

describe("Ink's Output in the bundle, drawing only the rows that changed", () => {
	it('draws every frame of a sequence as Ink does', () => {
		const frame = fc.array(operation, {maxLength: 12});
		fc.assert(
			fc.property(
				fc.array(frame, {minLength: 1, maxLength: 5}),
				fc.integer({min: 4, max: 14}),
				(frames, width) => {
					for (const operations of frames) {
						// A frame twice: the second is drawn from the remembered rows.
						for (let pass = 0; pass < 2; pass++) {
							expect(draw(patched, width, 6, operations)).toEqual(
								draw(original, width, 6, operations),
							);
						}
					}
				},
			),
			{numRuns: 200},
		);
	});

	it('draws a row anew after a resize: the same writes at another width', () => {
		// The width decides a row's text (Ink pads the cells up to it and styles what lands beyond),
		// so the same writes after a resize are drawn anew.
		const operations: Operation[] = [
			{type: 'write', x: 0, y: 0, text: 'ok'},
			{type: 'write', x: 10, y: 0, text: '\u001B[7msel\u001B[27m'},
		];
		for (const width of [14, 6, 14]) {
			expect(draw(patched, width, 1, operations)).toEqual(draw(original, width, 1, operations));
		}
	});

	it('draws rows at a width that is not whole, and past the width, as Ink does', () => {
		const operations: Operation[] = [
			{type: 'write', x: 0, y: 0, text: 'ok'},
			{type: 'write', x: 9, y: 0, text: '\u001B[7msel\u001B[27m'},
			{type: 'write', x: 3, y: 1, text: '漢字'},
		];
		for (const width of [6.5, 0.5, 0, 4]) {
			expect(draw(patched, width, 2, operations)).toEqual(draw(original, width, 2, operations));
		}
	});

	it('draws a row that changed after one that did not', () => {
		const frame = (clock: string): Operation[] => [
			{type: 'write', x: 0, y: 0, text: `lbtop ${clock}`},
			{type: 'write', x: 0, y: 1, text: '\u001B[32mok\u001B[39m  10.0.0.1'},
		];
		draw(patched, 20, 2, frame('12:00:01Z'));
		expect(draw(patched, 20, 2, frame('12:00:02Z')).output).toBe(
			'lbtop 12:00:02Z\n\u001B[32mok\u001B[39m  10.0.0.1',
		);
	});

	it('refuses a file that is not the one it knows (an Ink upgrade must be looked at)', () => {
		expect(() => memoizeInkRows('export default class Output {}')).toThrow(/check Output.get/);
	});
});
