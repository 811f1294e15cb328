// What a page-bounded LookupEvents read has covered, so the next run knows where to resume.
// Results are newest first: a read that stopped at its page limit covers from its oldest event
// to its end time; one that ran out of pages covers its whole range.
import type {Coverage, LookupRequest} from './lookup-plan.js';
import {eventTimeMs, type RawCloudTrailEvent} from './raw-event.js';

export type LookupOutcome = {
	/** False when the read stopped at its page limit with more events left. */
	readonly complete: boolean;
	/** Unix ms of the oldest event returned. */
	readonly oldestEventTime?: number;
};

export function coverageAfter(
	previous: Coverage | undefined,
	request: LookupRequest,
	outcome: LookupOutcome,
): Coverage {
	const read: Coverage = {from: readFrom(request, outcome), through: request.endTime};
	if (previous === undefined || !touches(previous, read)) {
		// A gap between the two reads (a busy minute, or a long pause): keep the newer read; the
		// backfill reads back from its start.
		return read;
	}

	return {
		from: Math.min(previous.from, read.from),
		through: Math.max(previous.through, read.through),
	};
}

function readFrom(request: LookupRequest, outcome: LookupOutcome): number {
	if (outcome.complete) {
		return request.startTime;
	}

	const oldest = outcome.oldestEventTime ?? request.endTime;
	// A stop inside one instant crowded with events must still move the next read back in time.
	return Math.max(request.startTime, Math.min(oldest, request.endTime - 1));
}

function touches(a: Coverage, b: Coverage): boolean {
	return a.from <= b.through && b.from <= a.through;
}

export function oldestEventTime(raws: readonly RawCloudTrailEvent[]): number | undefined {
	let oldest: number | undefined;
	for (const raw of raws) {
		const time = eventTimeMs(raw.EventTime);
		if (time !== undefined && (oldest === undefined || time < oldest)) {
			oldest = time;
		}
	}

	return oldest;
}

export function newestEventTime(raws: readonly RawCloudTrailEvent[]): number | undefined {
	let newest: number | undefined;
	for (const raw of raws) {
		const time = eventTimeMs(raw.EventTime);
		if (time !== undefined && (newest === undefined || time > newest)) {
			newest = time;
		}
	}

	return newest;
}
