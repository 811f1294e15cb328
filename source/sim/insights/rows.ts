// A row is what a command sees: a log event with its system and discovered fields plus whatever
// earlier commands set, or (after stats) one group's results.
import type {FieldSlots} from './field-slots.js';
import {
	flowLogFieldCount,
	flowLogFieldPosition,
	flowLogTokenField,
	flowLogTokens,
	type TokenAt,
} from './flow-log-fields.js';
import {TimeValue, type Value} from './values.js';

export type InsightsEvent = {
	/** Unix ms. */
	readonly timestamp: number;
	/** Unix ms. */
	readonly ingestionTime: number;
	readonly message: string;
	readonly logStream: string;
	/** Shown as `@log`. AWS prints `accountId:logGroupName`; the engine prints this string as given. */
	readonly logGroup: string;
	readonly ptr: string;
	/** The message's length in UTF-8 bytes, when known without reading the message. */
	messageBytes?(): number | undefined;
	/**
	 * Token `position` of a default-format flow record, read without its message (a number stands
	 * for its decimal digits); undefined when the message must be read instead.
	 */
	token?(position: number): string | number | undefined;
	/**
	 * How many words (split on single spaces) the message has, told without reading it; 0 when the
	 * message must be read. `word` reads one (a number stands for its decimal digits).
	 */
	words?(): number;
	word?(position: number): string | number | undefined;
	/** Called when a command keeps the event past the scan: it then takes its own message. */
	hold?(): void;
};

export type Row = {
	/**
	 * The value of field `name`; `slot` is its FieldSlots slot (-1 for none), `position` its token
	 * position as a discovered flow log field (flowLogFieldPosition) when the caller knows it.
	 */
	read(slot: number, name: string, position?: number): Value;
	write(slot: number, name: string, value: Value): void;
	/** The event's message's words, read without the message (InsightsEvent.words); 0 for none. */
	words(): number;
	word(position: number): string | number | undefined;
	/** Same as read, looking the slot up: for the few reads that are not compiled. */
	get(name: string): Value;
	/** The event time, for bin(), earliest() and the default newest-first order. */
	readonly timestampMs: number | undefined;
	/** `@ptr` of the event; results of stats have none. */
	readonly ptr: string | undefined;
	/** Result of the stats aggregate in `slot` (group rows only). */
	aggregate(slot: number): Value;
};

function splitReader(message: string): TokenAt | undefined {
	const tokens = flowLogTokens(message);
	return tokens && ((position) => tokens[position]);
}

/**
 * How a row reads its discovered fields: from the event's tokens while it has them (a kept event
 * gives them up for its message), else from its message split once.
 */
function tokenReader(event: InsightsEvent): TokenAt | undefined {
	if (event.token?.(0) === undefined) {
		return splitReader(event.message);
	}
	let split: TokenAt | undefined | null = null;
	return (position) => {
		const token = event.token?.(position);
		if (token !== undefined) {
			return token;
		}
		if (split === null) {
			split = splitReader(event.message);
		}
		return split?.(position);
	};
}

const unset = Symbol('unset');

export class EventRow implements Row {
	private assigned: Array<Value | typeof unset> | undefined;
	/** Set on the first discovered field a command reads (null: not yet). */
	private tokens: TokenAt | undefined | null = null;
	/** Discovered fields read so far, by token position; bit `position` of `known` says which. */
	private fields: Value[] | undefined;
	private known = 0;

	constructor(
		readonly event: InsightsEvent,
		private readonly slots: FieldSlots,
	) {}

	get timestampMs(): number {
		return this.event.timestamp;
	}

	get ptr(): string {
		return this.event.ptr;
	}

	get(name: string): Value {
		return this.read(this.slots.slotOf(name), name);
	}

	read(slot: number, name: string, position = flowLogFieldPosition(name)): Value {
		if (slot >= 0 && this.assigned !== undefined) {
			const value = this.assigned[slot];
			if (value !== unset) {
				return value;
			}
		}
		switch (name) {
			case '@timestamp':
				return new TimeValue(this.event.timestamp);
			case '@message':
				return this.event.message;
			case '@logStream':
				return this.event.logStream;
			case '@log':
				return this.event.logGroup;
			case '@ptr':
				return this.event.ptr;
			case '@ingestionTime':
				return new TimeValue(this.event.ingestionTime);
			default:
				return this.discovered(name, position);
		}
	}

	/**
	 * A discovered field, read once per row: a query's filters compare the same field with many
	 * values (`srcAddr != "10.0.1.5" and srcAddr != …`), each a read.
	 */
	private discovered(name: string, position: number): Value {
		if (position < 0) {
			return undefined;
		}
		const bit = 1 << position;
		if ((this.known & bit) !== 0) {
			return this.fields?.[position];
		}
		if (this.tokens === null) {
			this.tokens = tokenReader(this.event);
		}
		const value = flowLogTokenField(this.tokens, name);
		this.fields ??= new Array<Value>(flowLogFieldCount);
		this.fields[position] = value;
		this.known |= bit;
		return value;
	}

	words(): number {
		return this.event.words?.() ?? 0;
	}

	word(position: number): string | number | undefined {
		return this.event.word?.(position);
	}

	write(slot: number, name: string, value: Value): void {
		if (slot < 0) {
			throw new Error(`field ${name} has no slot`);
		}
		this.assigned ??= new Array<Value | typeof unset>(this.slots.count).fill(unset);
		this.assigned[slot] = value;
	}

	aggregate(): Value {
		return undefined;
	}
}

/** A row of named values: one stats group. */
export class ValuesRow implements Row {
	readonly timestampMs = undefined;
	readonly ptr = undefined;

	constructor(
		private readonly values: Map<string, Value> = new Map(),
		private readonly aggregates: readonly Value[] = [],
	) {}

	get(name: string): Value {
		return this.values.get(name);
	}

	read(_slot: number, name: string): Value {
		return this.values.get(name);
	}

	write(_slot: number, name: string, value: Value): void {
		this.values.set(name, value);
	}

	words(): number {
		return 0;
	}

	word(): undefined {
		return undefined;
	}

	aggregate(slot: number): Value {
		return this.aggregates[slot];
	}
}
