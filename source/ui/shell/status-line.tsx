// Each source's freshness or failure on the left, the session's query cost on the right.
import {Box, Text} from 'ink';
import type {Snapshot} from '../../domain/snapshot.js';
import type {TimeZoneMode} from '../pane-types.js';
import {Row} from './row.js';
import {segmentParts} from './segments.js';
import {shellGlyphs} from './shell-glyphs.js';
import {costText, fittedSourceSegments} from './status-text.js';

type Properties = {
	readonly snapshot: Snapshot;
	readonly now: number;
	readonly width: number;
	readonly timeZone: TimeZoneMode;
	readonly ascii: boolean;
	readonly color: boolean;
};

export function StatusLine({snapshot, now, width, timeZone, ascii, color}: Properties) {
	const glyphs = shellGlyphs(ascii);
	const cost = costText(snapshot.cost, ascii, width);
	const costWidth = width >= cost.length + 20 ? cost.length + 1 : 0;
	const sourcesWidth = width - costWidth;
	const segments = fittedSourceSegments(
		snapshot,
		{now, timeZone, ascii},
		sourcesWidth,
		glyphs.separator,
	);
	return (
		<Box width={width} height={1}>
			<Row width={sourcesWidth} parts={segmentParts(segments, glyphs.separator, color)} />
			{costWidth > 0 && (
				<Box width={costWidth} justifyContent="flex-end">
					<Text dimColor>{cost}</Text>
				</Box>
			)}
		</Box>
	);
}
