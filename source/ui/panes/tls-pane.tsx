import type {PaneReads, ShellPaneProperties} from '../app-types.js';
import {PaneLines} from './pane-lines.js';
import {tlsLines} from './tls-rows.js';
import {type ListLines, usePaneLines} from './use-pane-lines.js';

const list: ListLines = (snapshot, context, view) => tlsLines(snapshot, context, view);

export const tlsReads: PaneReads = (snapshot) => [snapshot.tls, snapshot.accessLogs];

export function TlsPane(properties: ShellPaneProperties) {
	const lines = usePaneLines('tls', properties, list);
	const {width, height, color, ascii} = properties;
	return <PaneLines lines={lines} width={width} height={height} color={color} ascii={ascii} />;
}
