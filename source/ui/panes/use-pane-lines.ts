// Every pane draws the same way: its list under the filter and sort the shell passes, or, while
// Enter's detail is open, the chosen item's drill-down in the same rectangle. The selection is an
// item (its stable id): the row drawn selected is wherever that item is now.
import {useLayoutEffect, useMemo, useRef} from 'react';
import type {Snapshot} from '../../domain/snapshot.js';
import type {ShellPaneProperties} from '../app-types.js';
import {useRedrawWhenDue, useTicker} from '../hooks/use-clock.js';
import type {PaneId} from '../pane-types.js';
import {sameItems} from '../same-items.js';
import {type FullDetail, fullDetail, scrolledDetail} from './detail/pane-detail.js';
import type {Line} from './line.js';
import {type PaneContext, paneContext, paneTime, withSelected} from './pane-context.js';
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
	/** Lines of the open detail scrolled past. */
	readonly detailScroll?: number | undefined;
};

/** What a pane shows before the detail's scrolling: its list, or the whole detail. */
export type PaneContent =
	| {readonly kind: 'list'; readonly lines: Line[]}
	| {readonly kind: 'detail'; readonly detail: FullDetail; readonly seen: LastSeen};

export type PaneDrawn = {
	readonly lines: Line[];
	/** The item the detail showed, to keep as `lastSeen`. */
	readonly seen?: LastSeen;
	/** How far the open detail can scroll; 0 when it fits (or no detail is open). */
	readonly scrollLimit: number;
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

export function paneContent(draw: PaneDraw, list: ListLines): PaneContent {
	const {snapshot, view} = draw;
	const context = withSelected(draw.context, selectedRow(draw));
	if (draw.detail) {
		const item = openItem(draw, context.selected);
		if (item !== undefined) {
			const seen = {id: itemId(item), item, at: snapshot.generatedAt};
			return {kind: 'detail', detail: fullDetail(item, snapshot, context), seen};
		}

		const last = draw.lastSeen;
		if (last !== undefined && last.id === draw.selectedId) {
			const detail = fullDetail(last.item, snapshot, context, last.at);
			return {kind: 'detail', detail, seen: last};
		}
		// Nothing to drill into (no rows, or none the filter keeps): the list says why.
	}

	return {kind: 'list', lines: list(snapshot, context, view)};
}

export function paneFrame(content: PaneContent, context: PaneContext, scroll = 0): PaneDrawn {
	if (content.kind === 'list') {
		return {lines: content.lines, scrollLimit: 0};
	}

	const scrolled = scrolledDetail(content.detail, context, scroll);
	return {lines: scrolled.lines, seen: content.seen, scrollLimit: scrolled.limit};
}

export function paneLines(draw: PaneDraw, list: ListLines): PaneDrawn {
	return paneFrame(paneContent(draw, list), draw.context, draw.detailScroll);
}

type Kept = {
	readonly inputs: readonly unknown[];
	/** The time the pane was drawn at. */
	readonly at: number;
	/** The first time at which what was drawn may read differently. */
	readonly until: number;
};

/**
 * The time a pane draws at: the shell's tick, unless only the clock moved since the pane was drawn
 * and nothing it drew from the clock reads differently yet (a kept age of `4m` stays true all
 * minute). Any other change (new data, a key) draws anew at the tick's time. The pane re-renders on
 * the first tick at which what it drew may read differently, and on no other tick. `fixedNow`
 * draws at that time instead (a still frame), off the clock. Call `keep` with the context the pane
 * was drawn with, after drawing.
 */
export function useDrawnAt(fixedNow: number | undefined, inputs: readonly unknown[]) {
	const kept = useRef<Kept | undefined>(undefined);
	const ticker = useTicker();
	useRedrawWhenDue(kept, fixedNow === undefined);
	const now = fixedNow ?? ticker.now();
	const previous = kept.current;
	const at =
		previous !== undefined &&
		now >= previous.at &&
		now < previous.until &&
		sameItems(previous.inputs, inputs)
			? previous.at
			: now;
	const keep = (context: PaneContext) => {
		kept.current = {inputs, at, until: paneTime(context).until};
	};
	return {at, keep};
}

export function usePaneLines(pane: PaneId, properties: ShellPaneProperties, list: ListLines) {
	const {snapshot, width, height, focused, selected, timeZone, now, ascii} = properties;
	const {filter, sortStep, detail, selectedId, detailScroll, onDetailScrollLimit} = properties;
	const lastSeen = useRef<LastSeen | undefined>(undefined);
	// Not the detail's scroll: the detail is drawn whole, so every line of it was drawn at `at`.
	const drawnAt = useDrawnAt(now, [
		pane,
		list,
		snapshot,
		width,
		height,
		focused,
		selected,
		timeZone,
		ascii,
		filter,
		sortStep,
		detail,
		selectedId,
	]);
	const at = drawnAt.at;
	const context = useMemo(
		() => paneContext({width, height, focused, selected, timeZone, now: at, ascii}),
		[width, height, focused, selected, timeZone, at, ascii],
	);
	// Scrolling the detail only slices it: the detail is built once per snapshot and size.
	const content = useMemo(
		() =>
			paneContent(
				{
					pane,
					snapshot,
					context,
					view: viewOfFilter(filter, sortStep),
					detail: detail === true,
					selectedId,
					lastSeen: lastSeen.current,
				},
				list,
			),
		[pane, list, snapshot, context, filter, sortStep, detail, selectedId],
	);
	const drawn = useMemo(
		() => paneFrame(content, context, detailScroll),
		[content, context, detailScroll],
	);
	drawnAt.keep(context);
	lastSeen.current = drawn.seen ?? lastSeen.current;
	// Within the commit that draws the detail, so a key pressed right after it sees the limit.
	useLayoutEffect(() => {
		if (detail === true) {
			onDetailScrollLimit?.(drawn.scrollLimit);
		}
	}, [detail, drawn.scrollLimit, onDetailScrollLimit]);
	return drawn.lines;
}
