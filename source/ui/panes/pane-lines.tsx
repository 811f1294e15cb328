import {Box, Text} from 'ink';
import {useMemo} from 'react';
import {type FrameSegment, frameRows} from './frame.js';
import {glyphsFor} from './glyphs.js';
import type {Line, Tone} from './line.js';

type Properties = {
	readonly lines: readonly Line[];
	readonly width: number;
	readonly height: number;
	readonly color: boolean;
	readonly ascii: boolean;
};

/** Draws prepared lines into exactly `width` x `height` cells; tones only when `color`. */
export function PaneLines({lines, width, height, color, ascii}: Properties) {
	const rows = useMemo(
		() => frameRows(lines, width, height, glyphsFor(ascii).ellipsis, color),
		[lines, width, height, ascii, color],
	);
	if (width < 1 || height < 1) {
		return null;
	}

	return (
		<Box flexDirection="column" width={width} height={height} overflow="hidden">
			{rows.map((row) => (
				<Text key={row.key} wrap="truncate-end">
					{row.segments.length === 0 ? ' ' : row.segments.map(styled)}
				</Text>
			))}
		</Box>
	);
}

const toneColors: Readonly<Partial<Record<Tone, string>>> = {
	red: 'red',
	green: 'green',
	yellow: 'yellow',
};

function styled(segment: FrameSegment) {
	const colorName = segment.tone === undefined ? undefined : toneColors[segment.tone];
	return (
		<Text
			key={segment.key}
			inverse={segment.inverse}
			bold={segment.tone === 'bold'}
			dimColor={segment.tone === 'dim'}
			{...(colorName === undefined ? {} : {color: colorName})}
		>
			{segment.text}
		</Text>
	);
}
