// A FilterLogEvents page's events, read from the raw answer (taken-answer.ts). lbtop re-reads the
// unsettled stretch of the flow logs every few seconds, tens of thousands of events a minute at
// demo volume, nearly all of them already known: the SDK's own reading of each event was most of
// what a read allocated. Here the parsed events are checked and taken as they are, and the SDK reads
// what is left of the page (its token). The events a caller says it holds are not parsed at all
// (filter-events-page.ts): they are given as their id, their time and what the caller holds for
// them, in the answer's output too.
import type {MetadataBearer} from '@smithy/types';
import {type FlowLogEvent, type PageEvent, scanEventsPage} from './filter-events-page.js';
import {isRecord} from './raw-answer.js';
import {type TakenAnswer, takenAnswer} from './taken-answer.js';

export type {FlowLogEvent, HeldLogEvent, PageEvent} from './filter-events-page.js';

export type EventsAnswer<
	Input extends object,
	Output extends MetadataBearer,
	Held = never,
> = TakenAnswer<Input, Output, PageEvent<Held>>;

/**
 * One per command: it keeps the events of that command's answer. An event whose id `held` has a
 * value for is given as that value, its stream and message left unread.
 */
export function eventsAnswer<Input extends object, Output extends MetadataBearer, Held = never>(
	held?: ReadonlyMap<string, Held>,
): EventsAnswer<Input, Output, Held> {
	return takenAnswer({
		member: 'events',
		name: 'lbtopFilterEvents',
		read: (bytes) => {
			const page = readEventsPage(bytes, held);
			return page === undefined ? undefined : {items: page.events, rest: page.rest};
		},
	});
}

/**
 * The page's events, as the SDK would read them: from the page's bytes when the caller holds events
 * the read can skip, and by the whole parse when it holds none (a first read, a backfill), where
 * every event must be made anyway and the native parse is faster than checking the JSON here
 * (about 5.5 against 7.7 ms for 10,000 events). Both ways give the same events and the same rest
 * of the page (a property in test/aws/filter-events-page.test.ts); undefined when neither reads it.
 */
export function readEventsPage<Held>(
	bytes: Buffer,
	held?: ReadonlyMap<string, Held>,
): {readonly events: PageEvent<Held>[]; readonly rest: string} | undefined {
	return held === undefined || held.size === 0
		? parsed(bytes)
		: (scanEventsPage(bytes, held) ?? parsed(bytes));
}

/** The whole parse: a page the byte reader leaves (one it would not read as JSON.parse does). */
export function parsed(
	bytes: Buffer,
): {readonly events: FlowLogEvent[]; readonly rest: string} | undefined {
	let page: unknown;
	try {
		page = JSON.parse(bytes.toString('utf8'));
	} catch {
		return undefined;
	}

	if (!isRecord(page)) {
		return undefined;
	}

	const {events, ...rest} = page;
	if (events !== undefined && !Array.isArray(events)) {
		return undefined;
	}

	const read: FlowLogEvent[] = [];
	for (const event of (events ?? []) as unknown[]) {
		const flowEvent = flowLogEvent(event);
		if (flowEvent !== undefined) {
			read.push(flowEvent);
		}
	}

	return {events: read, rest: JSON.stringify(rest)};
}

/** Events without an id, a stream or a time are skipped, as the SDK's reading of them was. */
function flowLogEvent(event: unknown): FlowLogEvent | undefined {
	if (!isRecord(event)) {
		return undefined;
	}

	const {eventId, logStreamName, timestamp, message} = event;
	if (
		typeof eventId !== 'string' ||
		typeof logStreamName !== 'string' ||
		typeof timestamp !== 'number'
	) {
		return undefined;
	}

	return {eventId, logStreamName, timestamp, message: typeof message === 'string' ? message : ''};
}
