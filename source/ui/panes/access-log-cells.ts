// Cells the Requests and TLS panes share: durations read at a glance, counts that turn red when
// they are failures, and a request written as method and path with its query string hidden.
import type {RequestRecord, TopCounts} from '../../domain/snapshot.js';
import {formatNumber} from '../../domain/units.js';
import type {Glyphs} from './glyphs.js';
import {type Line, line, type Tone} from './line.js';

/** Seconds as `45ms`, `1.25s`, `31.0s`; `-` when unknown. */
export function secondsCell(seconds: number | undefined): string {
	if (seconds === undefined || !Number.isFinite(seconds)) {
		return '-';
	}

	if (seconds < 1) {
		return `${Math.round(seconds * 1000)}ms`;
	}

	return seconds < 10 ? `${seconds.toFixed(2)}s` : `${seconds.toFixed(1)}s`;
}

/** Milliseconds, as a handshake time: `12ms`, `1.25s`. */
export function millisecondsCell(milliseconds: number | undefined): string {
	return milliseconds === undefined ? '-' : secondsCell(milliseconds / 1000);
}

/** A count, dim at zero and in `tone` otherwise, so failures stand out. */
export function countCell(count: number, tone: Tone = 'red'): Line {
	return count === 0 ? line('0', 'dim') : line(formatNumber(count), tone);
}

/** `GET /cart?…`: a query string is never shown unless the user asked for them (they carry tokens). */
export function requestText(record: RequestRecord, glyphs: Glyphs): string {
	const query = record.hasQuery ? `?${record.query ?? glyphs.ellipsis}` : '';
	return `${record.method ?? '-'} ${record.path ?? '-'}${query}`;
}

/** `503 (target -)`: what the client got, and what the target answered. */
export function statusText(record: RequestRecord): string {
	return `${record.elbStatusCode ?? '-'} (target ${record.targetStatusCode ?? '-'})`;
}

/** `handshake_failure (40) 12, unknown_ca (48) 3, +4 other`. */
export function topCountsText(counts: TopCounts, limit = counts.top.length): string {
	const shown = counts.top.slice(0, limit);
	const rest = counts.other + counts.top.slice(limit).reduce((sum, entry) => sum + entry.count, 0);
	const parts = shown.map((entry) => `${entry.name} ${formatNumber(entry.count)}`);
	if (rest > 0) {
		parts.push(`${formatNumber(rest)} other`);
	}

	return parts.length === 0 ? '-' : parts.join(', ');
}
