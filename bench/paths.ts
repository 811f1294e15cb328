// Where things are, from the compiled benchmark's own location (dist/bench/*.js).
import {delimiter, dirname} from 'node:path';
import process from 'node:process';
import {fileURLToPath} from 'node:url';
import {startupEnvironment} from '../source/heap-settings.js';

export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
/** The package's bin: Node with lbtop's start-up flags and malloc settings, on lbtop.js. */
export const builtBin = fileURLToPath(new URL('../bin/lbtop', import.meta.url));
/** The built CLI as a user runs it. */
export const cliCommand: readonly string[] = [builtBin];
/** PATH with this Node's directory first: the bin runs the `node` of the PATH, the one measured. */
export const pathWithThisNode = (path: string | undefined = process.env.PATH) =>
	path === undefined || path === ''
		? dirname(process.execPath)
		: `${dirname(process.execPath)}${delimiter}${path}`;
export const builtBench = (file: string) => fileURLToPath(new URL(`./${file}`, import.meta.url));
/** A benchmark entry bundled like the product (build/bundle.ts), for figures about shipped code. */
export const bundledBench = (file: string) =>
	fileURLToPath(new URL(`../bench-bundle/${file}`, import.meta.url));

/**
 * The environment of a process that stands for the CLI (the memory monitors run Node directly):
 * the bin's malloc settings, each where `env` has none, as the bin sets them.
 */
export function asTheBinSets(env: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
	const unset = Object.entries(startupEnvironment).filter(([name]) => env[name] === undefined);
	return {...env, ...Object.fromEntries(unset)};
}
