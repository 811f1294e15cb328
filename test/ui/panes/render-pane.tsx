import {render} from 'ink-testing-library';
import type {ShellPaneProperties} from '../../../source/ui/app-types.js';
import type {PaneId} from '../../../source/ui/pane-types.js';
import {panes} from '../../../source/ui/panes/index.js';
import {properties} from './fixture.js';

/** The pane's frame as lines, rendered by Ink exactly as the shell would mount it. */
export function renderPane(id: PaneId, overrides: Partial<ShellPaneProperties> = {}): string[] {
	const Pane = panes[id].component;
	const {lastFrame, unmount} = render(<Pane {...properties(overrides)} />);
	const frame = lastFrame() ?? '';
	unmount();
	return frame.split('\n');
}

const sgr = /\u001b\[[0-9;]*m/g;

/** What reaches the terminal besides text: only colour/attribute sequences are allowed. */
export function rawControls(lines: readonly string[]): string[] {
	return lines
		.map((text) => text.replace(sgr, ''))
		.flatMap((text) => text.match(/[\u0000-\u001f\u007f-\u009f]/g) ?? []);
}
