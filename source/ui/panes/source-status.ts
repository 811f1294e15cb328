// What a pane says about its source before (or instead of, or above) the data: one failing
// source never blanks the data it delivered earlier; that data stays, marked stale.
import type {SourceState} from '../../domain/snapshot.js';
import type {TimeZoneMode} from '../pane-types.js';
import {formatClock, formatDurationCoarse} from './format-cells.js';
import type {Glyphs} from './glyphs.js';
import {type Line, line, seg} from './line.js';
import {dayNow} from './pane-context.js';

export type SourceBanner = {
	/** Lines to draw above the data (or alone, when there is no data). */
	readonly lines: readonly Line[];
	readonly showData: boolean;
	/** The data shown is from an earlier fetch than the one that failed. */
	readonly stale: boolean;
};

export type BannerContext = {
	readonly now: number;
	readonly timeZone: TimeZoneMode;
	readonly glyphs: Glyphs;
};

export function sourceBanner(
	state: SourceState,
	hasData: boolean,
	context: BannerContext,
): SourceBanner {
	switch (state.status) {
		case 'ok': {
			return {lines: [], showData: true, stale: false};
		}

		case 'pending': {
			return hasData
				? {lines: [], showData: true, stale: false}
				: {lines: [line(context.glyphs.waiting, 'dim')], showData: false, stale: false};
		}

		case 'unavailable': {
			const note = state.note ?? 'This source is not available';
			return {lines: [line(note)], showData: hasData, stale: false};
		}

		case 'stale':
		case 'error': {
			return {lines: failureLines(state, hasData, context), showData: hasData, stale: hasData};
		}
	}
}

function failureLines(state: SourceState, hasData: boolean, context: BannerContext): Line[] {
	const tone = state.status === 'error' && !hasData ? 'red' : 'yellow';
	const message = state.error?.message ?? 'the last refresh failed';
	const label = hasData ? 'stale: ' : 'error: ';
	const lines: Line[] = [[seg(label, tone), seg(message, tone)]];
	const follow: string[] = [];
	if (state.error?.hint !== undefined && state.error.hint.length > 0) {
		follow.push(state.error.hint);
	}

	if (state.retryAt !== undefined) {
		follow.push(`retry in ${formatDurationCoarse(state.retryAt - context.now)}`);
	}

	if (hasData && state.fetchedAt !== undefined) {
		const clock = formatClock(state.fetchedAt, {
			timeZone: context.timeZone,
			seconds: true,
			now: dayNow(context),
		});
		follow.push(`showing data fetched ${clock}`);
	}

	if (follow.length > 0) {
		lines.push(line(follow.join(context.glyphs.separator), 'dim'));
	}

	return lines;
}
