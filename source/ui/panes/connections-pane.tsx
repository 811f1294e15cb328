import {useMemo} from 'react';
import type {PaneProperties} from '../pane-types.js';
import {connectionsLines} from './connections-rows.js';
import {paneContext} from './pane-context.js';
import {PaneLines} from './pane-lines.js';

export function ConnectionsPane(properties: PaneProperties) {
	const {snapshot, width, height, focused, selected, timeZone, now, ascii, color} = properties;
	const {flows} = snapshot;
	const state = snapshot.sources.flows;
	const lines = useMemo(
		() =>
			connectionsLines(
				{...(flows === undefined ? {} : {flows}), state},
				paneContext({width, height, focused, selected, timeZone, now, ascii}),
			),
		[flows, state, width, height, focused, selected, timeZone, now, ascii],
	);
	return <PaneLines lines={lines} width={width} height={height} color={color} ascii={ascii} />;
}
