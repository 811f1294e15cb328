// Service results in a protocol-neutral form. Timestamps and maps are kept distinct because the wire
// protocols spell them differently (ISO 8601 in XML, epoch seconds in AWS JSON; `<entry>` vs object).
import type {JsonValue} from '../context.js';

export class WireMap {
	constructor(readonly entries: Readonly<Record<string, WireValue>>) {}
}

export type WireStruct = {readonly [key: string]: WireValue};

export type WireValue =
	| string
	| number
	| boolean
	| Date
	| WireMap
	| undefined
	| null
	| readonly WireValue[]
	| WireStruct;

function jsonNumber(value: number): JsonValue {
	if (Number.isFinite(value)) {
		return value;
	}
	// AWS JSON carries non-finite doubles as strings.
	if (Number.isNaN(value)) {
		return 'NaN';
	}
	return value > 0 ? 'Infinity' : '-Infinity';
}

function jsonObject(entries: Readonly<Record<string, WireValue>>): JsonValue {
	const output: Record<string, JsonValue> = {};
	for (const [key, member] of Object.entries(entries)) {
		const converted = toJsonValue(member);
		if (converted !== undefined) {
			output[key] = converted;
		}
	}
	return output;
}

/** AWS JSON 1.0/1.1 form: timestamps as epoch seconds, absent members omitted. */
export function toJsonValue(value: WireValue): JsonValue | undefined {
	if (value === undefined || value === null) {
		return undefined;
	}
	if (typeof value === 'number') {
		return jsonNumber(value);
	}
	if (typeof value === 'string' || typeof value === 'boolean') {
		return value;
	}
	if (value instanceof Date) {
		return value.getTime() / 1000;
	}
	if (value instanceof WireMap) {
		return jsonObject(value.entries);
	}
	if (Array.isArray(value)) {
		const items: JsonValue[] = [];
		for (const item of value as readonly WireValue[]) {
			items.push(toJsonValue(item) ?? null);
		}
		return items;
	}
	return jsonObject(value as WireStruct);
}
