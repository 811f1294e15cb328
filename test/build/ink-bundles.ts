// Bundles a small Ink screen with some of the bundle's edits of Ink, as the CLI's bundle is made, so
// a test can draw the same screens with Ink as installed and as edited and compare the frames.
import {join} from 'node:path';
import {pathToFileURL} from 'node:url';
import {build, type Plugin} from 'esbuild';

// Ink loads React DevTools only when DEV=true; the bundles here never do.
const noDevtools: Plugin = {
	name: 'no-devtools',
	setup(builder) {
		builder.onResolve({filter: /^react-devtools-core$/}, () => ({
			path: 'devtools',
			namespace: 'stub',
		}));
		builder.onLoad({filter: /.*/, namespace: 'stub'}, () => ({contents: 'export default {};'}));
	},
};

/** `entry` (a file in `directory`) bundled as `name`.mjs with `plugins`, then imported. */
export async function bundleInk<Module>(
	directory: string,
	entry: string,
	name: string,
	plugins: readonly Plugin[],
): Promise<Module> {
	const outfile = join(directory, `${name}.mjs`);
	await build({
		entryPoints: [join(directory, entry)],
		outfile,
		bundle: true,
		platform: 'node',
		format: 'esm',
		target: 'node20',
		nodePaths: [join(process.cwd(), 'node_modules')],
		banner: {
			js: "import {createRequire as lbtopCreateRequire} from 'node:module';\nconst require = lbtopCreateRequire(import.meta.url);",
		},
		define: {'process.env.NODE_ENV': '"production"'},
		plugins: [noDevtools, ...plugins],
		logLevel: 'error',
	});
	return (await import(pathToFileURL(outfile).href)) as Module;
}

/**
 * The end of an entry that defines `screen(value, columns)`: `draw(screens, columns)` mounts the
 * first screen in Ink's debug mode (every frame written whole), shows each next one and returns
 * every frame written.
 */
export const screenDrawer = `
import {EventEmitter as DrawerEmitter} from 'node:events';
import {render as drawerRender} from 'ink';
import {createElement as drawerElement, useState as drawerState} from 'react';

// Screens change through state, as lbtop's do: rendering the root again would render every Text.
let show;
function Root({first, columns}) {
	const [state, setState] = drawerState({value: first});
	show = setState;
	return screen(state.value, columns);
}

export async function draw(screens, columns) {
	const stdout = new DrawerEmitter();
	stdout.columns = columns;
	stdout.rows = 40;
	let last = '';
	let writes = 0;
	stdout.write = (data) => {
		last = data;
		writes += 1;
		return true;
	};
	const frames = [];
	const instance = drawerRender(drawerElement(Root, {first: screens[0], columns}), {stdout, debug: true, patchConsole: false});
	frames.push(last);
	for (const value of screens.slice(1)) {
		const before = writes;
		show({value});
		for (let wait = 0; writes === before && wait < 1000; wait += 1) {
			await new Promise((resolve) => setImmediate(resolve));
		}
		frames.push(last);
	}
	instance.unmount();
	return frames;
}
`;
