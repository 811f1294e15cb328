// PutLogEvents: the sim's own loading path (lbtop itself never writes). Follows AWS's batch rules:
// chronological, at most 24 h wide, too old / too new events rejected while the rest are stored.
import type {JsonObject, JsonValue, SimContext} from '../../context.js';
import {SimError} from '../../context.js';
import type {LogEvent} from '../../world/types.js';
import {findLogGroup, findLogStream, invalidParameter} from './groups.js';
import {readInput} from './input.js';
import {eventBytes, upperBound} from './visible.js';

const hourMs = 3_600_000;
const dayMs = 24 * hourMs;
const maxBatchEvents = 10_000;
const maxBatchBytes = 1_048_576;

type InputEvent = {readonly timestamp: number; readonly message: string};

function readEvents(input: JsonObject): readonly InputEvent[] {
	const raw = readInput(input, invalidParameter).optionalObjectList('logEvents');
	if (raw === undefined || raw.length === 0) {
		throw new SimError(
			invalidParameter,
			"1 validation error detected: Value at 'logEvents' failed to satisfy constraint: Member must have length greater than or equal to 1",
		);
	}
	return raw.map((item, index) => {
		const read = readInput(item, invalidParameter);
		try {
			return {timestamp: read.requiredNumber('timestamp'), message: read.requiredString('message')};
		} catch (error) {
			if (error instanceof SimError) {
				throw new SimError(invalidParameter, `logEvents.${index + 1}: ${error.message}`);
			}
			throw error;
		}
	});
}

function checkBatch(events: readonly InputEvent[]): void {
	if (events.length > maxBatchEvents) {
		throw new SimError(
			invalidParameter,
			'Log events in a single PutLogEvents request exceed 10000.',
		);
	}
	const bytes = events.reduce(
		(total, event) => total + eventBytes({...event, ingestionTime: 0}),
		0,
	);
	if (bytes > maxBatchBytes) {
		throw new SimError(invalidParameter, 'Upload too large: the batch exceeds 1048576 bytes.');
	}
	for (let index = 1; index < events.length; index += 1) {
		const previous = events[index - 1];
		const current = events[index];
		if (previous && current && current.timestamp < previous.timestamp) {
			throw new SimError(
				invalidParameter,
				'Log events in a single PutLogEvents request must be in chronological order.',
			);
		}
	}
}

export function putLogEvents(input: JsonObject, context: SimContext): JsonValue {
	const read = readInput(input, invalidParameter);
	const group = findLogGroup(context.world, read.requiredString('logGroupName'));
	const stream = findLogStream(group, read.requiredString('logStreamName'));
	const events = readEvents(input);
	checkBatch(events);
	const now = context.clock.now();
	const oldest = Math.max(
		now - 14 * dayMs,
		group.retentionInDays === undefined ? 0 : now - group.retentionInDays * dayMs,
	);
	let tooOldEnd = -1;
	let expiredEnd = -1;
	let tooNewStart = -1;
	const accepted: LogEvent[] = [];
	events.forEach((event, index) => {
		if (event.timestamp < now - 14 * dayMs) tooOldEnd = index;
		else if (event.timestamp < oldest) expiredEnd = index;
		else if (event.timestamp > now + 2 * hourMs) {
			if (tooNewStart < 0) tooNewStart = index;
		} else accepted.push({timestamp: event.timestamp, ingestionTime: now, message: event.message});
	});
	const first = accepted[0];
	const last = accepted.at(-1);
	if (first && last && last.timestamp - first.timestamp > dayMs) {
		throw new SimError(
			invalidParameter,
			'The batch of log events in a single PutLogEvents request cannot span more than 24 hours.',
		);
	}
	insertSorted(stream.events, accepted);
	const rejected = {
		...(tooNewStart < 0 ? {} : {tooNewLogEventStartIndex: tooNewStart}),
		...(tooOldEnd < 0 ? {} : {tooOldLogEventEndIndex: tooOldEnd}),
		...(expiredEnd < 0 ? {} : {expiredLogEventEndIndex: expiredEnd}),
	};
	return {
		nextSequenceToken: String(now).padStart(56, '0'),
		...(Object.keys(rejected).length === 0 ? {} : {rejectedLogEventsInfo: rejected}),
	};
}

/** Keeps the stream sorted by timestamp; an event equal in time goes after those already there. */
function insertSorted(target: LogEvent[], batch: readonly LogEvent[]): void {
	const first = batch[0];
	const tail = target.at(-1);
	if (first === undefined) return;
	if (tail === undefined || tail.timestamp <= first.timestamp) {
		target.push(...batch);
		return;
	}
	for (const event of batch) target.splice(upperBound(target, event.timestamp), 0, event);
}
