// Ages and lags as panes show them, read from the pane's followed clock (pane-time.ts): the pane
// is drawn again when one of them would read differently, not on every tick.
import {formatLagDuration} from '../../domain/duration.js';
import {formatClock, formatDurationCoarse, formatElapsedAgo} from './format-cells.js';
import {dayNow, type PaneContext, paneTime} from './pane-context.js';

type TimeContext = Pick<PaneContext, 'now' | 'timeZone'>;

/** `4m`: how long ago `time` was. */
export function ageText(time: number, context: Pick<PaneContext, 'now'>): string {
	return paneTime(context).elapsed(time, formatDurationCoarse);
}

/** `4m ago`, `just now`. */
export function agoText(time: number, context: Pick<PaneContext, 'now'>): string {
	return paneTime(context).elapsed(time, formatElapsedAgo);
}

/** `2m10s`: how far behind now data through `dataThrough` is, in the lag's steps. */
export function lagText(dataThrough: number, context: Pick<PaneContext, 'now'>): string {
	return paneTime(context).elapsed(dataThrough, formatLagDuration);
}

/** "since 13:41Z (4m)". */
export function sinceText(since: number, context: TimeContext): string {
	const clock = formatClock(since, {
		timeZone: context.timeZone,
		seconds: false,
		now: dayNow(context),
	});
	return `since ${clock} (${ageText(since, context)})`;
}
