// Says the screen is frozen and how much newer data waits behind it.
import type {Snapshot} from '../../domain/snapshot.js';
import type {TimeZoneMode} from '../pane-types.js';
import {pauseText} from './pause-summary.js';
import {Row} from './row.js';
import {shellGlyphs} from './shell-glyphs.js';

type Properties = {
	readonly frozen: Snapshot;
	readonly live: Snapshot;
	readonly width: number;
	readonly timeZone: TimeZoneMode;
	readonly ascii: boolean;
	readonly color: boolean;
};

export function PauseBanner({frozen, live, width, timeZone, ascii, color}: Properties) {
	const text = pauseText(frozen, live, timeZone, shellGlyphs(ascii).separator);
	return (
		<Row
			width={width}
			style={color ? {color: 'yellow', inverse: true, bold: true} : {inverse: true}}
		>
			{` ${text} `}
		</Row>
	);
}
