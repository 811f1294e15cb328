import {useMemo} from 'react';
import type {PaneProperties} from '../pane-types.js';
import {findingsLines} from './findings-rows.js';
import {paneContext} from './pane-context.js';
import {PaneLines} from './pane-lines.js';

export function FindingsPane(properties: PaneProperties) {
	const {snapshot, width, height, focused, selected, timeZone, now, ascii, color} = properties;
	const {findings, sources} = snapshot;
	const lines = useMemo(
		() =>
			findingsLines(
				{findings, sources},
				paneContext({width, height, focused, selected, timeZone, now, ascii}),
			),
		[findings, sources, width, height, focused, selected, timeZone, now, ascii],
	);
	return <PaneLines lines={lines} width={width} height={height} color={color} ascii={ascii} />;
}
