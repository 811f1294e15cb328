import type {PaneReads, ShellPaneProperties} from '../app-types.js';
import {connectionsLines} from './connections-rows.js';
import {PaneLines} from './pane-lines.js';
import {type ListLines, usePaneLines} from './use-pane-lines.js';

const list: ListLines = (snapshot, context, view) =>
	connectionsLines(
		{
			...(snapshot.flows === undefined ? {} : {flows: snapshot.flows}),
			...(snapshot.topology === undefined ? {} : {topology: snapshot.topology}),
			state: snapshot.sources.flows,
		},
		context,
		view,
	);

export const connectionsReads: PaneReads = (snapshot) => [
	snapshot.flows,
	snapshot.topology,
	snapshot.sources.flows,
];

export function ConnectionsPane(properties: ShellPaneProperties) {
	const lines = usePaneLines('connections', properties, list);
	const {width, height, color, ascii} = properties;
	return <PaneLines lines={lines} width={width} height={height} color={color} ascii={ascii} />;
}
