// The bundle's Ink leaves a text's Yoga node clean when its new text has the size Yoga measured;
// these tests bundle screens whose layout follows their texts' sizes (texts side by side that push
// each other, texts wrapped or cut in narrow boxes, lines of several rows) with Ink as installed
// and with the edit, draw the same random sequences of screens and ask for the same frames.
import {mkdtemp, readFile, rm, writeFile} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import type {Plugin} from 'esbuild';
import fc from 'fast-check';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {replayInkSubtrees} from '../../build/ink-subtree-replay.js';
import {keepTextMeasures} from '../../build/ink-text-measures.js';
import {bundleInk, screenDrawer} from './ink-bundles.js';

type Part = {readonly text: string; readonly color: 'red' | undefined};
type Cell = {
	readonly key: string;
	readonly width: number | undefined;
	readonly wrap: 'wrap' | 'truncate-end';
	readonly parts: readonly Part[];
};
type Screen = {
	readonly title: string;
	readonly clock: string;
	readonly cells: readonly Cell[];
	readonly lines: readonly string[];
	readonly footer: string;
};
type Drawer = {draw(screens: readonly Screen[], columns: number): Promise<string[]>};

// Auto-sized texts side by side (each one's width moves the next), cells of fixed or free width
// whose texts fit, wrap or are cut, nested styled texts, and lines of one or two rows stacked.
const entry = `
import {Box, Text} from 'ink';
import {createElement as h} from 'react';

function screen(value, columns) {
	return h(Box, {flexDirection: 'column', width: columns},
		h(Box, {flexDirection: 'row'},
			h(Text, {bold: true}, value.title),
			h(Text, null, ' ', value.clock),
			h(Box, {flexGrow: 1}),
			h(Text, null, value.clock)),
		h(Box, {flexDirection: 'row'},
			...value.cells.map((cell) => h(Box, {key: cell.key, width: cell.width, marginRight: 1},
				h(Text, {wrap: cell.wrap}, ...cell.parts.map((part, index) =>
					part.color === undefined ? part.text : h(Text, {key: String(index), color: part.color}, part.text)))))),
		h(Box, {flexDirection: 'column', height: 5, overflowY: 'hidden'},
			...value.lines.map((line, index) => h(Text, {key: String(index)}, line))),
		h(Text, {dimColor: true}, value.footer));
}
${screenDrawer}`;

const fromDom = (edit: (source: string) => string): Plugin => ({
	name: 'ink-dom-edit',
	setup(builder) {
		builder.onLoad({filter: /[\\/]ink[\\/]build[\\/]dom\.js$/}, async (arguments_) => ({
			contents: edit(await readFile(arguments_.path, 'utf8')),
			loader: 'js',
		}));
	},
});

// Counts Ink's measures of texts (Yoga calls back for each text node it lays out afresh).
const counted = (source: string): string =>
	source.replace(
		'const measureTextNode = function (node, width) {\n',
		'const measureTextNode = function (node, width) {\n    globalThis.inkMeasures = (globalThis.inkMeasures ?? 0) + 1;\n',
	);
const measures = (): number => (globalThis as {inkMeasures?: number}).inkMeasures ?? 0;

let directory = '';
let installed: Drawer;
let measured: Drawer;
let withReplay: Drawer;
let installedCounted: Drawer;
let measuredCounted: Drawer;

beforeAll(async () => {
	directory = await mkdtemp(join(tmpdir(), 'lbtop-ink-measures-'));
	await writeFile(join(directory, 'entry.mjs'), entry);
	installed = await bundleInk<Drawer>(directory, 'entry.mjs', 'installed', []);
	measured = await bundleInk<Drawer>(directory, 'entry.mjs', 'measured', [
		fromDom(keepTextMeasures),
	]);
	// As the CLI's bundle edits dom.js: the replay's marks first, then this.
	withReplay = await bundleInk<Drawer>(directory, 'entry.mjs', 'with-replay', [
		fromDom((source) => keepTextMeasures(replayInkSubtrees('dom', source))),
	]);
	installedCounted = await bundleInk<Drawer>(directory, 'entry.mjs', 'installed-counted', [
		fromDom(counted),
	]);
	measuredCounted = await bundleInk<Drawer>(directory, 'entry.mjs', 'measured-counted', [
		fromDom((source) => counted(keepTextMeasures(source))),
	]);
}, 60_000);

afterAll(async () => {
	await rm(directory, {recursive: true, force: true});
});

// Texts of equal and of different sizes, so most changes keep a size and some do not.
const texts = [
	'12:00:01Z',
	'12:00:02Z',
	'9:00Z',
	'ok',
	'no',
	'a b c d e f g',
	'abcdefghijklmn',
	// As wide as each other, but wrapped to 6 columns one takes three rows and the other two.
	'aaaa bbbb cc',
	'aaaaaaaaaaaa',
	'漢字',
	'ab',
	'x\ny',
	'',
];
const text = fc.constantFrom(...texts);
const cell: fc.Arbitrary<Cell> = fc.record({
	key: fc.constantFrom('c1', 'c2', 'c3'),
	width: fc.option(fc.constantFrom(3, 6, 10), {nil: undefined}),
	wrap: fc.constantFrom('wrap' as const, 'truncate-end' as const),
	parts: fc.array(
		fc.record({text, color: fc.option(fc.constant('red' as const), {nil: undefined})}),
		{minLength: 1, maxLength: 3},
	),
});
const screen: fc.Arbitrary<Screen> = fc.record({
	title: fc.constantFrom('lbtop', 'lbtop demo', 'lbtup'),
	clock: text,
	cells: fc.uniqueArray(cell, {selector: (value) => value.key, maxLength: 3}),
	lines: fc.array(text, {maxLength: 4}),
	footer: text,
});

describe('Ink in the bundle, keeping text measures that cannot change the layout', () => {
	it('draws every frame of a sequence of screens as Ink does', async () => {
		await fc.assert(
			fc.asyncProperty(
				fc.array(screen, {minLength: 2, maxLength: 8}),
				fc.integer({min: 12, max: 40}),
				async (screens, columns) => {
					const expected = await installed.draw(screens, columns);
					expect(await measured.draw(screens, columns)).toEqual(expected);
					expect(await withReplay.draw(screens, columns)).toEqual(expected);
				},
			),
			{numRuns: 100},
		);
	});

	it('measures no text again when only a clock of the same size changed', async () => {
		const base: Screen = {
			title: 'lbtop',
			clock: '12:00:01Z',
			cells: [{key: 'c1', width: 6, wrap: 'truncate-end', parts: [{text: 'ok', color: undefined}]}],
			lines: ['ab'],
			footer: 'no',
		};
		const ticks = ['12:00:02Z', '12:00:03Z', '12:00:04Z'].map((clock) => ({...base, clock}));
		const afterTicks = async (drawer: Drawer) => {
			await drawer.draw([base], 40);
			const before = measures();
			await drawer.draw([base, ...ticks], 40);
			return measures() - before;
		};
		const firstFrameOnly = await afterTicks(measuredCounted);
		// Ink as installed measures the two clock texts again on each of the three ticks.
		expect(await afterTicks(installedCounted)).toBeGreaterThanOrEqual(firstFrameOnly + 6);
	});

	it('throws when Ink is not the version it edits', () => {
		expect(() => keepTextMeasures('export const other = 1;')).toThrow(/Ink 6\.8/);
	});
});
