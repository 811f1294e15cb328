// Every pane draws the same way: its list under the filter and sort the shell passes, or, while
// Enter's detail is open, the selected row's drill-down in the same rectangle.
import {useMemo} from 'react';
import type {Snapshot} from '../../domain/snapshot.js';
import type {ShellPaneProperties} from '../app-types.js';
import type {PaneId} from '../pane-types.js';
import {detailLines} from './detail/pane-detail.js';
import type {Line} from './line.js';
import {type PaneContext, paneContext} from './pane-context.js';
import {type PaneView, viewOfFilter} from './pane-view.js';
import {selectedItemInView} from './selected-item.js';

/** Draws the pane's list; module-level functions keep the memo below effective. */
export type ListLines = (snapshot: Snapshot, context: PaneContext, view: PaneView) => Line[];

export function paneLines(
	pane: PaneId,
	snapshot: Snapshot,
	context: PaneContext,
	view: PaneView,
	detail: boolean,
	list: ListLines,
): Line[] {
	if (detail) {
		const item = selectedItemInView(pane, snapshot, context.selected, view);
		// Nothing to drill into (no rows, or none the filter keeps): the list says why.
		if (item !== undefined) {
			return detailLines(item, snapshot, context);
		}
	}

	return list(snapshot, context, view);
}

export function usePaneLines(pane: PaneId, properties: ShellPaneProperties, list: ListLines) {
	const {snapshot, width, height, focused, selected, timeZone, now, ascii} = properties;
	const {filter, sortStep, detail} = properties;
	return useMemo(
		() =>
			paneLines(
				pane,
				snapshot,
				paneContext({width, height, focused, selected, timeZone, now, ascii}),
				viewOfFilter(filter, sortStep),
				detail === true,
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
		],
	);
}
