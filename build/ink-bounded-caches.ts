// Ink 6.8 remembers the size and the wrapped form of every text it has ever drawn, in two
// module-level caches that are never emptied (build/measure-text.js, build/wrap-text.js). A live
// screen draws new text every second (clock, ages) and a whole new screen every refresh, so over an
// incident bridge of a few hours those caches grow by tens of megabytes. The bundle gives both a
// bound: past `limit` entries a cache starts over (a frame needs at most a few hundred).
export const cacheLimit = 5000;

export type InkCacheFile = 'measure-text' | 'wrap-text' | 'render-node-to-output';

type Edit = {readonly from: string; readonly to: string};

const edits: Readonly<Record<InkCacheFile, readonly Edit[]>> = {
	'measure-text': [
		{
			from: '    cache.set(text, dimensions);',
			to: `    if (cache.size >= ${cacheLimit}) cache.clear();\n    cache.set(text, dimensions);`,
		},
	],
	// Not a cache in Ink: every frame measures every text node's widest line again, character by
	// character, though the screen's texts barely change from one frame to the next.
	'render-node-to-output': [
		{
			from: "import widestLine from 'widest-line';",
			to: `import measuredWidestLine from 'widest-line';\nconst cache = new Map();\nconst widestLine = (text) => {\n    let width = cache.get(text);\n    if (width === undefined) {\n        width = measuredWidestLine(text);\n        if (cache.size >= ${cacheLimit}) cache.clear();\n        cache.set(text, width);\n    }\n    return width;\n};`,
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
	const match = /[\\/]ink[\\/]build[\\/](measure-text|wrap-text|render-node-to-output)\.js$/.exec(
		path,
	);
	const file = match?.[1];
	return file === 'measure-text' || file === 'wrap-text' || file === 'render-node-to-output'
		? file
		: undefined;
}
