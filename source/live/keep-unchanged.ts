// A flows read re-pairs and re-aggregates the whole window, so every row and list of the new view
// is a new object, though most are equal to the ones held. What follows from the view (the rules'
// work per row, the panes' cells) is kept per object: the new view is given the held objects
// wherever they are equal, and only what changed is new.

type Plain = Readonly<Record<string, unknown>>;

/**
 * `next`, built from `previous`'s parts wherever they are deeply equal (same keys, values the same
 * by Object.is): the result is deeply equal to `next`, and is `previous` itself when the two are.
 * Rows (objects with a string `id`) are matched by id, so a row that moved in its list is kept;
 * other array items by position. Only plain objects and arrays are walked.
 */
export function keepUnchanged<T>(previous: T, next: T): T {
	return kept(previous, next) as T;
}

function kept(previous: unknown, next: unknown): unknown {
	if (Object.is(previous, next)) {
		return previous;
	}

	if (Array.isArray(previous) && Array.isArray(next)) {
		return keptArray(previous, next);
	}

	if (isPlain(previous) && isPlain(next) && prototypeOf(previous) === prototypeOf(next)) {
		return keptPlain(previous, next);
	}

	return next;
}

function keptArray(previous: readonly unknown[], next: readonly unknown[]): readonly unknown[] {
	const byId = rowsById(previous);
	let samePrevious = previous.length === next.length;
	let sameNext = true;
	const result = next.map((item, index) => {
		const id = byId === undefined ? undefined : idOf(item);
		const before =
			byId === undefined ? previous[index] : id === undefined ? undefined : byId.get(id);
		const value = kept(before, item);
		samePrevious &&= Object.is(value, previous[index]);
		sameNext &&= Object.is(value, item);
		return value;
	});
	return samePrevious ? previous : sameNext ? next : result;
}

function keptPlain(previous: Plain, next: Plain): Plain {
	const keys = Object.keys(next);
	let samePrevious = keys.length === ownKeyCount(previous);
	let sameNext = true;
	// Built only when the two are mixed: most parts are entirely one or the other.
	let values: unknown[] | undefined;
	for (let index = 0; index < keys.length; index++) {
		const key = keys[index] as string;
		const had = Object.hasOwn(previous, key);
		const value = had ? kept(previous[key], next[key]) : next[key];
		samePrevious &&= had && Object.is(value, previous[key]);
		if (values === undefined && !Object.is(value, next[key])) {
			sameNext = false;
			values = keys.slice(0, index).map((earlier) => next[earlier]);
		}

		values?.push(value);
	}

	if (samePrevious) {
		return previous;
	}

	if (sameNext || values === undefined) {
		return next;
	}

	const result = (prototypeOf(next) === null ? Object.create(null) : {}) as Record<string, unknown>;
	for (const [index, key] of keys.entries()) {
		result[key] = values[index];
	}

	return result;
}

function ownKeyCount(value: Plain): number {
	let count = 0;
	for (const key in value) {
		if (Object.hasOwn(value, key)) {
			count++;
		}
	}

	return count;
}

/** The items by id when every item is a row with an id of its own; otherwise undefined. */
function rowsById(items: readonly unknown[]): Map<string, unknown> | undefined {
	if (items.length === 0) {
		return undefined;
	}

	const byId = new Map<string, unknown>();
	for (const item of items) {
		const id = idOf(item);
		if (id === undefined || byId.has(id)) {
			return undefined;
		}

		byId.set(id, item);
	}

	return byId;
}

function idOf(item: unknown): string | undefined {
	return isPlain(item) && typeof item.id === 'string' ? item.id : undefined;
}

function isPlain(value: unknown): value is Plain {
	if (typeof value !== 'object' || value === null || Array.isArray(value)) {
		return false;
	}

	const prototype = prototypeOf(value);
	return prototype === Object.prototype || prototype === null;
}

function prototypeOf(value: object): object | null {
	return Object.getPrototypeOf(value) as object | null;
}
