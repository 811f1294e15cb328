import type {PaneReads, ShellPaneProperties} from '../app-types.js';
import {changesLines} from './changes-rows.js';
import {loadingSpan} from './loading.js';
import {PaneLines} from './pane-lines.js';
import {type ListLines, usePaneLines} from './use-pane-lines.js';

const list: ListLines = (snapshot, context, view) =>
	changesLines(
		{
			...(snapshot.changes === undefined ? {} : {changes: snapshot.changes}),
			state: snapshot.sources.changes,
			window: snapshot.window,
		},
		context,
		view,
	);

/**
 * Of the window, the pane shows only where it starts while CloudTrail is not read back that far
 * ("loading"): a write that slides the window leaves the list as it was.
 */
export const changesReads: PaneReads = (snapshot) => [
	snapshot.changes,
	snapshot.sources.changes,
	loadingSpan(snapshot.changes?.coveredFrom, snapshot.window.start)?.from,
];

export function ChangesPane(properties: ShellPaneProperties) {
	const lines = usePaneLines('changes', properties, list);
	const {width, height, color, ascii} = properties;
	return <PaneLines lines={lines} width={width} height={height} color={color} ascii={ascii} />;
}
