// A stream as the read APIs walk it: time slices of events in timestamp order. A stream written
// as events (a scenario's lines, PutLogEvents) is one slice; a generated stream is walked one chunk
// at a time, so a read touches (and makes the world build) only the chunks of its range, and never
// a chunk nothing of which has been delivered yet.
import type {EventChunk, LogEvent, LogStream} from '../../world/types.js';
import {lowerBound, upperBound} from './visible.js';

export type StreamSlice = {
	readonly length: number;
	readonly timestamp: (index: number) => number;
	readonly ingestionTime: (index: number) => number;
	readonly message: (index: number) => string;
	/** The message's length in UTF-8 bytes, where known without making its string. */
	readonly messageBytes?: (index: number) => number | undefined;
	/** See EventChunk.token; undefined for an event whose message must be read instead. */
	readonly token?: (index: number, position: number) => string | number | undefined;
	/** See EventChunk.words and word; 0 words for an event whose message must be read instead. */
	readonly words?: (index: number) => number;
	readonly word?: (index: number, position: number) => string | number | undefined;
	/** The event's position among the stream's events with the same timestamp (0 = first). */
	readonly ordinal: (index: number) => number;
	/** Index of the first event with a timestamp >= `timestamp`. */
	readonly lowerBound: (timestamp: number) => number;
	/** Index of the first event with a timestamp > `timestamp`. */
	readonly upperBound: (timestamp: number) => number;
	/** Events of this slice exist but none is delivered yet, so they were not built. */
	readonly undelivered: boolean;
};

type Indexed = Pick<StreamSlice, 'length' | 'timestamp'>;

function searchBound(slice: Indexed, timestamp: number, inclusive: boolean): number {
	let low = 0;
	let high = slice.length;
	while (low < high) {
		const middle = (low + high) >>> 1;
		const at = slice.timestamp(middle);
		if (at < timestamp || (inclusive && at === timestamp)) low = middle + 1;
		else high = middle;
	}
	return low;
}

/** Ordinals of a sorted run, computed once per slice when first asked. */
function ordinalsOf(slice: Indexed): (index: number) => number {
	let ordinals: Int32Array | undefined;
	return (index) => {
		if (ordinals === undefined) {
			ordinals = new Int32Array(slice.length);
			for (let at = 1; at < slice.length; at++) {
				ordinals[at] =
					slice.timestamp(at) === slice.timestamp(at - 1) ? (ordinals[at - 1] ?? 0) + 1 : 0;
			}
		}
		return ordinals[index] ?? 0;
	};
}

function literalSlice(events: readonly LogEvent[]): StreamSlice {
	const at = (index: number): LogEvent => {
		const event = events[index];
		if (event === undefined) throw new RangeError(`no event at ${index}`);
		return event;
	};
	return {
		length: events.length,
		timestamp: (index) => at(index).timestamp,
		ingestionTime: (index) => at(index).ingestionTime,
		message: (index) => at(index).message,
		ordinal: (index) => index - lowerBound(events, at(index).timestamp),
		lowerBound: (timestamp) => lowerBound(events, timestamp),
		upperBound: (timestamp) => upperBound(events, timestamp),
		undelivered: false,
	};
}

const emptyChunk: EventChunk = {
	length: 0,
	timestamp: () => 0,
	ingestionTime: () => 0,
	message: () => '',
	size: 0,
};

/** A chunk with the written events of its time slice merged in (generated ones first on a tie). */
function mergedSlice(
	chunk: EventChunk,
	written: readonly LogEvent[],
	undelivered: boolean,
): StreamSlice {
	let base: Pick<
		StreamSlice,
		| 'length'
		| 'timestamp'
		| 'ingestionTime'
		| 'message'
		| 'messageBytes'
		| 'token'
		| 'words'
		| 'word'
	> = chunk;
	if (written.length > 0) {
		const order: number[] = [];
		let generatedIndex = 0;
		for (let writtenIndex = 0; writtenIndex < written.length; writtenIndex++) {
			const timestamp = written[writtenIndex]?.timestamp ?? 0;
			while (generatedIndex < chunk.length && chunk.timestamp(generatedIndex) <= timestamp) {
				order.push(generatedIndex++);
			}
			order.push(-1 - writtenIndex);
		}
		while (generatedIndex < chunk.length) order.push(generatedIndex++);
		const pick = <T>(
			index: number,
			fromChunk: (at: number) => T,
			fromWritten: (event: LogEvent) => T,
		): T => {
			const position = order[index] ?? 0;
			const event = written[-1 - position];
			return position >= 0 || event === undefined ? fromChunk(position) : fromWritten(event);
		};
		const {messageBytes, token, words, word} = chunk;
		base = {
			length: order.length,
			timestamp: (index) => pick(index, chunk.timestamp, (event) => event.timestamp),
			ingestionTime: (index) => pick(index, chunk.ingestionTime, (event) => event.ingestionTime),
			message: (index) => pick(index, chunk.message, (event) => event.message),
			...(messageBytes === undefined
				? {}
				: {
						messageBytes: (index: number) => pick(index, messageBytes, () => undefined),
					}),
			...(token === undefined
				? {}
				: {
						token: (index: number, position: number) =>
							pick(
								index,
								(at) => token(at, position),
								() => undefined,
							),
					}),
			...(words === undefined || word === undefined
				? {}
				: {
						words: (index: number) => pick(index, words, () => 0),
						word: (index: number, position: number) =>
							pick(
								index,
								(at) => word(at, position),
								() => undefined,
							),
					}),
		};
	}
	return {
		...base,
		ordinal: ordinalsOf(base),
		lowerBound: (timestamp) => searchBound(base, timestamp, false),
		upperBound: (timestamp) => searchBound(base, timestamp, true),
		undelivered,
	};
}

/** Timestamps [first, end) that can hold the stream's events when the clock reads `now`. */
export function streamSpan(stream: LogStream, now: number): {first: number; end: number} {
	const written = stream.events;
	const firstWritten = written[0]?.timestamp ?? Number.POSITIVE_INFINITY;
	const endWritten = (written.at(-1)?.timestamp ?? Number.NEGATIVE_INFINITY) + 1;
	const generated = stream.generated;
	if (generated === undefined) return {first: firstWritten, end: endWritten};
	const {chunkMs} = generated;
	return {
		first: Math.min(firstWritten, generated.oldest(now)),
		end: Math.max(endWritten, Math.floor(now / chunkMs) * chunkMs + chunkMs),
	};
}

/**
 * The slices holding the stream's events with a timestamp in [from, to], in time order (or
 * reversed). `now` decides which chunks are delivered: one that is not is never built.
 */
export function* streamSlices(
	stream: LogStream,
	from: number,
	to: number,
	now: number,
	forward = true,
): Generator<StreamSlice> {
	const generated = stream.generated;
	if (generated === undefined) {
		yield literalSlice(stream.events);
		return;
	}
	const {chunkMs} = generated;
	const written = stream.events;
	const span = streamSpan(stream, now);
	const low = Math.floor(Math.max(from, span.first) / chunkMs) * chunkMs;
	const high = Math.floor(Math.min(to, span.end - 1) / chunkMs) * chunkMs;
	if (!(low <= high)) return;
	const step = forward ? chunkMs : -chunkMs;
	for (let start = forward ? low : high; start >= low && start <= high; start += step) {
		const deliveredFrom = generated.deliveredFrom(start);
		const delivered = deliveredFrom <= now;
		const undelivered = !delivered && deliveredFrom !== Number.POSITIVE_INFINITY;
		const inSlice = written.slice(lowerBound(written, start), lowerBound(written, start + chunkMs));
		if (delivered || inSlice.length > 0 || undelivered) {
			yield mergedSlice(delivered ? generated.chunk(start) : emptyChunk, inSlice, undelivered);
		}
	}
}

/** The stream's event with this timestamp and ordinal, if it exists (delivered or not). */
export function eventAt(
	stream: LogStream,
	timestamp: number,
	ordinal: number,
	now: number,
): LogEvent | undefined {
	for (const slice of streamSlices(stream, timestamp, timestamp, now)) {
		const index = slice.lowerBound(timestamp) + ordinal;
		if (index < slice.length && slice.timestamp(index) === timestamp) {
			return {
				timestamp,
				ingestionTime: slice.ingestionTime(index),
				message: slice.message(index),
			};
		}
	}
	return undefined;
}
