// Each source's freshness or failure on the left, the session's query cost on the right.
import {Box, Text} from 'ink';
import type {Snapshot} from '../../domain/snapshot.js';
import {useTickedRow} from '../hooks/use-ticked-row.js';
import type {TimeZoneMode} from '../pane-types.js';
import type {RowChange} from '../tick-rows.js';
import {fitParts, partRuns, Row} from './row.js';
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

/** The row's parts before they are cut to `sourcesWidth`, and the cost beside them. */
function statusLayout({snapshot, now, width, timeZone, ascii, color}: Properties) {
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
	return {cost, costWidth, sourcesWidth, parts: segmentParts(segments, glyphs.separator, color)};
}

export function StatusLine(properties: Properties) {
	const {width} = properties;
	const {cost, costWidth, sourcesWidth, parts} = statusLayout(properties);
	return (
		<Box width={width} height={1}>
			<Row width={sourcesWidth} parts={parts} />
			{costWidth > 0 && (
				<Box width={costWidth} justifyContent="flex-end">
					<Text dimColor>{cost}</Text>
				</Box>
			)}
		</Box>
	);
}

type TickedProperties = Omit<Properties, 'now'> & {
	/** The frame row the line is drawn on: the line is that row's only text. */
	readonly row: number;
};

/** The sources' ages and the cost move only with the clock: the cost is the same at any tick. */
const statusChange =
	(properties: TickedProperties): RowChange =>
	(from, to) => {
		const before = statusLayout({...properties, now: from});
		const after = statusLayout({...properties, now: to});
		return partRuns(
			fitParts(before.parts, before.sourcesWidth, properties.ascii),
			fitParts(after.parts, after.sourcesWidth, properties.ascii),
			0,
		);
	};

/** The status line, following the shell's clock. */
export function TickedStatusLine(properties: TickedProperties) {
	const now = useTickedRow(properties.row, statusChange(properties));
	return <StatusLine {...properties} now={now} />;
}
