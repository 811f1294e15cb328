// One pane in its exact rectangle: clipped by the shell even if the pane draws too much. The inner
// box keeps its natural height, so an overlong pane loses its last rows, not rows in between.
import {Box} from 'ink';
import type {PaneEntry, ShellPaneProperties} from '../app-types.js';
import {PaneBoundary} from './pane-boundary.js';

type Properties = {
	readonly entry: PaneEntry;
	readonly paneProperties: ShellPaneProperties;
};

export function PaneSlot({entry, paneProperties}: Properties) {
	const {width, height} = paneProperties;
	const Pane = entry.component;
	return (
		<Box width={width} height={height} overflow="hidden" flexDirection="column" flexShrink={0}>
			{width > 0 && height > 0 && (
				<Box flexDirection="column" flexShrink={0} width={width}>
					<PaneBoundary title={entry.title}>
						<Pane {...paneProperties} />
					</PaneBoundary>
				</Box>
			)}
		</Box>
	);
}
