// Every pane draws the same way: its list under the filter and sort the shell passes, or, while
// Enter's detail is open, the chosen item's drill-down in the same rectangle. The selection is an
// item (its stable id): the row drawn selected is wherever that item is now.
import {useMemo, useRef} from 'react';
import type {Snapshot} from '../../domain/snapshot.js';
import type {ShellPaneProperties} from '../app-types.js';
import type {PaneId} from '../pane-types.js';
import {detailLines, goneDetailLines} from './detail/pane-detail.js';
import type {Line} from './line.js';
import {type PaneContext, paneContext} from './pane-context.js';
import {type PaneView, viewOfFilter} from './pane-view.js';
import {selectionIndex} from './scroll.js';
import {
	itemById,
	itemId,
	rowIdsInView,
	type SelectedItem,
	selectedItemInView,
} from './selected-item.js';

/** Draws the pane's list; module-level functions keep the memo below effective. */
export type ListLines = (snapshot: Snapshot, context: PaneContext, view: PaneView) => Line[];

/** What the detail showed last, kept for when its item leaves the window. */
export type LastSeen = {
	readonly id: string;
	readonly item: SelectedItem;
	/** The snapshot's time, Unix ms. */
	readonly at: number;
};

export type PaneDraw = {
	readonly pane: PaneId;
	readonly snapshot: Snapshot;
	/** `selected` is the row the cursor falls back to while no chosen item is among the rows. */
	readonly context: PaneContext;
	readonly view: PaneView;
	readonly detail: boolean;
	readonly selectedId?: string | undefined;
	readonly lastSeen?: LastSeen | undefined;
};

export type PaneDrawn = {
	readonly lines: Line[];
	/** The item the detail showed, to keep as `lastSeen`. */
	readonly seen?: LastSeen;
};

function selectedRow(draw: PaneDraw): number {
	const {selectedId, context} = draw;
	if (selectedId === undefined) {
		return context.selected;
	}

	const ids = rowIdsInView(draw.pane, draw.snapshot, draw.view);
	return selectionIndex({id: selectedId, index: context.selected}, ids);
}

function openItem(draw: PaneDraw, selected: number): SelectedItem | undefined {
	return draw.selectedId === undefined
		? selectedItemInView(draw.pane, draw.snapshot, selected, draw.view)
		: itemById(draw.pane, draw.snapshot, draw.selectedId);
}

export function paneLines(draw: PaneDraw, list: ListLines): PaneDrawn {
	const {snapshot, view} = draw;
	const context = {...draw.context, selected: selectedRow(draw)};
	if (draw.detail) {
		const item = openItem(draw, context.selected);
		if (item !== undefined) {
			const seen = {id: itemId(item), item, at: snapshot.generatedAt};
			return {lines: detailLines(item, snapshot, context), seen};
		}

		const last = draw.lastSeen;
		if (last !== undefined && last.id === draw.selectedId) {
			return {lines: goneDetailLines(last.item, last.at, snapshot, context), seen: last};
		}
		// Nothing to drill into (no rows, or none the filter keeps): the list says why.
	}

	return {lines: list(snapshot, context, view)};
}

export function usePaneLines(pane: PaneId, properties: ShellPaneProperties, list: ListLines) {
	const {snapshot, width, height, focused, selected, timeZone, now, ascii} = properties;
	const {filter, sortStep, detail, selectedId} = properties;
	const lastSeen = useRef<LastSeen | undefined>(undefined);
	const drawn = useMemo(
		() =>
			paneLines(
				{
					pane,
					snapshot,
					context: paneContext({width, height, focused, selected, timeZone, now, ascii}),
					view: viewOfFilter(filter, sortStep),
					detail: detail === true,
					selectedId,
					lastSeen: lastSeen.current,
				},
				list,
			),
		[
			pane,
			list,
			snapshot,
			width,
			height,
			focused,
			selected,
			timeZone,
			now,
			ascii,
			filter,
			sortStep,
			detail,
			selectedId,
		],
	);
	lastSeen.current = drawn.seen ?? lastSeen.current;
	return drawn.lines;
}
