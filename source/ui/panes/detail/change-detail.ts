// One CloudTrail event: who, from where, what it touched, then the full event as the engine
// kept it (pretty-printed JSON), as many lines as fit. Every line is attacker-influenced text
// and is sanitized again here, line by line.
import {sanitizeMultiline} from '../../../domain/sanitize.js';
import type {ChangeEvent} from '../../../domain/snapshot.js';
import {actorText} from '../changes-rows.js';
import {formatAgo} from '../format-cells.js';
import {type Line, line, seg} from '../line.js';
import {clockText, offsetNote} from '../pane-clock.js';
import type {PaneContext} from '../pane-context.js';
import {factsLine, part, takeWithMore} from './detail-lines.js';

/** Enough for any pretty-printed event; the pane never shows more than a screenful of it. */
const detailLimit = 65_536;

export function eventDetailLines(detail: string): string[] {
	const lines = sanitizeMultiline(detail, detailLimit).split('\n');
	while (lines.length > 0 && (lines.at(-1) ?? '').trim() === '') {
		lines.pop();
	}

	return lines;
}

function labelled(label: string, value: string): Line {
	return [seg(`${label} `, 'dim'), seg(value)];
}

export function changeDetailLines(event: ChangeEvent, context: PaneContext): Line[] {
	const lines: Line[] = [
		[
			seg(event.name, 'bold'),
			seg(context.glyphs.separator, 'dim'),
			seg(event.source, 'dim'),
			...(event.readOnly ? [seg(' (read-only)', 'dim')] : []),
		],
		factsLine(
			[
				part(`${clockText(event.time, context)}${offsetNote(event.time, context)}`, 0),
				part(formatAgo(event.time, context.now), 3, 'dim'),
				{line: labelled('by', `${event.actor.type} ${actorText(event)}`), priority: 1},
				...(event.sourceIp === undefined
					? []
					: [{line: labelled('from', event.sourceIp), priority: 2}]),
			],
			context,
		),
	];
	if (event.errorCode !== undefined) {
		lines.push([seg('failed: ', 'red'), seg(event.errorCode, 'red')]);
	}

	if (event.summary.length > 0) {
		lines.push(labelled('what', event.summary));
	}

	if (event.resources.length > 0) {
		lines.push(labelled('resources', event.resources.join(', ')));
	}

	if (event.userAgent !== undefined) {
		lines.push(labelled('agent', event.userAgent));
	}

	const detail = eventDetailLines(event.detail);
	if (detail.length === 0 || (detail.length === 1 && detail[0]?.trim() === '{}')) {
		lines.push(line('no further event detail kept', 'dim'));
		return lines;
	}

	lines.push(line('event:', 'dim'));
	const room = context.height - lines.length;
	return [...lines, ...takeWithMore(detail, room, (text) => line(text), 'lines', context.glyphs)];
}
