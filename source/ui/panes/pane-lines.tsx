import {Box, Text, type TextProps} from 'ink';
import {memo, useMemo} from 'react';
import {type FrameRow, type FrameSegment, frameRows} from './frame.js';
import {glyphsFor} from './glyphs.js';
import {type Line, sameLines, type Tone} from './line.js';

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
 *
 * A pane recomputes its lines whenever the clock or the snapshot moves, but its text rarely
 * changes: lines equal to the ones drawn are not drawn again, and of changed lines only the rows
 * whose text or style changed are, so Ink re-lays out and redraws only those.
 */
export const PaneLines = memo(function PaneLines({lines, width, height, color, ascii}: Properties) {
	const rows = useMemo(
		() => frameRows(lines, width, height, glyphsFor(ascii).ellipsis, color, ascii),
		[lines, width, height, ascii, color],
	);
	if (width < 1 || height < 1) {
		return null;
	}

	return (
		<Box flexDirection="column" width={width} height={height}>
			{rows.map(paneRow)}
		</Box>
	);
}, sameFrame);

function sameFrame(previous: Properties, next: Properties): boolean {
	return (
		previous.width === next.width &&
		previous.height === next.height &&
		previous.color === next.color &&
		previous.ascii === next.ascii &&
		sameLines(previous.lines, next.lines)
	);
}

type RowProperties = {readonly segments: readonly FrameSegment[]};

// Loops and functions made once, not closures made per frame: a closure made per call loses its
// optimized code when it dies, and each full collection would have it compiled again.
function sameSegments(previous: RowProperties, next: RowProperties): boolean {
	if (previous.segments.length !== next.segments.length) {
		return false;
	}

	for (let index = 0; index < previous.segments.length; index += 1) {
		const segment = previous.segments[index];
		const other = next.segments[index];
		if (
			segment === undefined ||
			other === undefined ||
			segment.text !== other.text ||
			segment.tone !== other.tone ||
			segment.inverse !== other.inverse
		) {
			return false;
		}
	}

	return true;
}

const PaneRow = memo(function PaneRow({segments}: RowProperties) {
	const [only] = segments;
	// One run of one style is drawn by the row's own Text: one Ink node instead of two.
	if (segments.length === 1 && only !== undefined) {
		return (
			<Text wrap="truncate-end" {...segmentStyle(only)}>
				{only.text}
			</Text>
		);
	}

	return <Text wrap="truncate-end">{segments.length === 0 ? ' ' : segments.map(styled)}</Text>;
}, sameSegments);

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

function paneRow(row: FrameRow) {
	return <PaneRow key={row.key} segments={row.segments} />;
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
