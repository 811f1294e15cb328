import {useMemo} from 'react';
import type {PaneProperties} from '../pane-types.js';
import {metricsLines} from './metrics-rows.js';
import {paneContext} from './pane-context.js';
import {PaneLines} from './pane-lines.js';

export function MetricsPane(properties: PaneProperties) {
	const {snapshot, width, height, focused, selected, timeZone, now, ascii, color} = properties;
	const {metrics, window} = snapshot;
	const state = snapshot.sources.metrics;
	const lines = useMemo(
		() =>
			metricsLines(
				{...(metrics === undefined ? {} : {metrics}), state, window},
				paneContext({width, height, focused, selected, timeZone, now, ascii}),
			),
		[metrics, state, window, width, height, focused, selected, timeZone, now, ascii],
	);
	return <PaneLines lines={lines} width={width} height={height} color={color} ascii={ascii} />;
}
