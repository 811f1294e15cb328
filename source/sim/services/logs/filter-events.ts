// FilterLogEvents: the group's streams interleaved in (timestamp, stream, position) order, in either
// direction; the token names the last event returned, so appended events never shift a page.
import type {JsonObject, JsonValue, SimContext} from '../../context.js';
import {SimError} from '../../context.js';
import type {LogGroup, LogStream} from '../../world/types.js';
import {compileFilterPattern, type MessageMatcher} from './filter-pattern.js';
import {invalidParameter, requestedLogGroup, streamNotFound} from './groups.js';
import {checkRange, readInput} from './input.js';
import {compareStrings, decodeToken, encodeToken} from './paging.js';
import {type StreamSlice, streamSlices, streamSpan} from './stream-view.js';
import {eventBytes} from './visible.js';

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

/**
 * Events one call looks at before it answers, matching or not: past it the page comes back short
 * (or empty) with a token, as AWS's pages may, so one call never builds hours of a busy world.
 */
const scanBudget = 400_000;

type StreamCursor = {
	readonly slice: StreamSlice;
	readonly stream: string;
	/** The stream's place in compareStrings order among the window's streams. */
	rank: number;
	index: number;
	readonly low: number;
	readonly high: number;
};

/** The cursor whose current event comes next in scan order (timestamp, then stream, then position). */
function nextCursor(cursors: readonly StreamCursor[], forward: boolean): StreamCursor | undefined {
	let next: StreamCursor | undefined;
	for (const cursor of cursors) {
		if (cursor.index < cursor.low || cursor.index >= cursor.high) continue;
		if (next === undefined) {
			next = cursor;
			continue;
		}
		const order =
			cursor.slice.timestamp(cursor.index) - next.slice.timestamp(next.index) ||
			cursor.rank - next.rank;
		if (forward ? order < 0 : order > 0) next = cursor;
	}
	return next;
}

/**
 * Adds the window's matching events beyond the cursor, the streams merged in scan order, until
 * `wanted` hits are in hand (later events cannot make the page); returns how many events it
 * looked at. Only events that make a hit become objects.
 */
function scanWindow(
	streams: readonly LogStream[],
	scan: Scan,
	window: {readonly from: number; readonly to: number},
	hits: Hit[],
): number {
	const cursors: StreamCursor[] = [];
	for (const stream of streams) {
		for (const slice of streamSlices(stream, window.from, window.to, scan.now, scan.forward)) {
			let low = slice.lowerBound(window.from);
			let high = slice.upperBound(window.to);
			if (scan.cursor) {
				if (scan.forward) low = Math.max(low, slice.lowerBound(scan.cursor.timestamp));
				else high = Math.min(high, slice.upperBound(scan.cursor.timestamp));
			}
			if (low < high) {
				cursors.push({
					slice,
					stream: stream.logStreamName,
					rank: 0,
					index: scan.forward ? low : high - 1,
					low,
					high,
				});
			}
		}
	}
	// Streams are told apart on every tie of timestamps (a busy second is thousands of ties): by
	// their rank, not their names compared again.
	const names = [...new Set(cursors.map((cursor) => cursor.stream))].sort(compareStrings);
	for (const cursor of cursors) cursor.rank = names.indexOf(cursor.stream);
	const direction = scan.forward ? 1 : -1;
	let scanned = 0;
	for (
		let next = nextCursor(cursors, scan.forward);
		next !== undefined;
		next = nextCursor(cursors, scan.forward)
	) {
		const {slice, index} = next;
		next.index += direction;
		scanned++;
		if (slice.ingestionTime(index) > scan.now) continue;
		const key = {
			timestamp: slice.timestamp(index),
			stream: next.stream,
			ordinal: slice.ordinal(index),
		};
		if (scan.cursor && direction * compareKeys(key, scan.cursor) <= 0) continue;
		const message = slice.message(index);
		if (!scan.matches(message)) continue;
		hits.push({...key, message, ingestionTime: slice.ingestionTime(index)});
		if (hits.length >= scan.wanted) break;
	}
	return scanned;
}

/** The time windows a scan walks: one for written streams, one per chunk for generated ones. */
function scanWindows(streams: readonly LogStream[], scan: Scan): {from: number; to: number}[] {
	let first = Number.POSITIVE_INFINITY;
	let end = Number.NEGATIVE_INFINITY;
	let chunkMs = Number.POSITIVE_INFINITY;
	for (const stream of streams) {
		const span = streamSpan(stream, scan.now);
		first = Math.min(first, span.first);
		end = Math.max(end, span.end);
		chunkMs = Math.min(chunkMs, stream.generated?.chunkMs ?? Number.POSITIVE_INFINITY);
	}
	let from = Math.max(scan.start, first);
	let to = Math.min(scan.end, end - 1);
	if (scan.cursor) {
		if (scan.forward) from = Math.max(from, scan.cursor.timestamp);
		else to = Math.min(to, scan.cursor.timestamp);
	}
	if (!(from <= to)) return [];
	if (!Number.isFinite(chunkMs)) return [{from, to}];
	const windows: {from: number; to: number}[] = [];
	for (let start = Math.floor(from / chunkMs) * chunkMs; start <= to; start += chunkMs) {
		windows.push({from: Math.max(from, start), to: Math.min(to, start + chunkMs - 1)});
	}
	return scan.forward ? windows : windows.reverse();
}

type ScanResult = {readonly hits: Hit[]; readonly through?: Cursor};

/**
 * Walks the streams window by window in scan order and stops once a window ends with enough hits
 * (later windows only hold later events) or the budget is spent; `through` then names how far
 * it got, so the next call resumes there.
 */
function scanStreams(streams: readonly LogStream[], scan: Scan): ScanResult {
	const hits: Hit[] = [];
	const windows = scanWindows(streams, scan);
	let scanned = 0;
	for (const [position, window] of windows.entries()) {
		scanned += scanWindow(streams, scan, window, hits);
		const last = position === windows.length - 1;
		if (hits.length >= scan.wanted || last) break;
		if (scanned >= scanBudget) {
			const through: Cursor = scan.forward
				? {timestamp: window.to, stream: '\uffff', ordinal: Number.MAX_SAFE_INTEGER, forward: true}
				: {timestamp: window.from, stream: '', ordinal: -1, forward: false};
			return {hits, through};
		}
	}
	return {hits};
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
	const {hits, through} = scanStreams(streams, scan);
	const page: Hit[] = [];
	let bytes = 0;
	for (const hit of hits) {
		bytes += eventBytes(hit);
		if (page.length >= limit || (bytes > maxPageBytes && page.length > 0)) break;
		page.push(hit);
	}
	const last = page.at(-1);
	const more = last !== undefined && hits.length > page.length;
	const resume: Cursor | undefined = more
		? {timestamp: last.timestamp, stream: last.stream, ordinal: last.ordinal, forward}
		: through;
	return {
		events: page.map((hit) => ({
			logStreamName: hit.stream,
			timestamp: hit.timestamp,
			message: hit.message,
			ingestionTime: hit.ingestionTime,
			eventId: eventId(hit),
		})),
		searchedLogStreams: [],
		...(resume === undefined ? {} : {nextToken: encodeToken(resume)}),
	};
}
