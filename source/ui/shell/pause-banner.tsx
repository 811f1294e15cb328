// Says the screen is frozen and what arrived behind it; once resumed, for a few seconds, what the
// screen now shows that it did not. A replay has nothing arriving: pausing stops its playback.
import type {Snapshot} from '../../domain/snapshot.js';
import {formatClock} from '../format.js';
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
	/** A replay: pausing stopped its playback rather than holding anything back. */
	readonly playback?: boolean;
};

function bannerStyle(color: boolean) {
	return color
		? ({color: 'yellow', inverse: true, bold: true} as const)
		: ({inverse: true} as const);
}

export function PauseBanner({frozen, live, width, timeZone, ascii, color, playback}: Properties) {
	const separator = shellGlyphs(ascii).separator;
	const text =
		playback === true
			? `REPLAY PAUSED at ${formatClock(frozen.generatedAt, timeZone)}${separator}p plays on`
			: pauseText(frozen, live, timeZone, separator, width - 2);
	return (
		<Row width={width} style={bannerStyle(color)}>
			{` ${text} `}
		</Row>
	);
}

type ResumedProperties = {
	readonly text: string;
	readonly width: number;
	readonly color: boolean;
};

export function ResumedBanner({text, width, color}: ResumedProperties) {
	return (
		<Row width={width} style={color ? {color: 'green', inverse: true, bold: true} : {}}>
			{` ${text} `}
		</Row>
	);
}
