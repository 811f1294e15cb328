// A FilterLogEvents page read from its bytes, without parsing the events the caller already holds.
// lbtop reads the unsettled stretch of the flow logs again and again for late deliveries: nearly
// every event of a page is one an earlier read returned. Parsing the page whole made an object
// and three strings for each of them (and the page as one string first), all thrown away at once,
// enough per refresh to push young objects into the old generation. Here each event's members are
// found in the bytes, its id and time read, and its stream and message decoded only when the
// caller does not hold it. The page is checked as JSON.parse would check it; anything this reader
// does not take as it is (a page that is not an object, an escaped member name, deep nesting:
// json-bytes.ts) is left to the whole parse, so both ways give the same events.

import {
	closeBrace,
	closeBracket,
	JsonBytes,
	type Kind,
	nine,
	notRead,
	openBrace,
	openBracket,
	zero,
} from './json-bytes.js';

/** A log event as FilterLogEvents returns it, with what lbtop reads of it. */
export type FlowLogEvent = {
	readonly eventId: string;
	readonly logStreamName: string;
	/** Unix ms. */
	readonly timestamp: number;
	readonly message: string;
};

/** An event the caller holds: its id, its time and what the caller holds for it. */
export type HeldLogEvent<Held> = {
	readonly eventId: string;
	/** Unix ms. */
	readonly timestamp: number;
	readonly held: Held;
};

/** A page's event: whole, or held when the caller holds its id (never, when it holds none). */
export type PageEvent<Held> = FlowLogEvent | ([Held] extends [never] ? never : HeldLogEvent<Held>);

export type ScannedPage<Held> = {
	readonly events: PageEvent<Held>[];
	/** The page's other members, as JSON.stringify writes them once parsed. */
	readonly rest: string;
};

const word = (text: string) => Buffer.from(text, 'latin1');
const eventsKey = word('events');
const eventIdKey = word('eventId');
const streamKey = word('logStreamName');
const timestampKey = word('timestamp');
const messageKey = word('message');
// Numbers of up to 15 digits are exact in a double whatever their digits: summed without a string.
const maxPlainDigits = 15;

/** Where a member's value lies: from its first byte to past its last. */
type Span = {start: number; end: number; kind: Kind; escaped: boolean};

/**
 * The page's events in order (those without an id, a stream or a time skipped, a missing message
 * read as empty), each `held` has a value for given as that value; undefined for a page left to
 * JSON.parse.
 */
export function scanEventsPage<Held>(
	bytes: Buffer,
	held?: ReadonlyMap<string, Held>,
): ScannedPage<Held> | undefined {
	try {
		return new PageReader(bytes, held).page();
	} catch (error) {
		if (error === notRead) {
			return undefined;
		}

		throw error;
	}
}

class PageReader<Held> extends JsonBytes {
	private readonly id: Span = {start: 0, end: 0, kind: 'other', escaped: false};
	private readonly stream: Span = {start: 0, end: 0, kind: 'other', escaped: false};
	private readonly time: Span = {start: 0, end: 0, kind: 'other', escaped: false};
	private readonly message: Span = {start: 0, end: 0, kind: 'other', escaped: false};

	constructor(
		bytes: Buffer,
		private readonly held: ReadonlyMap<string, Held> | undefined,
	) {
		super(bytes);
	}

	page(): ScannedPage<Held> {
		const {bytes} = this;
		let events: PageEvent<Held>[] = [];
		const rest: string[] = [];
		this.space();
		this.expect(openBrace);
		this.space();
		if (bytes[this.at] === closeBrace) {
			this.at++;
		} else {
			for (;;) {
				const keyStart = this.at;
				const keyEnd = this.key();
				if (this.is(keyStart + 1, keyEnd, eventsKey)) {
					if (bytes[this.at] !== openBracket) {
						throw notRead;
					}

					events = this.events();
				} else {
					this.value(1);
					rest.push(bytes.toString('utf8', keyStart, this.at));
				}

				if (this.next(closeBrace)) {
					break;
				}
			}
		}

		this.space();
		if (this.at !== bytes.length) {
			throw notRead;
		}

		// The other members are few (a token, the streams searched): parsed and written again as
		// the whole parse's page was, so the SDK is left the same text.
		return {
			events,
			rest: rest.length === 0 ? '{}' : JSON.stringify(JSON.parse(`{${rest.join(',')}}`)),
		};
	}

	private events(): PageEvent<Held>[] {
		const {bytes} = this;
		const events: PageEvent<Held>[] = [];
		this.at++;
		this.space();
		if (bytes[this.at] === closeBracket) {
			this.at++;
			return events;
		}

		for (;;) {
			if (bytes[this.at] === openBrace) {
				const event = this.event();
				if (event !== undefined) {
					events.push(event);
				}
			} else {
				this.value(2);
			}

			if (this.next(closeBracket)) {
				return events;
			}
		}
	}

	/** One event object: its members found, the event made only from those lbtop reads. */
	private event(): PageEvent<Held> | undefined {
		const {bytes, id, stream, time, message} = this;
		this.clearSpans();
		this.at++;
		this.space();
		if (bytes[this.at] === closeBrace) {
			this.at++;
		} else {
			for (;;) {
				const keyStart = this.at + 1;
				const keyEnd = this.key();
				const span = this.spanOf(keyStart, keyEnd);
				const start = this.at;
				const kind = this.value(3);
				// A name given twice is read as JSON.parse reads it: the last one.
				if (span !== undefined) {
					span.start = start;
					span.end = this.at;
					span.kind = kind;
					span.escaped = this.escaped;
				}

				if (this.next(closeBrace)) {
					break;
				}
			}
		}

		if (id.kind !== 'string' || stream.kind !== 'string' || time.kind !== 'number') {
			return undefined;
		}

		const eventId = this.text(id);
		const timestamp = this.number(time);
		const value = this.held?.get(eventId);
		if (value !== undefined) {
			// Only a reader given what is held meets a held event: Held is not never here.
			const event: HeldLogEvent<Held> = {eventId, timestamp, held: value};
			return event as PageEvent<Held>;
		}

		return {
			eventId,
			logStreamName: this.text(stream),
			timestamp,
			message: message.kind === 'string' ? this.text(message) : '',
		};
	}

	/** The members of the event before are no longer what was read. */
	private clearSpans(): void {
		this.id.kind = 'other';
		this.stream.kind = 'other';
		this.time.kind = 'other';
		this.message.kind = 'other';
	}

	private spanOf(start: number, end: number): Span | undefined {
		switch (end - start) {
			case 7: {
				return this.is(start, end, eventIdKey)
					? this.id
					: this.is(start, end, messageKey)
						? this.message
						: undefined;
			}

			case 9: {
				return this.is(start, end, timestampKey) ? this.time : undefined;
			}

			case 13: {
				return this.is(start, end, streamKey) ? this.stream : undefined;
			}

			default: {
				return undefined;
			}
		}
	}

	private text(span: Span): string {
		return span.escaped
			? (JSON.parse(this.bytes.toString('utf8', span.start, span.end)) as string)
			: this.bytes.toString('utf8', span.start + 1, span.end - 1);
	}

	private number(span: Span): number {
		const {bytes} = this;
		if (span.end - span.start <= maxPlainDigits) {
			let value = 0;
			for (let at = span.start; at < span.end; at++) {
				const byte = bytes[at] as number;
				if (byte < zero || byte > nine) {
					return Number(bytes.toString('latin1', span.start, span.end));
				}

				value = value * 10 + (byte - zero);
			}

			return value;
		}

		return Number(bytes.toString('latin1', span.start, span.end));
	}
}
