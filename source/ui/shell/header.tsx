// Two rows: which load balancer, where and the clocks; then the window and what is unhealthy.
import {Box, Text} from 'ink';
import type {Snapshot} from '../../domain/snapshot.js';
import type {WindowMinutes} from '../app-types.js';
import type {TimeZoneMode} from '../pane-types.js';
import {clockText, healthSegments, identityText, windowText} from './header-text.js';
import {Row} from './row.js';
import {segmentParts} from './segments.js';
import {shellGlyphs} from './shell-glyphs.js';

type Properties = {
	readonly snapshot: Snapshot;
	readonly now: number;
	readonly width: number;
	readonly height: number;
	readonly requestedWindow: WindowMinutes;
	readonly timeZone: TimeZoneMode;
	readonly ascii: boolean;
	readonly color: boolean;
	/** A recording is being played back: `now` is the recording's time. */
	readonly replay?: boolean;
};

export function Header(properties: Properties) {
	const {snapshot, width, ascii, color} = properties;
	const glyphs = shellGlyphs(ascii);
	const clock = clockText(properties.now);
	// A replay says so first on the row, where no width cuts it, with the recording's time.
	const replay = properties.replay === true;
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
						<Text>{clock}</Text>
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
