import type {ShellPaneProperties} from '../app-types.js';
import {findingsLines} from './findings-rows.js';
import {PaneLines} from './pane-lines.js';
import {type ListLines, usePaneLines} from './use-pane-lines.js';

// No filter reaches the findings: a search in another pane must never hide a critical finding.
const list: ListLines = (snapshot, context) => findingsLines(snapshot, context);

export function FindingsPane(properties: ShellPaneProperties) {
	const lines = usePaneLines('findings', properties, list);
	const {width, height, color, ascii} = properties;
	return <PaneLines lines={lines} width={width} height={height} color={color} ascii={ascii} />;
}
