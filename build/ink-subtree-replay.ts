// Ink 6.8 walks the whole node tree for every frame, whatever changed: each box and text asks Yoga
// (WebAssembly) where it is, each text is squashed, measured and written again. lbtop's screen
// changes a few nodes a second (the clock, an age), so almost all of that walk gives what the frame
// before gave. The bundle makes each node remember the writes its subtree made in the last frame,
// and replay them while nothing in the subtree changed (no node under it was added, removed,
// restyled, re-propped or given new text: Ink's DOM functions and React's commitUpdate mark the
// node and its ancestors) and it sits in the same box (position and size from Yoga, which moves it
// when anything around it changes) under the same transforms. A subtree's writes depend on nothing
// else, so the frame's operations are the ones Ink would have made, in the same order;
// test/build/ink-subtree-replay.test.ts checks frames against Ink's own files.

type Edit = {readonly from: string; readonly to: string};

export type InkReplayFile = 'dom' | 'reconciler' | 'render-node-to-output';

const touch = `export const lbtopTouch = (node) => {
    for (let current = node; current !== undefined; current = current.parentNode) {
        current.lbtopKept = undefined;
    }
};
`;

const edits: Readonly<Record<InkReplayFile, readonly Edit[]>> = {
	dom: [
		{
			from: 'export const appendChildNode = (node, childNode) => {\n',
			to: `${touch}export const appendChildNode = (node, childNode) => {\n    lbtopTouch(node);\n`,
		},
		{
			from: 'export const insertBeforeNode = (node, newChildNode, beforeChildNode) => {\n',
			to: 'export const insertBeforeNode = (node, newChildNode, beforeChildNode) => {\n    lbtopTouch(node);\n',
		},
		{
			from: 'export const removeChildNode = (node, removeNode) => {\n',
			to: 'export const removeChildNode = (node, removeNode) => {\n    lbtopTouch(node);\n',
		},
		{
			from: 'export const setAttribute = (node, key, value) => {\n',
			to: 'export const setAttribute = (node, key, value) => {\n    lbtopTouch(node);\n',
		},
		{
			from: 'export const setStyle = (node, style) => {\n',
			to: 'export const setStyle = (node, style) => {\n    lbtopTouch(node);\n',
		},
		{
			from: 'export const setTextNodeValue = (node, text) => {\n',
			to: 'export const setTextNodeValue = (node, text) => {\n    lbtopTouch(node);\n',
		},
	],
	reconciler: [
		{
			from: "import { createTextNode, appendChildNode, insertBeforeNode, removeChildNode, setStyle, setTextNodeValue, createNode, setAttribute, } from './dom.js';",
			to: "import { createTextNode, appendChildNode, insertBeforeNode, removeChildNode, setStyle, setTextNodeValue, createNode, setAttribute, lbtopTouch, } from './dom.js';",
		},
		{
			from: '        if (!props && !style) {\n            return;\n        }\n',
			to: '        if (!props && !style) {\n            return;\n        }\n        lbtopTouch(node);\n',
		},
		{
			from: '    hideInstance(node) {\n',
			to: '    hideInstance(node) {\n        lbtopTouch(node);\n',
		},
		{
			from: '    unhideInstance(node) {\n',
			to: '    unhideInstance(node) {\n        lbtopTouch(node);\n',
		},
	],
	'render-node-to-output': [
		{
			from: 'const renderNodeToOutput = (node, output, options) => {\n',
			to: `const lbtopSameList = (a, b) => a.length === b.length && a.every((item, index) => item === b[index]);
const renderNodeToOutput = (node, output, options) => {
    const { yogaNode } = node;
    if (node.nodeName === 'ink-root' || yogaNode === undefined || (options.skipStaticElements && node.internal_static)) {
        return lbtopRenderNodeToOutput(node, output, options);
    }
    const { offsetX = 0, offsetY = 0, transformers = [] } = options;
    const x = offsetX + yogaNode.getComputedLeft();
    const y = offsetY + yogaNode.getComputedTop();
    const width = yogaNode.getComputedWidth();
    const height = yogaNode.getComputedHeight();
    const kept = node.lbtopKept;
    if (kept !== undefined &&
        kept.x === x &&
        kept.y === y &&
        kept.width === width &&
        kept.height === height &&
        kept.skipStaticElements === options.skipStaticElements &&
        lbtopSameList(kept.transformers, transformers)) {
        for (const operation of kept.operations) {
            output.operations.push(operation);
        }
        return;
    }
    const start = output.operations.length;
    lbtopRenderNodeToOutput(node, output, options);
    node.lbtopKept = {
        x,
        y,
        width,
        height,
        skipStaticElements: options.skipStaticElements,
        transformers,
        operations: output.operations.slice(start),
    };
};
const lbtopRenderNodeToOutput = (node, output, options) => {
`,
		},
	],
};

/** The file's source replaying unchanged subtrees; throws when it is not the file this expects. */
export function replayInkSubtrees(file: InkReplayFile, source: string): string {
	let patched = source;
	for (const {from, to} of edits[file]) {
		if (patched.split(from).length !== 2) {
			throw new Error(
				`ink/build/${file}.js is not the Ink 6.8 file lbtop replays subtrees in ("${from.trim()}" not found once): check the replay after upgrading Ink`,
			);
		}
		patched = patched.replace(from, to);
	}
	return patched;
}
