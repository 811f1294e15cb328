// Bundles the CLI after `tsc` has checked and emitted it. A cold start spends most of its time
// resolving, reading and lexing hundreds of small modules (Ink, React and the AWS SDK are CommonJS
// behind ESM wrappers); one set of bundled files reaches the first frame in about half the time.
// dist/bin/lbtop.js is the CLI, and dist/bin/lbtop the package's bin that runs it; tsc's own
// output (dist/cli.js, dist/source) stays for the benchmarks and tests that load single modules,
// under names the bundle never overwrites.
import {readFileSync} from 'node:fs';
import {chmod, readdir, rm, writeFile} from 'node:fs/promises';
import path from 'node:path';
import process from 'node:process';
import {type BuildOptions, build} from 'esbuild';
import {startupEnvironment, startupFlags} from '../source/heap-settings.js';
import {binScript} from './bin-script.js';
import {inkPatches} from './ink-patches.js';
import {sdkShapesUsed} from './sdk-schema-keys.js';

// Its own directory, emptied first: chunk names carry content hashes, so old ones would pile up.
const outdir = 'dist/bin';
const benchOutdir = 'dist/bench-bundle';

await rm(outdir, {recursive: true, force: true});
await rm(benchOutdir, {recursive: true, force: true});
const workerFile = 'demo-worker.js';

// What every bundle shares: the product's, and the memory benchmark's monitor, which must run the
// code as it ships.
const shared: BuildOptions = {
	bundle: true,
	platform: 'node',
	// The AWS SDK's ESM builds: its CommonJS ones lose their named exports behind dynamic imports.
	mainFields: ['module', 'main'],
	target: 'node20',
	format: 'esm',
	// Some CommonJS dependencies call require() for Node's built-ins; ESM has no require.
	banner: {
		js: "import {createRequire as lbtopCreateRequire} from 'node:module';\nconst require = lbtopCreateRequire(import.meta.url);",
	},
	// Ink loads React DevTools only when DEV=true; it is not installed. DuckDB is a native binary
	// the sim's Athena loads from node_modules on its first query: it cannot be bundled, and
	// nothing else needs it.
	external: ['react-devtools-core', '@duckdb/node-api'],
	plugins: [inkPatches, sdkShapesUsed],
	logLevel: 'warning',
	// React and its reconciler ship development and production builds chosen at run time by
	// NODE_ENV; lbtop runs the production one (cli.tsx), so the other is left out of the bundle.
	define: {'process.env.NODE_ENV': '"production"'},
	// V8 keeps every loaded module's source text for as long as the process runs (lazy compilation,
	// Function.prototype.toString): without indentation and comments it is a quarter smaller
	// (dist/bin 4.4 -> 3.2 MB). Names stay, so stack traces and class names read as in the source.
	minifyWhitespace: true,
	minifySyntax: true,
};

await build({
	...shared,
	entryPoints: [
		{in: 'cli.tsx', out: 'lbtop'},
		// `--demo` starts its sim in a worker thread by file name (`./demo-worker.js`, beside the
		// module that starts it), so the worker is an entry of its own, in the same directory.
		{in: 'source/sim/demo-worker.ts', out: 'demo-worker'},
	],
	outdir,
	// The sources, the sim and the reports stay behind dynamic imports, as in the unbundled code:
	// the first frame loads only what it draws.
	splitting: true,
	chunkNames: '[name]-[hash]',
});

await build({
	...shared,
	entryPoints: [{in: 'bench/memory-monitor.tsx', out: 'memory-monitor'}],
	outdir: benchOutdir,
	// Keeps Ink's optional React DevTools import dynamic, as in the product.
	splitting: true,
	chunkNames: '[name]-[hash]',
});

// The worker is found by a path relative to the chunk that starts it: prove they sit together.
const files = await readdir(outdir);
const starters = files.filter(
	(file) =>
		file.endsWith('.js') &&
		readFileSync(path.join(outdir, file), 'utf8').includes(`./${workerFile}`),
);
if (starters.length === 0 || !files.includes(workerFile)) {
	process.stderr.write(
		`bundle: ${workerFile} or the module that starts it is missing from ${outdir}\n`,
	);
	process.exit(1);
}

// The package's bin: Node with the start-up flags and malloc settings, on lbtop.js
// (build/bin-script.ts).
const bin = path.join(outdir, 'lbtop');
await writeFile(bin, binScript(startupFlags, startupEnvironment));
await chmod(bin, 0o755);
