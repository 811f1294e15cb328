// One pane in its exact rectangle: clipped by the shell even if the pane draws too many rows. The
// inner box keeps its natural height, so an overlong pane loses its last rows, not rows in between.
// Too wide a row needs no clip: Ink cuts every Text to its box's width, and a horizontal clip
// would make Ink re-slice every row of every pane on every frame.
import {Box} from 'ink';
import {memo} from 'react';
import type {Snapshot} from '../../domain/snapshot.js';
import type {PaneEntry, PaneReads, ShellPaneProperties} from '../app-types.js';
import {sameItems} from '../same-items.js';
import {PaneBoundary} from './pane-boundary.js';

type Properties = {
	readonly entry: PaneEntry;
	readonly paneProperties: ShellPaneProperties;
};

// A loop, not a closure made per call (see same-items.ts).
function sameProperties(previous: object, next: object, skip?: string): boolean {
	const keys = Object.keys(previous);
	if (keys.length !== Object.keys(next).length) {
		return false;
	}

	for (const key of keys) {
		if (
			key !== skip &&
			!(Object.hasOwn(next, key) && Object.is(Reflect.get(previous, key), Reflect.get(next, key)))
		) {
			return false;
		}
	}

	return true;
}

/**
 * The shell rebuilds every pane's props on each render; a pane whose props did not change (a key
 * that moved another pane's selection) is not drawn again, nor one whose part of a new snapshot is
 * what it drew (PaneEntry.reads).
 */
function samePane(previous: Properties, next: Properties): boolean {
	if (previous.entry !== next.entry) {
		return false;
	}

	const before = previous.paneProperties;
	const after = next.paneProperties;
	const {reads} = next.entry;
	if (reads === undefined || before.detail === true || after.detail === true) {
		return sameProperties(before, after);
	}

	return (
		sameProperties(before, after, 'snapshot') &&
		(before.snapshot === after.snapshot ||
			sameItems(readsOf(reads, before.snapshot), readsOf(reads, after.snapshot)))
	);
}

// Each write compares the new snapshot's reads with the last one's, which the previous write
// already worked out: a pane's reads are kept with the snapshot (the metrics pane's walk every
// datapoint of every series).
const readsBySnapshot = new WeakMap<Snapshot, Map<PaneReads, readonly unknown[]>>();

function readsOf(reads: PaneReads, snapshot: Snapshot): readonly unknown[] {
	let byPane = readsBySnapshot.get(snapshot);
	if (byPane === undefined) {
		byPane = new Map();
		readsBySnapshot.set(snapshot, byPane);
	}

	let read = byPane.get(reads);
	if (read === undefined) {
		read = reads(snapshot);
		byPane.set(reads, read);
	}

	return read;
}

export const PaneSlot = memo(function PaneSlot({entry, paneProperties}: Properties) {
	const {width, height} = paneProperties;
	const Pane = entry.component;
	return (
		<Box width={width} height={height} overflowY="hidden" flexDirection="column" flexShrink={0}>
			{width > 0 && height > 0 && (
				<Box flexDirection="column" flexShrink={0} width={width}>
					<PaneBoundary title={entry.title}>
						<Pane {...paneProperties} />
					</PaneBoundary>
				</Box>
			)}
		</Box>
	);
}, samePane);
