// The bundle bounds Ink's two text caches; these tests run the patched files themselves (their
// imports replaced by stand-ins) to show the caches stop growing and still answer.
import {readFileSync} from 'node:fs';
import {createRequire} from 'node:module';
import {dirname, join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {
	boundInkCache,
	cacheLimit,
	type InkCacheFile,
	inkCacheFileOf,
} from '../../build/ink-bounded-caches.js';

const inkBuild = dirname(createRequire(import.meta.url).resolve('ink'));

function installed(file: InkCacheFile): string {
	return readFileSync(join(inkBuild, `${file}.js`), 'utf8');
}

type Loaded = {readonly run: (...arguments_: unknown[]) => unknown; readonly size: () => number};

/** Evaluates a patched file with its imports replaced by trivial stand-ins. */
function load(source: string): Loaded {
	const body = source
		.replaceAll(/^import (\w+) from '[^']+';$/gm, 'const $1 = (text) => text.length ?? text;')
		.replace(/^export default (\w+);/m, 'return {run: $1, size: () => cache.size};')
		.replace(/^\/\/# sourceMappingURL=.*$/m, '');
	return new Function(body)() as Loaded;
}

describe('Ink text caches in the bundle', () => {
	it.each(['measure-text', 'wrap-text'] as const)(
		'%s stays under the limit and still answers',
		(file) => {
			const patched = load(boundInkCache(file, installed(file)));
			for (let index = 0; index < cacheLimit * 3; index++) {
				patched.run(`12:00:${index}Z`, 80, 'truncate-end');
			}
			expect(patched.size()).toBeLessThanOrEqual(cacheLimit);
			expect(patched.size()).toBeGreaterThan(0);
		},
	);

	it('remembers the widest line of the texts Ink lays out, under the same limit', () => {
		const patched = load(
			boundInkCache('render-node-to-output', installed('render-node-to-output'))
				.replace(/^import \{.*$/gm, '')
				.replace(/^export const /m, 'const ')
				.replace(/^export default renderNodeToOutput;$/m, 'export default widestLine;'),
		);
		for (let index = 0; index < cacheLimit * 3; index++) {
			expect(patched.run(`12:00:${index}Z`)).toBe(`12:00:${index}Z`.length);
		}
		expect(patched.size()).toBeLessThanOrEqual(cacheLimit);
		expect(patched.size()).toBeGreaterThan(0);
	});

	it('refuses a file that is not the one it knows (an Ink upgrade must be looked at)', () => {
		expect(() => boundInkCache('wrap-text', 'export default 1;')).toThrow(/check the cache/);
	});

	it.each([
		['/x/node_modules/ink/build/measure-text.js', 'measure-text'],
		['C:\\x\\node_modules\\ink\\build\\wrap-text.js', 'wrap-text'],
		['/x/node_modules/ink/build/render-node-to-output.js', 'render-node-to-output'],
		['/x/node_modules/ink/build/output.js', undefined],
		['/x/node_modules/other/build/wrap-text.js', undefined],
	])('%s is %s', (path, expected) => {
		expect(inkCacheFileOf(path)).toBe(expected);
	});
});
