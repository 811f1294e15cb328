// GetLogEvents: one stream, cursor tokens `f/…` and `b/…` naming a boundary between two events.
// As in AWS, a page that reaches the end in its direction echoes the caller's token back, which is
// how clients (and the SDK paginator) know to stop.
import type {JsonObject, JsonValue, SimContext} from '../../context.js';
import {SimError} from '../../context.js';
import type {LogStream} from '../../world/types.js';
import {findLogStream, invalidParameter, requestedLogGroup} from './groups.js';
import {checkRange, readInput} from './input.js';
import {streamSlices, streamSpan} from './stream-view.js';

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

type Picked = {
	readonly timestamp: number;
	readonly ordinal: number;
	readonly message: string;
	readonly ingestionTime: number;
};

/** At or after the boundary, in (timestamp, ordinal) order. */
function atOrAfter(timestamp: number, ordinal: number, boundary: Boundary): boolean {
	return (
		timestamp > boundary.timestamp ||
		(timestamp === boundary.timestamp && ordinal >= boundary.ordinal)
	);
}

type Walk = {
	readonly stream: LogStream;
	readonly low: number;
	/** Exclusive. */
	readonly high: number;
	readonly boundary: Boundary;
	readonly now: number;
	readonly fits: (message: string) => boolean;
};

// Stops at the first event not yet ingested: a stream is delivered in order, so reading on past
// it would lose it for good once it arrives.
function walkForward(walk: Walk): Picked[] {
	const picked: Picked[] = [];
	const from = Math.max(walk.low, walk.boundary.timestamp);
	for (const slice of streamSlices(walk.stream, from, walk.high - 1, walk.now, true)) {
		if (slice.undelivered) return picked;
		for (let index = slice.lowerBound(from); index < slice.upperBound(walk.high - 1); index++) {
			const timestamp = slice.timestamp(index);
			const ordinal = slice.ordinal(index);
			if (!atOrAfter(timestamp, ordinal, walk.boundary)) continue;
			if (slice.ingestionTime(index) > walk.now) return picked;
			const message = slice.message(index);
			if (!walk.fits(message)) return picked;
			picked.push({timestamp, ordinal, message, ingestionTime: slice.ingestionTime(index)});
		}
	}
	return picked;
}

function walkBackward(walk: Walk): Picked[] {
	const picked: Picked[] = [];
	const to = Math.min(walk.high - 1, walk.boundary.timestamp);
	for (const slice of streamSlices(walk.stream, walk.low, to, walk.now, false)) {
		for (let index = slice.upperBound(to) - 1; index >= slice.lowerBound(walk.low); index--) {
			const timestamp = slice.timestamp(index);
			const ordinal = slice.ordinal(index);
			if (atOrAfter(timestamp, ordinal, walk.boundary)) continue;
			if (slice.ingestionTime(index) > walk.now) continue;
			const message = slice.message(index);
			if (!walk.fits(message)) return picked.reverse();
			picked.push({timestamp, ordinal, message, ingestionTime: slice.ingestionTime(index)});
		}
	}
	return picked.reverse();
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
	const now = context.clock.now();
	const span = streamSpan(stream, now);
	// An empty stream has no span: its boundaries sit at 0, as a token must hold a time.
	const low = startTime ?? (Number.isFinite(span.first) ? span.first : 0);
	const high = endTime ?? (Number.isFinite(span.end) ? span.end : 0);
	const startFromHead = read.optionalBoolean('startFromHead') ?? false;
	const direction: Direction = parsed?.direction ?? (startFromHead ? 'f' : 'b');
	const cursor: Boundary = parsed?.boundary ?? {
		timestamp: direction === 'f' ? low : high,
		ordinal: 0,
	};
	let count = 0;
	let bytes = 0;
	const fits = (message: string): boolean => {
		bytes += message.length + 26;
		count += 1;
		return count <= limit && (bytes <= maxPageBytes || count === 1);
	};
	const walk: Walk = {stream, low, high, boundary: cursor, now, fits};
	const picked = direction === 'f' ? walkForward(walk) : walkBackward(walk);
	const first = picked[0];
	const last = picked.at(-1);
	const echo = (wanted: Direction, boundary: Boundary) =>
		token !== undefined && direction === wanted && picked.length === 0
			? token
			: formatToken(wanted, boundary);
	return {
		events: picked.map((event) => ({
			timestamp: event.timestamp,
			message: event.message,
			ingestionTime: event.ingestionTime,
		})),
		nextForwardToken: echo(
			'f',
			last === undefined ? cursor : {timestamp: last.timestamp, ordinal: last.ordinal + 1},
		),
		nextBackwardToken: echo(
			'b',
			first === undefined ? cursor : {timestamp: first.timestamp, ordinal: first.ordinal},
		),
	};
}
