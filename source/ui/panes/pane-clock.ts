// Times in a pane: UTC with a Z, or local time without one. Local times carry the UTC offset once,
// in the pane's header line, so a screenshot pasted into the incident channel stays unambiguous.
import {localOffset} from '../../domain/time-format.js';
import {formatClock} from './format-cells.js';
import {dayNow, type PaneContext} from './pane-context.js';

type ClockContext = Pick<PaneContext, 'timeZone' | 'now'>;

/** `13:41:07Z`; on another day than now `06-02 13:41:07Z`. */
export function clockText(time: number, context: ClockContext): string {
	if (!Number.isFinite(time)) {
		return '-';
	}

	const now = dayNow(context);
	const sameDay = formatClock(time, {timeZone: context.timeZone, seconds: true, now});
	const withSeconds = formatClock(time, {timeZone: context.timeZone, seconds: true});
	return sameDay.includes(' ')
		? `${sameDay.slice(0, sameDay.indexOf(' '))} ${withSeconds}`
		: sameDay;
}

/** ` UTC+02:00` in local mode, nothing in UTC mode (the Z already says it). */
export function offsetNote(time: number, context: Pick<ClockContext, 'timeZone'>): string {
	return context.timeZone === 'local' && Number.isFinite(time) ? ` ${localOffset(time)}` : '';
}

/** The header's clock: in local mode followed by the offset (`15:41:07 UTC+02:00`). */
export function headerClock(time: number, context: ClockContext): string {
	const clock = formatClock(time, {
		timeZone: context.timeZone,
		seconds: true,
		now: dayNow(context),
	});
	return `${clock}${offsetNote(time, context)}`;
}

/** `13:39:00Z-13:40:00Z`, in UTC whatever the mode: flow records are compared in UTC. */
export function utcSpan(startMs: number, endMs: number, now: number): string {
	const utc = {timeZone: 'utc', now} as const;
	return `${clockText(startMs, utc)}-${clockText(endMs, utc)}`;
}

/** `local 15:39:00-15:40:00` in local mode, nothing in UTC mode. */
export function localSpan(startMs: number, endMs: number, context: ClockContext): string {
	if (context.timeZone !== 'local') {
		return '';
	}

	const local = {timeZone: 'local', now: dayNow(context)} as const;
	return `local ${clockText(startMs, local)}-${clockText(endMs, local)}`;
}
