import {useMemo} from 'react';
import type {PaneProperties} from '../pane-types.js';
import {paneContext} from './pane-context.js';
import {PaneLines} from './pane-lines.js';
import {type TrafficAction, trafficLines} from './traffic-rows.js';

type Properties = PaneProperties & {readonly action: TrafficAction};

function TrafficPane(properties: Properties) {
	const {snapshot, width, height, focused, selected, timeZone, now, ascii, color, action} =
		properties;
	const {flows, window} = snapshot;
	const state = snapshot.sources.flows;
	const lines = useMemo(
		() =>
			trafficLines(
				{...(flows === undefined ? {} : {flows}), state, window, action},
				paneContext({width, height, focused, selected, timeZone, now, ascii}),
			),
		[flows, state, window, action, width, height, focused, selected, timeZone, now, ascii],
	);
	return <PaneLines lines={lines} width={width} height={height} color={color} ascii={ascii} />;
}

export function AcceptedPane(properties: PaneProperties) {
	return <TrafficPane {...properties} action="accepted" />;
}

export function RejectedPane(properties: PaneProperties) {
	return <TrafficPane {...properties} action="rejected" />;
}
