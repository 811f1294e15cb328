// Where things are, from the compiled benchmark's own location (dist/bench/*.js).
import process from 'node:process';
import {fileURLToPath} from 'node:url';
import {startupFlags} from '../source/heap-settings.js';

export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
export const builtCli = fileURLToPath(new URL('../bin/lbtop.js', import.meta.url));
/** The built CLI as the package's bin runs it: Node with lbtop's start-up flags. */
export const cliCommand: readonly string[] = [process.execPath, ...startupFlags, builtCli];
export const builtBench = (file: string) => fileURLToPath(new URL(`./${file}`, import.meta.url));
/** A benchmark entry bundled like the product (build/bundle.ts), for figures about shipped code. */
export const bundledBench = (file: string) =>
	fileURLToPath(new URL(`../bench-bundle/${file}`, import.meta.url));
