// A `--record` delta applied to the snapshot of the line before it. The patch comes from a file:
// anything that does not fit is refused (PatchError), never half applied.
import {
	isObject,
	type Json,
	type JsonObject,
	type Patch,
	type RowOrder,
	rowName,
} from './record-delta.js';

export class PatchError extends Error {
	override name = 'PatchError';
}

function applyRows(
	before: Json,
	patch: {
		readonly rows: RowOrder;
		readonly changed?: {readonly [name: string]: Patch};
		readonly by?: string;
	},
): Json[] {
	if (!Array.isArray(before)) {
		throw new PatchError('a row patch for something that is not a list');
	}
	const changed = patch.changed ?? {};
	const rows: Json[] = [];
	/** The rows built so far, by name: a new row may be written as one of them changed. */
	const built = new Map<string, Json>();
	const changedRow = (id: string, old: Json | undefined): Json => {
		const rowPatch = Object.hasOwn(changed, id) ? changed[id] : undefined;
		if (rowPatch === undefined) {
			if (old === undefined) {
				throw new PatchError(`new row ${id} has no value`);
			}
			return old;
		}
		if (old === undefined && isObject(rowPatch) && 'like' in rowPatch) {
			const neighbour = typeof rowPatch.like === 'string' ? built.get(rowPatch.like) : undefined;
			if (neighbour === undefined) {
				throw new PatchError(`new row ${id} is like a row not built before it`);
			}
			return applyPatch(neighbour, rowPatch.with);
		}
		return applyPatch(old ?? null, rowPatch);
	};
	const add = (name: string | undefined, row: Json) => {
		rows.push(row);
		if (name !== undefined) {
			built.set(name, row);
		}
	};
	for (const entry of patch.rows) {
		if (typeof entry === 'string') {
			add(entry, changedRow(entry, undefined));
			continue;
		}
		const [start, length] = entry;
		if (!Number.isInteger(start) || !Number.isInteger(length) || start < 0 || length < 0) {
			throw new PatchError('a row run that is not a range');
		}
		if (start + length > before.length) {
			throw new PatchError('a row run past the end of the list');
		}
		for (let index = start; index < start + length; index++) {
			const old = before[index] ?? null;
			const name = rowName(old, patch.by ?? 'id');
			add(name, name === undefined ? old : changedRow(name, old));
		}
	}
	return rows;
}

type ObjectPatch = {
	readonly put: {readonly [key: string]: Json};
	readonly keys: {readonly [key: string]: Patch};
	readonly drop: readonly string[];
	readonly order?: readonly string[];
};

function applyKeys(before: Json, patch: ObjectPatch): JsonObject {
	if (!isObject(before)) {
		throw new PatchError('a key patch for something that is not an object');
	}
	const dropped = new Set(patch.drop);
	const put = new Map(Object.entries(patch.put));
	const patches = new Map(Object.entries(patch.keys));
	// In the old key order, new keys last: the object prints as it was recorded.
	const entries: [string, Json][] = [];
	for (const [key, old] of Object.entries(before)) {
		if (dropped.has(key)) {
			continue;
		}
		const keyPatch = patches.get(key);
		const value = put.has(key)
			? (put.get(key) ?? null)
			: keyPatch === undefined
				? old
				: applyPatch(old, keyPatch);
		entries.push([key, value]);
		put.delete(key);
		patches.delete(key);
	}
	for (const [key, value] of put) {
		entries.push([key, value]);
	}
	for (const [key, keyPatch] of patches) {
		entries.push([key, applyPatch(null, keyPatch)]);
	}
	const order = patch.order;
	if (order !== undefined) {
		const rank = new Map(order.map((key, index) => [key, index]));
		entries.sort(
			([a], [b]) =>
				(rank.get(a) ?? Number.MAX_SAFE_INTEGER) - (rank.get(b) ?? Number.MAX_SAFE_INTEGER),
		);
	}
	// Object.fromEntries makes every key an own property, `__proto__` included.
	return Object.fromEntries(entries);
}

function strings(list: unknown): string[] | undefined {
	return Array.isArray(list)
		? list.filter((key): key is string => typeof key === 'string')
		: undefined;
}

/** `before` with `patch` applied; what did not change is shared, not copied. Throws PatchError. */
export function applyPatch(before: Json, patch: unknown): Json {
	if (!isObject(patch)) {
		throw new PatchError('a patch that is not an object');
	}
	if ('set' in patch) {
		return patch.set ?? null;
	}
	if ('rows' in patch && Array.isArray(patch.rows)) {
		const changed = isObject(patch.changed) ? (patch.changed as {[name: string]: Patch}) : {};
		const by = typeof patch.by === 'string' ? {by: patch.by} : {};
		return applyRows(before, {rows: patch.rows as RowOrder, changed, ...by});
	}
	if (isObject(patch.put) || isObject(patch.keys) || Array.isArray(patch.drop)) {
		const order = strings(patch.order);
		return applyKeys(before, {
			put: isObject(patch.put) ? patch.put : {},
			keys: isObject(patch.keys) ? (patch.keys as {[key: string]: Patch}) : {},
			drop: strings(patch.drop) ?? [],
			...(order === undefined ? {} : {order}),
		});
	}
	throw new PatchError('a patch of no known kind');
}
