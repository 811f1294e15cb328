// Alarm lines of the metrics pane: those in ALARM first, each with its state and since when.
import type {AlarmInfo, AlarmState} from '../../domain/snapshot.js';
import {joinParts, type Line, line, seg, type Tone} from './line.js';
import {sinceText} from './pane-ages.js';
import type {PaneContext} from './pane-context.js';

const alarmOrder: Readonly<Record<AlarmState, number>> = {ALARM: 0, INSUFFICIENT_DATA: 1, OK: 2};
const alarmTone: Readonly<Record<AlarmState, Tone>> = {
	ALARM: 'red',
	INSUFFICIENT_DATA: 'yellow',
	OK: 'green',
};

export function alarmsInOrder(alarms: readonly AlarmInfo[]): AlarmInfo[] {
	return [...alarms].sort((a, b) => alarmOrder[a.state] - alarmOrder[b.state] || b.since - a.since);
}

/** Alarms not in OK get a line each; the OK ones share one line. */
export function alarmLines(alarms: readonly AlarmInfo[], context: PaneContext): Line[] {
	const ordered = alarmsInOrder(alarms);
	const separator = line(context.glyphs.separator, 'dim');
	const lines: Line[] = ordered
		.filter((alarm) => alarm.state !== 'OK')
		.map((alarm) =>
			joinParts(
				[
					{
						line: [seg(alarm.state, alarmTone[alarm.state]), seg(' '), seg(alarm.name)],
						priority: 0,
					},
					{line: line(sinceText(alarm.since, context), 'dim'), priority: 1},
					{line: line(alarm.reason, 'dim'), priority: 2},
				],
				context.width,
				separator,
			),
		);
	const calm = ordered.filter((alarm) => alarm.state === 'OK');
	if (calm.length > 0) {
		lines.push([seg('OK ', 'green'), seg(calm.map((alarm) => alarm.name).join(', '), 'dim')]);
	}

	return lines;
}
