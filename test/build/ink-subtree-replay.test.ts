// The bundle's Ink replays the writes of subtrees that did not change; these tests bundle a small
// screen with Ink as installed and with the replay, draw the same sequence of screens with both
// (rows added, removed, reordered, restyled, texts changed, boxes resized and moved) and ask for
// the same frame every time.
import {mkdtemp, readFile, rm, writeFile} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import type {Plugin} from 'esbuild';
import fc from 'fast-check';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {replayInkSubtrees} from '../../build/ink-subtree-replay.js';
import {bundleInk, screenDrawer} from './ink-bundles.js';

type Segment = {
	readonly text: string;
	readonly color?: 'red' | 'green';
	readonly bold?: boolean;
	readonly inverse?: boolean;
};
type Row = {readonly key: string; readonly segments: readonly Segment[]};
type Pane = {
	readonly key: string;
	readonly width: number;
	readonly height: number;
	readonly hidden: boolean;
	readonly rows: readonly Row[];
};
type Screen = {readonly clock: string; readonly panes: readonly Pane[]; readonly footer: string};
type Drawer = {draw(screens: readonly Screen[], columns: number): Promise<string[]>};

// A screen built like lbtop's: a header row with a clock, panes side by side (each a column of
// rows, clipped to its height), a footer. Keys come from small pools, so React keeps, moves and
// drops the same nodes from one screen to the next.
const entry = `
import {Box, Text} from 'ink';
import {createElement as h, memo} from 'react';

// As lbtop's panes and rows, memoized: what did not change is not rendered again.
const same = (previous, next) => JSON.stringify(previous) === JSON.stringify(next);

const Row = memo(function Row({value}) {
	return h(Text, {wrap: 'truncate-end'}, ...value.segments.map((segment, index) =>
		segment.color === undefined && !segment.bold && !segment.inverse
			? segment.text
			: h(Text, {key: String(index), color: segment.color, bold: segment.bold, inverse: segment.inverse}, segment.text)));
}, same);

const Pane = memo(function Pane({pane}) {
	return h(Box, {width: pane.width, height: pane.height, overflowY: 'hidden', flexDirection: 'column',
		flexShrink: 0, display: pane.hidden ? 'none' : 'flex'},
		...pane.rows.map((value) => h(Row, {key: value.key, value})));
}, same);

function screen(value, columns) {
	return h(Box, {flexDirection: 'column', width: columns},
		h(Box, {width: columns, height: 1},
			h(Box, {flexGrow: 1}, h(Text, {bold: true}, 'lbtop')),
			h(Text, null, value.clock)),
		h(Box, {flexDirection: 'row', width: columns},
			...value.panes.map((pane) => h(Pane, {key: pane.key, pane}))),
		h(Text, {dimColor: true}, value.footer));
}

${screenDrawer}`;

const replay: Plugin = {
	name: 'ink-subtree-replay',
	setup(builder) {
		builder.onLoad(
			{filter: /[\\/]ink[\\/]build[\\/](dom|reconciler|render-node-to-output)\.js$/},
			async (arguments_) => {
				const file = /(dom|reconciler|render-node-to-output)\.js$/.exec(arguments_.path)?.[1];
				const source = await readFile(arguments_.path, 'utf8');
				return {
					contents:
						file === 'dom' || file === 'reconciler' || file === 'render-node-to-output'
							? replayInkSubtrees(file, source)
							: source,
					loader: 'js',
				};
			},
		);
	},
};

let directory = '';
let installed: Drawer;
let replaying: Drawer;

beforeAll(async () => {
	directory = await mkdtemp(join(tmpdir(), 'lbtop-ink-replay-'));
	await writeFile(join(directory, 'entry.mjs'), entry);
	installed = await bundleInk<Drawer>(directory, 'entry.mjs', 'installed', []);
	replaying = await bundleInk<Drawer>(directory, 'entry.mjs', 'replaying', [replay]);
}, 60_000);

afterAll(async () => {
	await rm(directory, {recursive: true, force: true});
});

// Few choices each, so consecutive screens share most of their rows and panes, as lbtop's do.
const variants: ReadonlyArray<readonly Segment[]> = [
	[{text: '10.0.1.1:80 ACC '}, {text: '4m', color: 'green'}],
	[{text: '10.0.1.1:80 REJ ', color: 'red', bold: true}, {text: '5m'}],
	[{text: '漢字 wide', inverse: true}],
	[{text: 'a long row of text that is cut at the edge'}],
];
const row: fc.Arbitrary<Row> = fc
	.record({
		key: fc.constantFrom('r1', 'r2', 'r3', 'r4', 'r5'),
		variant: fc.integer({min: 0, max: 1}),
	})
	.map(({key, variant}) => ({
		key,
		segments: variants[(Number(key.slice(1)) + variant) % variants.length] ?? [],
	}));
const pane: fc.Arbitrary<Pane> = fc.record({
	key: fc.constantFrom('p1', 'p2', 'p3'),
	width: fc.constantFrom(6, 12),
	height: fc.constantFrom(2, 4),
	hidden: fc.oneof(
		{weight: 5, arbitrary: fc.constant(false)},
		{weight: 1, arbitrary: fc.constant(true)},
	),
	rows: fc.uniqueArray(row, {selector: (value) => value.key, maxLength: 5}),
});
const screen: fc.Arbitrary<Screen> = fc.record({
	clock: fc.constantFrom('12:00:01Z', '12:00:02Z'),
	panes: fc.uniqueArray(pane, {selector: (value) => value.key, maxLength: 3}),
	footer: fc.constantFrom('flows lag 2m', 'flows lag 2m10s'),
});

describe('Ink in the bundle, replaying what did not change', () => {
	it('draws every frame of a sequence of screens as Ink does', async () => {
		await fc.assert(
			fc.asyncProperty(
				fc.array(screen, {minLength: 2, maxLength: 8}),
				fc.integer({min: 20, max: 40}),
				async (screens, columns) => {
					// Each screen twice: the second time every subtree is replayed.
					const doubled = screens.flatMap((value) => [value, value]);
					const expected = await installed.draw(doubled, columns);
					expect(await replaying.draw(doubled, columns)).toEqual(expected);
				},
			),
			{numRuns: 60},
		);
	});

	it('throws when Ink is not the version it patches', () => {
		expect(() => replayInkSubtrees('dom', 'export const other = 1;')).toThrow(/Ink 6\.8/);
	});
});
