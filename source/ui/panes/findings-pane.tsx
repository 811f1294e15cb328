import type {ShellPaneProperties} from '../app-types.js';
import {findingsLines} from './findings-rows.js';
import {PaneLines} from './pane-lines.js';
import {type ListLines, usePaneLines} from './use-pane-lines.js';

const list: ListLines = (snapshot, context, view) => findingsLines(snapshot, context, view);

export function FindingsPane(properties: ShellPaneProperties) {
	const lines = usePaneLines('findings', properties, list);
	const {width, height, color, ascii} = properties;
	return <PaneLines lines={lines} width={width} height={height} color={color} ascii={ascii} />;
}
