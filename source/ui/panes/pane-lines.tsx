import {Box, Text, type TextProps} from 'ink';
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

/**
 * Draws prepared lines into exactly `width` x `height` cells; tones only when `color`. Rows are
 * already cut to the width, so nothing here clips: Ink would re-slice every row to check.
 */
export function PaneLines({lines, width, height, color, ascii}: Properties) {
	const rows = useMemo(
		() => frameRows(lines, width, height, glyphsFor(ascii).ellipsis, color, ascii),
		[lines, width, height, ascii, color],
	);
	if (width < 1 || height < 1) {
		return null;
	}

	return (
		<Box flexDirection="column" width={width} height={height}>
			{rows.map((row) => {
				const [only] = row.segments;
				// One run of one style is drawn by the row's own Text: one Ink node instead of two.
				if (row.segments.length === 1 && only !== undefined) {
					return (
						<Text key={row.key} wrap="truncate-end" {...segmentStyle(only)}>
							{only.text}
						</Text>
					);
				}

				return (
					<Text key={row.key} wrap="truncate-end">
						{row.segments.length === 0 ? ' ' : row.segments.map(styled)}
					</Text>
				);
			})}
		</Box>
	);
}

const toneColors: Readonly<Partial<Record<Tone, string>>> = {
	red: 'red',
	green: 'green',
	yellow: 'yellow',
};

type SegmentStyle = Pick<TextProps, 'color' | 'bold' | 'dimColor' | 'inverse'>;

function segmentStyle(segment: FrameSegment): SegmentStyle {
	const colorName = segment.tone === undefined ? undefined : toneColors[segment.tone];
	return {
		...(segment.inverse ? {inverse: true} : {}),
		...(segment.tone === 'bold' ? {bold: true} : {}),
		...(segment.tone === 'dim' ? {dimColor: true} : {}),
		...(colorName === undefined ? {} : {color: colorName}),
	};
}

/** Unstyled text stays a plain string inside the row's Text: no node of its own. */
function styled(segment: FrameSegment) {
	if (segment.tone === undefined && !segment.inverse) {
		return segment.text;
	}

	return (
		<Text key={segment.key} {...segmentStyle(segment)}>
			{segment.text}
		</Text>
	);
}
