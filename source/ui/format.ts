// Short text for the shell's fixed-width lines. The number and time rules live in domain so the
// TUI and the text report print the same figures; this adds what only a screen needs.
import {formatLagDuration} from '../domain/duration.js';
import {localClock, utcClock} from '../domain/time-format.js';
import type {TimeZoneMode} from './pane-types.js';

export {formatDuration} from '../domain/duration.js';
export {localClock, utcClock} from '../domain/time-format.js';
export {formatGb, formatUsd} from '../domain/units.js';

/** `13:42:10Z` in UTC mode, `15:42:10` in local mode. */
export function formatClock(ms: number, timeZone: TimeZoneMode): string {
	if (!Number.isFinite(ms)) {
		return '--:--:--';
	}
	return timeZone === 'utc' ? utcClock(ms) : localClock(ms);
}

/** How far behind `now` the data is; clock skew can put data "in the future", which reads as 0s. */
export function formatLag(dataThrough: number, now: number): string {
	if (!Number.isFinite(dataThrough) || !Number.isFinite(now)) {
		return '?';
	}
	return formatLagDuration(now - dataThrough);
}

/** `5m`, `15m`, `1h`, `90m` for a window length in milliseconds. */
export function formatWindowLength(ms: number): string {
	const minutes = Math.round(ms / 60_000);
	if (minutes <= 0) {
		return '0m';
	}
	return minutes % 60 === 0 ? `${minutes / 60}h` : `${minutes}m`;
}

/** Cuts `text` to `width` characters, marking the cut; shell strings are sanitized single-width text. */
export function truncateText(text: string, width: number, ascii: boolean): string {
	if (width <= 0) {
		return '';
	}
	const characters = [...text];
	if (characters.length <= width) {
		return text;
	}
	const mark = ascii ? '~' : '…';
	return width === 1
		? mark
		: `${characters
				.slice(0, width - 1)
				.join('')
				.trimEnd()}${mark}`;
}

/** Exactly `width` characters: truncated, then padded on the right. */
export function fitText(text: string, width: number, ascii: boolean): string {
	const cut = truncateText(text, width, ascii);
	return cut + ' '.repeat(Math.max(0, width - [...cut].length));
}

export function textLength(text: string): number {
	return [...text].length;
}
