// GetLogEvents: one stream, cursor tokens `f/…` and `b/…` naming a boundary between two events.
// As in AWS, a page that reaches the end in its direction echoes the caller's token back, which is
// how clients (and the SDK paginator) know to stop.
import type {JsonObject, JsonValue, SimContext} from '../../context.js';
import {SimError} from '../../context.js';
import type {LogEvent} from '../../world/types.js';
import {findLogStream, invalidParameter, requestedLogGroup} from './groups.js';
import {checkRange, readInput} from './input.js';
import {eventBytes, isVisible, lowerBound} from './visible.js';

const maxPageBytes = 1_048_576;
const defaultLimit = 10_000;

type Direction = 'f' | 'b';

/** A boundary: just before the `ordinal`-th event (0-based) whose timestamp is `timestamp`. */
type Boundary = {readonly timestamp: number; readonly ordinal: number};

function formatToken(direction: Direction, boundary: Boundary): string {
	return `${direction}/${String(boundary.timestamp).padStart(20, '0')}${String(boundary.ordinal).padStart(10, '0')}`;
}

function parseToken(token: string): {direction: Direction; boundary: Boundary} {
	const match = /^([fb])\/(\d{20})(\d{10})$/.exec(token);
	if (!match) throw new SimError(invalidParameter, 'The specified nextToken is invalid.');
	return {
		direction: match[1] === 'f' ? 'f' : 'b',
		boundary: {timestamp: Number(match[2]), ordinal: Number(match[3])},
	};
}

function boundaryAt(events: readonly LogEvent[], index: number): Boundary {
	const event = events[index];
	if (event)
		return {timestamp: event.timestamp, ordinal: index - lowerBound(events, event.timestamp)};
	const last = events.at(-1);
	if (!last) return {timestamp: 0, ordinal: 0};
	return {timestamp: last.timestamp, ordinal: events.length - lowerBound(events, last.timestamp)};
}

function indexOf(events: readonly LogEvent[], boundary: Boundary): number {
	return Math.min(lowerBound(events, boundary.timestamp) + boundary.ordinal, events.length);
}

export function getLogEvents(input: JsonObject, context: SimContext): JsonValue {
	const read = readInput(input, invalidParameter);
	const group = requestedLogGroup(input, context.world);
	const stream = findLogStream(group, read.requiredString('logStreamName'));
	const limit = read.optionalNumber('limit') ?? defaultLimit;
	checkRange('limit', limit, 1, 10_000, invalidParameter);
	const startTime = read.optionalNumber('startTime');
	const endTime = read.optionalNumber('endTime');
	const token = read.optionalString('nextToken');
	const parsed = token === undefined ? undefined : parseToken(token);
	const events = stream.events;
	const low = startTime === undefined ? 0 : lowerBound(events, startTime);
	const high = endTime === undefined ? events.length : lowerBound(events, endTime);
	const startFromHead = read.optionalBoolean('startFromHead') ?? false;
	const direction: Direction = parsed?.direction ?? (startFromHead ? 'f' : 'b');
	const clamp = (index: number) => Math.max(low, Math.min(high, index));
	const cursor = clamp(
		parsed === undefined ? (direction === 'f' ? low : high) : indexOf(events, parsed.boundary),
	);
	const now = context.clock.now();
	const picked: number[] = [];
	let bytes = 0;
	const fits = (event: LogEvent): boolean => {
		bytes += eventBytes(event);
		return picked.length < limit && (bytes <= maxPageBytes || picked.length === 0);
	};
	if (direction === 'f') {
		// Stops at the first event not yet ingested: a stream is delivered in order, so reading on
		// past it would lose it for good once it arrives.
		for (let index = cursor; index < high; index += 1) {
			const event = events[index];
			if (!event || !isVisible(event, now) || !fits(event)) break;
			picked.push(index);
		}
	} else {
		for (let index = cursor - 1; index >= low; index -= 1) {
			const event = events[index];
			if (!event || !isVisible(event, now)) continue;
			if (!fits(event)) break;
			picked.push(index);
		}
		picked.reverse();
	}
	const first = picked[0];
	const last = picked.at(-1);
	const echo = (wanted: Direction, index: number) =>
		token !== undefined && direction === wanted && picked.length === 0
			? token
			: formatToken(wanted, boundaryAt(events, index));
	const forwardEnd = last === undefined ? cursor : last + 1;
	const backwardEnd = first === undefined ? cursor : first;
	return {
		events: picked.flatMap((index) => {
			const event = events[index];
			return event
				? [{timestamp: event.timestamp, message: event.message, ingestionTime: event.ingestionTime}]
				: [];
		}),
		nextForwardToken: echo('f', forwardEnd),
		nextBackwardToken: echo('b', backwardEnd),
	};
}
