// The bundle's edits of Ink and the text libraries it draws with. Each edit is checked against the
// file as installed by a test under test/build that compares what both give.
import {readFile} from 'node:fs/promises';
import type {Plugin} from 'esbuild';
import {boundInkCache, inkCacheFileOf} from './ink-bounded-caches.js';
import {memoizeInkRows} from './ink-row-memo.js';
import {skipEqualStyleDiffs} from './ink-styled-chars.js';
import {replayInkSubtrees} from './ink-subtree-replay.js';
import {keepTextMeasures} from './ink-text-measures.js';
import {tokenizeByUnits} from './ink-tokenize-units.js';
import {measureByUnits} from './string-width-units.js';

export const inkPatches: Plugin = {
	name: 'ink-patches',
	setup(builder) {
		builder.onLoad({filter: /[\\/]ink[\\/]build[\\/]output\.js$/}, async (arguments_) => ({
			contents: memoizeInkRows(await readFile(arguments_.path, 'utf8')),
			loader: 'js',
		}));
		builder.onLoad(
			{filter: /[\\/]@alcalzone[\\/]ansi-tokenize[\\/]build[\\/]styledChars\.js$/},
			async (arguments_) => ({
				contents: skipEqualStyleDiffs(await readFile(arguments_.path, 'utf8')),
				loader: 'js',
			}),
		);
		// string-width 8, which Ink and lbtop measure with (wrap-ansi keeps a 7 of its own).
		builder.onLoad(
			{filter: /[\\/]node_modules[\\/]string-width[\\/]index\.js$/},
			async (arguments_) =>
				/[\\/]wrap-ansi[\\/]/.test(arguments_.path)
					? undefined
					: {contents: measureByUnits(await readFile(arguments_.path, 'utf8')), loader: 'js'},
		);
		builder.onLoad(
			{filter: /[\\/]@alcalzone[\\/]ansi-tokenize[\\/]build[\\/]tokenize\.js$/},
			async (arguments_) => ({
				contents: tokenizeByUnits(await readFile(arguments_.path, 'utf8')),
				loader: 'js',
			}),
		);
		builder.onLoad(
			{filter: /[\\/]ink[\\/]build[\\/](measure-text|wrap-text|render-node-to-output)\.js$/},
			async (arguments_) => {
				const file = inkCacheFileOf(arguments_.path);
				const source = await readFile(arguments_.path, 'utf8');
				const bounded = file === undefined ? source : boundInkCache(file, source);
				return {
					contents: file === 'render-node-to-output' ? replayInkSubtrees(file, bounded) : bounded,
					loader: 'js',
				};
			},
		);
		// Ink writes no frame until it exits when the environment says CI (is-in-ci), so that a
		// pipeline's log gets one frame, not a stream of them. lbtop draws its screen only when stdin
		// and stdout are terminals (cli.tsx): someone is watching it, whatever CI says (a shell left
		// with CI=1 by a container image or a runner's debug session would see a blank screen).
		builder.onLoad({filter: /[\\/]node_modules[\\/]is-in-ci[\\/]index\.js$/}, () => ({
			contents: 'export default false;\n',
			loader: 'js',
		}));
		builder.onLoad({filter: /[\\/]ink[\\/]build[\\/](dom|reconciler)\.js$/}, async (arguments_) => {
			const file = arguments_.path.endsWith('dom.js') ? 'dom' : 'reconciler';
			const replaying = replayInkSubtrees(file, await readFile(arguments_.path, 'utf8'));
			return {
				contents: file === 'dom' ? keepTextMeasures(replaying) : replaying,
				loader: 'js',
			};
		});
	},
};
