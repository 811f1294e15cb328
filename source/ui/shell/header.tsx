// Two rows: which load balancer, where and the clocks; then the window and what is unhealthy.
// A tick redraws the clock's text alone: the rows around it change with the snapshot, and the
// header lays out again only when the clock's width changes (or, in a replay, with every tick, as
// the recording's time leads the first row).
import {Box, Text} from 'ink';
import {useSyncExternalStore} from 'react';
import type {Snapshot} from '../../domain/snapshot.js';
import type {WindowMinutes} from '../app-types.js';
import {useTicker} from '../hooks/use-clock.js';
import {useTickedRow} from '../hooks/use-ticked-row.js';
import type {TimeZoneMode} from '../pane-types.js';
import type {RowChange} from '../tick-rows.js';
import {clockText, healthSegments, identityText, windowText} from './header-text.js';
import {Row} from './row.js';
import {segmentParts} from './segments.js';
import {shellGlyphs} from './shell-glyphs.js';

type Properties = {
	readonly snapshot: Snapshot;
	readonly width: number;
	readonly height: number;
	readonly requestedWindow: WindowMinutes;
	readonly timeZone: TimeZoneMode;
	readonly ascii: boolean;
	readonly color: boolean;
	/** A recording is being played back: `now` is the recording's time. */
	readonly replay?: boolean;
};

/** The clock ends the header's first row, which only the header draws: a tick turns its digits. */
const clockChange =
	(width: number): RowChange =>
	(from, to) => {
		const before = clockText(from);
		const after = clockText(to);
		return before.length === after.length
			? [{column: width - before.length, before, after}]
			: undefined;
	};

function TickClock({width}: {readonly width: number}) {
	return <Text>{clockText(useTickedRow(0, clockChange(width)))}</Text>;
}

/** The tick's clock text, read again whenever the header renders for what it lays out. */
function useClockLayout(replay: boolean): string {
	const ticker = useTicker();
	// In a replay the tick itself; otherwise the clock's width, which holds from tick to tick.
	const layoutKey = () => (replay ? ticker.now() : clockText(ticker.now()).length);
	useSyncExternalStore(ticker.subscribe, layoutKey, layoutKey);
	return clockText(ticker.now());
}

export function Header(properties: Properties) {
	const {snapshot, width, ascii, color} = properties;
	const glyphs = shellGlyphs(ascii);
	// A replay says so first on the row, where no width cuts it, with the recording's time.
	const replay = properties.replay === true;
	const clock = useClockLayout(replay);
	const clockWidth = !replay && width > clock.length + 10 ? clock.length + 1 : 0;
	const marker = replay
		? [{text: ` REPLAY ${clock} `, style: {inverse: true, bold: true}}, {text: ' '}]
		: [];
	const window = windowText(
		snapshot,
		properties.requestedWindow,
		properties.timeZone,
		glyphs.arrow,
	);
	const health = healthSegments(snapshot);
	return (
		<Box flexDirection="column" width={width} height={properties.height}>
			<Box width={width} height={1}>
				<Row
					width={width - clockWidth}
					style={{bold: true}}
					parts={[...marker, {text: identityText(snapshot, glyphs.separator, ascii)}]}
				/>
				{clockWidth > 0 && (
					<Box width={clockWidth} justifyContent="flex-end">
						<TickClock width={width} />
					</Box>
				)}
			</Box>
			{properties.height > 1 && (
				<Row
					width={width}
					parts={[
						{text: window},
						...(health.length > 0 ? [{text: glyphs.separator, style: {dimColor: true}}] : []),
						...segmentParts(health, glyphs.separator, color),
					]}
				/>
			)}
		</Box>
	);
}
