// FilterLogEvents: the group's streams interleaved in (timestamp, stream, position) order, in either
// direction; the token names the last event returned, so appended events never shift a page.
import type {JsonObject, JsonValue, SimContext} from '../../context.js';
import {SimError} from '../../context.js';
import type {LogGroup, LogStream} from '../../world/types.js';
import {compileFilterPattern, type MessageMatcher} from './filter-pattern.js';
import {invalidParameter, requestedLogGroup, streamNotFound} from './groups.js';
import {checkRange, readInput} from './input.js';
import {compareStrings, decodeToken, encodeToken} from './paging.js';
import {eventBytes, isVisible, lowerBound, upperBound} from './visible.js';

const maxPageBytes = 1_048_576;

type Key = {readonly timestamp: number; readonly stream: string; readonly ordinal: number};
type Cursor = Key & {readonly forward: boolean};
type Hit = Key & {readonly message: string; readonly ingestionTime: number};

function isCursor(value: unknown): value is Cursor {
	if (typeof value !== 'object' || value === null) return false;
	const record: Record<string, unknown> = {...value};
	return (
		typeof record.timestamp === 'number' &&
		typeof record.stream === 'string' &&
		typeof record.ordinal === 'number' &&
		typeof record.forward === 'boolean'
	);
}

function compareKeys(left: Key, right: Key): number {
	return (
		left.timestamp - right.timestamp ||
		compareStrings(left.stream, right.stream) ||
		left.ordinal - right.ordinal
	);
}

function selectStreams(group: LogGroup, names?: readonly string[], prefix?: string): LogStream[] {
	if (names !== undefined && prefix !== undefined) {
		throw new SimError(
			invalidParameter,
			'Cannot specify both logStreamNames and logStreamNamePrefix in the same request.',
		);
	}
	if (names === undefined) {
		return group.streams.filter((s) => prefix === undefined || s.logStreamName.startsWith(prefix));
	}
	return names.map((name) => {
		const stream = group.streams.find((candidate) => candidate.logStreamName === name);
		if (!stream) throw streamNotFound();
		return stream;
	});
}

type Scan = {
	readonly start: number;
	readonly end: number;
	readonly cursor?: Cursor;
	readonly forward: boolean;
	readonly matches: MessageMatcher;
	readonly now: number;
	readonly wanted: number;
};

/** Up to `wanted` matching events of one stream beyond the cursor, in scan order. */
function scanStream(stream: LogStream, scan: Scan): Hit[] {
	const events = stream.events;
	let low = lowerBound(events, scan.start);
	let high = upperBound(events, scan.end);
	const cursor = scan.cursor;
	if (cursor) {
		const order = compareStrings(stream.logStreamName, cursor.stream);
		const atCursor = lowerBound(events, cursor.timestamp);
		if (scan.forward) {
			const from =
				order > 0
					? atCursor
					: order < 0
						? upperBound(events, cursor.timestamp)
						: atCursor + cursor.ordinal + 1;
			low = Math.max(low, from);
		} else {
			const to =
				order < 0
					? upperBound(events, cursor.timestamp)
					: order > 0
						? atCursor
						: atCursor + cursor.ordinal;
			high = Math.min(high, to);
		}
	}
	const hits: Hit[] = [];
	const step = scan.forward ? 1 : -1;
	for (let index = scan.forward ? low : high - 1; index >= low && index < high; index += step) {
		const event = events[index];
		if (!event || !isVisible(event, scan.now) || !scan.matches(event.message)) continue;
		const ordinal = index - lowerBound(events, event.timestamp);
		hits.push({...event, stream: stream.logStreamName, ordinal});
		if (hits.length >= scan.wanted) break;
	}
	return hits;
}

function eventId(hit: Hit): string {
	let hash = 0x811c9dc5;
	for (const character of hit.stream)
		hash = Math.imul(hash ^ (character.codePointAt(0) ?? 0), 16777619) >>> 0;
	return `${String(hit.timestamp).padStart(20, '0')}${String(hash).padStart(10, '0')}${String(hit.ordinal).padStart(10, '0')}`;
}

export function filterLogEvents(input: JsonObject, context: SimContext): JsonValue {
	const read = readInput(input, invalidParameter);
	const group = requestedLogGroup(input, context.world);
	const streams = selectStreams(
		group,
		read.optionalStringList('logStreamNames'),
		read.optionalString('logStreamNamePrefix'),
	);
	const limit = read.optionalNumber('limit') ?? 10_000;
	checkRange('limit', limit, 1, 10_000, invalidParameter);
	const token = read.optionalString('nextToken');
	const cursor = token === undefined ? undefined : decodeToken(token);
	if (cursor !== undefined && !isCursor(cursor)) {
		throw new SimError(invalidParameter, 'The specified nextToken is invalid.');
	}
	const forward = cursor?.forward ?? read.optionalBoolean('startFromHead') ?? true;
	const scan: Scan = {
		start: read.optionalNumber('startTime') ?? Number.NEGATIVE_INFINITY,
		end: read.optionalNumber('endTime') ?? Number.POSITIVE_INFINITY,
		...(cursor === undefined ? {} : {cursor}),
		forward,
		matches: compileFilterPattern(read.optionalString('filterPattern')),
		now: context.clock.now(),
		wanted: limit + 1,
	};
	const direction = forward ? 1 : -1;
	const hits = streams
		.flatMap((stream) => scanStream(stream, scan))
		.sort((left, right) => direction * compareKeys(left, right));
	const page: Hit[] = [];
	let bytes = 0;
	for (const hit of hits) {
		bytes += eventBytes(hit);
		if (page.length >= limit || (bytes > maxPageBytes && page.length > 0)) break;
		page.push(hit);
	}
	const last = page.at(-1);
	const more = last !== undefined && hits.length > page.length;
	return {
		events: page.map((hit) => ({
			logStreamName: hit.stream,
			timestamp: hit.timestamp,
			message: hit.message,
			ingestionTime: hit.ingestionTime,
			eventId: eventId(hit),
		})),
		searchedLogStreams: [],
		...(more
			? {
					nextToken: encodeToken({
						timestamp: last.timestamp,
						stream: last.stream,
						ordinal: last.ordinal,
						forward,
					}),
				}
			: {}),
	};
}
