// What Ink itself costs to draw a screen: the frames lbtop drew, as finished text, one <Text> per
// row with no lbtop code behind them. No Ink app can draw the same screen for less.
import {Box, Text} from 'ink';
import {useSyncExternalStore} from 'react';
import {type FrameTiming, timeFrames} from './frame-timing.js';
import type {TerminalSize} from './headless-terminal.js';
import {SwitchableSource} from './switchable-source.js';

type Row = {readonly id: string; readonly text: string};
type Properties = {readonly source: SwitchableSource<readonly Row[]>};

function FinishedFrame({source}: Properties) {
	const rows = useSyncExternalStore(source.subscribe, source.getSnapshot);
	return (
		<Box flexDirection="column">
			{rows.map((row) => (
				<Text key={row.id} wrap="truncate-end">
					{row.text}
				</Text>
			))}
		</Box>
	);
}

// A row's position on the screen is its identity, as in lbtop's own rows.
const keyed = (rows: readonly string[]): Row[] =>
	rows.map((text, position) => ({id: `row ${position}`, text}));

export function timeInkFloor(
	size: TerminalSize,
	frames: readonly [readonly string[], readonly string[]],
): Promise<FrameTiming> {
	const first = keyed(frames[0]);
	const second = keyed(frames[1]);
	const source = new SwitchableSource<readonly Row[]>(first);
	return timeFrames(<FinishedFrame source={source} />, size, source, first, second);
}
