// One pane in its exact rectangle: clipped by the shell even if the pane draws too many rows. The
// inner box keeps its natural height, so an overlong pane loses its last rows, not rows in between.
// Too wide a row needs no clip: Ink cuts every Text to its box's width, and a horizontal clip
// would make Ink re-slice every row of every pane on every frame.
import {Box} from 'ink';
import {memo} from 'react';
import type {PaneEntry, ShellPaneProperties} from '../app-types.js';
import {PaneBoundary} from './pane-boundary.js';

type Properties = {
	readonly entry: PaneEntry;
	readonly paneProperties: ShellPaneProperties;
};

function sameProperties(previous: object, next: object): boolean {
	const keys = Object.keys(previous);
	return (
		keys.length === Object.keys(next).length &&
		keys.every((key) => Object.is(Reflect.get(previous, key), Reflect.get(next, key)))
	);
}

/**
 * The shell rebuilds every pane's props on each render; a pane whose props did not change (a key
 * that moved another pane's selection) is not drawn again.
 */
function samePane(previous: Properties, next: Properties): boolean {
	return (
		previous.entry === next.entry && sameProperties(previous.paneProperties, next.paneProperties)
	);
}

export const PaneSlot = memo(function PaneSlot({entry, paneProperties}: Properties) {
	const {width, height} = paneProperties;
	const Pane = entry.component;
	return (
		<Box width={width} height={height} overflowY="hidden" flexDirection="column" flexShrink={0}>
			{width > 0 && height > 0 && (
				<Box flexDirection="column" flexShrink={0} width={width}>
					<PaneBoundary title={entry.title}>
						<Pane {...paneProperties} />
					</PaneBoundary>
				</Box>
			)}
		</Box>
	);
}, samePane);
