import type {Snapshot} from '../../domain/snapshot.js';
import type {PaneReads, ShellPaneProperties} from '../app-types.js';
import type {PaneContext} from './pane-context.js';
import {PaneLines} from './pane-lines.js';
import type {PaneView} from './pane-view.js';
import {type TrafficAction, trafficLines, trafficWindowReads} from './traffic-rows.js';
import {type ListLines, usePaneLines} from './use-pane-lines.js';

function trafficList(action: TrafficAction): ListLines {
	return (snapshot: Snapshot, context: PaneContext, view: PaneView) =>
		trafficLines(
			{
				...(snapshot.flows === undefined ? {} : {flows: snapshot.flows}),
				state: snapshot.sources.flows,
				window: snapshot.window,
				action,
			},
			context,
			view,
		);
}

/** Of the window, only what the pane shows of it: another source's write leaves it as it was. */
export const trafficReads: PaneReads = (snapshot) => [
	snapshot.flows,
	snapshot.sources.flows,
	...trafficWindowReads(snapshot.flows, snapshot.window),
];

const acceptedList = trafficList('accepted');
const rejectedList = trafficList('rejected');

export function AcceptedPane(properties: ShellPaneProperties) {
	const lines = usePaneLines('accepted', properties, acceptedList);
	const {width, height, color, ascii} = properties;
	return <PaneLines lines={lines} width={width} height={height} color={color} ascii={ascii} />;
}

export function RejectedPane(properties: ShellPaneProperties) {
	const lines = usePaneLines('rejected', properties, rejectedList);
	const {width, height, color, ascii} = properties;
	return <PaneLines lines={lines} width={width} height={height} color={color} ascii={ascii} />;
}
