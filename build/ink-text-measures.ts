// Ink 6.8 marks a text's Yoga node dirty whenever its text changes, so every frame that changes a
// character (the clock, an age) makes Yoga lay the screen out again and call back into JavaScript
// to measure each changed text: about a tenth of a clock-only frame. Yet Ink's measure of a text
// (dom.js, measureTextNode) is the text's size whenever that size fits the width Yoga offers, and
// Yoga's layout depends on a text only through what that measure returns. So while every measure
// Yoga took of a node since its last layout fitted (Yoga holds nothing else in its caches) and the
// new text has the same size, Yoga would get the same answer for every width it could ask about
// with the cache it holds or afresh: the bundle leaves the node clean, and Yoga's layout, and so
// every frame, is the one Ink would have made. test/build/ink-text-measures.test.ts draws random
// sequences of screens with Ink as installed and with this, and compares every frame.
import {applyEdits, type Edit} from './source-edits.js';

// Every measure since the node was last marked dirty: undefined before the first, the size they
// all returned while each fitted, `lbtopUnfitted` once one did not (or two disagreed).
const measureFitted = `const measureTextNode = function (node, width) {
    const text = node.nodeName === '#text' ? node.nodeValue : squashTextNodes(node);
    const dimensions = measureText(text);
    // Text fits into container, no need to wrap
    if (dimensions.width <= width) {
        return dimensions;
    }
`;

const recordFitted = `const lbtopUnfitted = { width: -1, height: -1 };
const lbtopRecordMeasure = (node, dimensions) => {
    const kept = node.lbtopMeasures;
    if (kept === undefined) {
        node.lbtopMeasures = { width: dimensions.width, height: dimensions.height };
    }
    else if (kept.width !== dimensions.width || kept.height !== dimensions.height) {
        node.lbtopMeasures = lbtopUnfitted;
    }
};
const measureTextNode = function (node, width) {
    const text = node.nodeName === '#text' ? node.nodeValue : squashTextNodes(node);
    const dimensions = measureText(text);
    // Text fits into container, no need to wrap
    if (dimensions.width <= width) {
        lbtopRecordMeasure(node, dimensions);
        return dimensions;
    }
    node.lbtopMeasures = lbtopUnfitted;
`;

const markDirty = `const markNodeAsDirty = (node) => {
    // Mark closest Yoga node as dirty to measure text dimensions again
    const yogaNode = findClosestYogaNode(node);
    yogaNode?.markDirty();
};
`;

// The node that owns the Yoga node Ink would mark: the same walk as findClosestYogaNode.
const markDirtyUnlessSameSize = `const lbtopYogaOwner = (node) => {
    if (!node?.parentNode) {
        return undefined;
    }
    return node.yogaNode ? node : lbtopYogaOwner(node.parentNode);
};
const lbtopSameSize = (owner) => {
    const kept = owner.lbtopMeasures;
    if (owner.nodeName !== 'ink-text' || kept === undefined || kept === lbtopUnfitted) {
        return false;
    }
    const dimensions = measureText(squashTextNodes(owner));
    return dimensions.width === kept.width && dimensions.height === kept.height;
};
const markNodeAsDirty = (node) => {
    const owner = lbtopYogaOwner(node);
    if (owner === undefined || lbtopSameSize(owner)) {
        return;
    }
    owner.lbtopMeasures = undefined;
    owner.yogaNode.markDirty();
};
`;

const edits: readonly Edit[] = [
	{from: measureFitted, to: recordFitted},
	{from: markDirty, to: markDirtyUnlessSameSize},
];

/** Ink's dom.js leaving a text's Yoga node clean while its size cannot change the layout. */
export function keepTextMeasures(source: string): string {
	return applyEdits(
		source,
		edits,
		(from) =>
			`ink/build/dom.js is not the Ink 6.8 file lbtop patches to keep text measures ("${from.trim().split('\n')[0]}" not found once): check measureTextNode and markNodeAsDirty after upgrading Ink`,
	);
}
