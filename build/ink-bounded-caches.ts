// Ink 6.8 remembers the size and the wrapped form of every text it has ever drawn, in two
// module-level caches that are never emptied (build/measure-text.js, build/wrap-text.js). A live
// screen draws new text every second (clock, ages) and a whole new screen every refresh, so over an
// incident bridge of a few hours those caches grow by tens of megabytes. The bundle gives both a
// bound: past `limit` entries a cache starts over (a frame needs at most a few hundred).
export const cacheLimit = 5000;

export type InkCacheFile = 'measure-text' | 'wrap-text';

type Edit = {readonly from: string; readonly to: string};

const edits: Readonly<Record<InkCacheFile, readonly Edit[]>> = {
	'measure-text': [
		{
			from: '    cache.set(text, dimensions);',
			to: `    if (cache.size >= ${cacheLimit}) cache.clear();\n    cache.set(text, dimensions);`,
		},
	],
	'wrap-text': [
		{from: 'const cache = {};', to: 'const cache = new Map();'},
		{from: 'const cachedText = cache[cacheKey];', to: 'const cachedText = cache.get(cacheKey);'},
		{
			from: '    cache[cacheKey] = wrappedText;',
			to: `    if (cache.size >= ${cacheLimit}) cache.clear();\n    cache.set(cacheKey, wrappedText);`,
		},
	],
};

/** The file's source with its cache bounded; throws when the file is not the one this expects. */
export function boundInkCache(file: InkCacheFile, source: string): string {
	let patched = source;
	for (const {from, to} of edits[file]) {
		if (patched.split(from).length !== 2) {
			throw new Error(
				`ink/build/${file}.js is not the Ink 6.8 file lbtop bounds the cache of ("${from}" not found once): check the cache after upgrading Ink`,
			);
		}
		patched = patched.replace(from, to);
	}
	return patched;
}

/** Which of Ink's files a module path is, if it is one of the two. */
export function inkCacheFileOf(path: string): InkCacheFile | undefined {
	const match = /[\\/]ink[\\/]build[\\/](measure-text|wrap-text)\.js$/.exec(path);
	return match?.[1] === 'measure-text' || match?.[1] === 'wrap-text' ? match[1] : undefined;
}
