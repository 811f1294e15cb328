import {useMemo} from 'react';
import type {PaneProperties} from '../pane-types.js';
import {changesLines} from './changes-rows.js';
import {paneContext} from './pane-context.js';
import {PaneLines} from './pane-lines.js';

export function ChangesPane(properties: PaneProperties) {
	const {snapshot, width, height, focused, selected, timeZone, now, ascii, color} = properties;
	const {changes} = snapshot;
	const state = snapshot.sources.changes;
	const lines = useMemo(
		() =>
			changesLines(
				{...(changes === undefined ? {} : {changes}), state},
				paneContext({width, height, focused, selected, timeZone, now, ascii}),
			),
		[changes, state, width, height, focused, selected, timeZone, now, ascii],
	);
	return <PaneLines lines={lines} width={width} height={height} color={color} ascii={ascii} />;
}
