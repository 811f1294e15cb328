// Field values as the engine sees them, and how they print in query results.
// Discovered flow-log numbers are numbers; parsed fields are strings that act as numbers when
// compared with numbers, as in Insights.

/** A point in time (Unix ms): `@timestamp`, `@ingestionTime`, `bin(...)`, `fromMillis(...)`. */
export class TimeValue {
	constructor(readonly ms: number) {}
}

/** `undefined` is a field the event does not have. */
export type Value = string | number | boolean | TimeValue | undefined;

const numericText = /^\s*[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?\s*$/;

export function toNumber(value: Value): number | undefined {
	if (typeof value === 'number') {
		return Number.isFinite(value) ? value : undefined;
	}
	if (typeof value === 'string') {
		return numericText.test(value) ? Number(value) : undefined;
	}
	if (value instanceof TimeValue) {
		return value.ms;
	}
	if (typeof value === 'boolean') {
		return value ? 1 : 0;
	}
	return undefined;
}

/** Truthiness of a filter condition: booleans as is, numbers when non-zero, strings when non-empty. */
export function isTrue(value: Value): boolean {
	if (typeof value === 'boolean') {
		return value;
	}
	if (typeof value === 'number') {
		return value !== 0 && !Number.isNaN(value);
	}
	if (typeof value === 'string') {
		return value !== '';
	}
	return value !== undefined;
}

const pad2 = (n: number): string => String(n).padStart(2, '0');

/** `2023-11-14 22:13:20.000`, UTC: how Insights prints timestamps in results. */
export function formatTimestamp(ms: number): string {
	const date = new Date(ms);
	if (Number.isNaN(date.getTime())) {
		return String(ms);
	}
	const day = `${date.getUTCFullYear()}-${pad2(date.getUTCMonth() + 1)}-${pad2(date.getUTCDate())}`;
	const time = `${pad2(date.getUTCHours())}:${pad2(date.getUTCMinutes())}:${pad2(date.getUTCSeconds())}`;
	return `${day} ${time}.${String(date.getUTCMilliseconds()).padStart(3, '0')}`;
}

export function formatNumber(value: number): string {
	if (Number.isInteger(value) && Math.abs(value) < 1e21) {
		return value.toFixed(0);
	}
	return String(value);
}

/** The result text of a value; undefined for a missing field (left out of the result row). */
export function renderValue(value: Value): string | undefined {
	if (value === undefined) {
		return undefined;
	}
	if (typeof value === 'string') {
		return value;
	}
	if (typeof value === 'number') {
		return formatNumber(value);
	}
	if (typeof value === 'boolean') {
		return value ? '1' : '0';
	}
	return formatTimestamp(value.ms);
}

/** Text form used where strings are compared or matched. */
export function textOf(value: Value): string {
	return renderValue(value) ?? '';
}

/**
 * Comparison as in `filter`: numerically when both sides read as numbers, else as text.
 * Undefined when either side is missing (the comparison is then false).
 */
export function compareValues(left: Value, right: Value): number | undefined {
	if (left === undefined || right === undefined) {
		return undefined;
	}
	const leftNumber = toNumber(left);
	const rightNumber = toNumber(right);
	if (leftNumber !== undefined && rightNumber !== undefined) {
		return leftNumber === rightNumber ? 0 : leftNumber < rightNumber ? -1 : 1;
	}
	const leftText = textOf(left);
	const rightText = textOf(right);
	return leftText === rightText ? 0 : leftText < rightText ? -1 : 1;
}

/** A key that tells distinct values apart, for grouping, dedup and count_distinct. */
export function groupKeyOf(value: Value): string {
	if (value === undefined) {
		return '\u0000';
	}
	if (typeof value === 'string') {
		return `s${value}`;
	}
	if (typeof value === 'number') {
		return `n${value}`;
	}
	if (typeof value === 'boolean') {
		return value ? 'n1' : 'n0';
	}
	return `t${value.ms}`;
}
