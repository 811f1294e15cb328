// A finding's place in time, as short parts for its row and its detail: resolved when, since when
// ("since before 13:40Z" when the evidence reaches back to where lbtop's data begins) and last seen.
import type {Finding} from '../../domain/snapshot.js';
import {formatClock} from './format-cells.js';
import {line, type Part} from './line.js';
import {sinceText} from './pane-ages.js';
import {dayNow, type PaneContext} from './pane-context.js';

/** Parts ranked from `priority` on: resolved first, then since, then last seen. */
export function findingTimeParts(
	finding: Finding,
	context: Pick<PaneContext, 'now' | 'timeZone'>,
	priority: number,
	/** Appended to the start, e.g. the local zone's offset in a detail. */
	sinceSuffix = '',
): Part[] {
	const {timeZone} = context;
	const now = dayNow(context);
	const clock = (time: number) => formatClock(time, {timeZone, seconds: false, now});
	const parts: Part[] = [];
	if (finding.resolvedAt !== undefined) {
		parts.push({line: line(`resolved ${clock(finding.resolvedAt)}`, 'green'), priority});
	}

	if (finding.since !== undefined) {
		const since =
			finding.sinceBefore === true
				? `since before ${clock(finding.since)}`
				: sinceText(finding.since, context);
		parts.push({line: line(`${since}${sinceSuffix}`, 'dim'), priority: priority + 1});
	}

	if (finding.lastSeen !== undefined && finding.resolvedAt === undefined) {
		parts.push({line: line(`last seen ${clock(finding.lastSeen)}`, 'dim'), priority: priority + 2});
	}

	return parts;
}
