import type {PaneReads, ShellPaneProperties} from '../app-types.js';
import {findingsLines} from './findings-rows.js';
import {PaneLines} from './pane-lines.js';
import {type ListLines, usePaneLines} from './use-pane-lines.js';

// No filter reaches the findings: a search in another pane must never hide a critical finding.
const list: ListLines = (snapshot, context) => findingsLines(snapshot, context);

/** The findings, and of each source what the blind spots name. */
export const findingsReads: PaneReads = (snapshot) => [
	snapshot.findings,
	...Object.entries(snapshot.sources).flatMap(([name, state]) => [
		name,
		state.status,
		state.error?.message,
		state.note,
	]),
];

export function FindingsPane(properties: ShellPaneProperties) {
	const lines = usePaneLines('findings', properties, list);
	const {width, height, color, ascii} = properties;
	return <PaneLines lines={lines} width={width} height={height} color={color} ascii={ascii} />;
}
