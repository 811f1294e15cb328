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
	const changedRow = (id: string, old: Json | undefined): Json => {
		const rowPatch = Object.hasOwn(changed, id) ? changed[id] : undefined;
		if (rowPatch === undefined) {
			if (old === undefined) {
				throw new PatchError(`new row ${id} has no value`);
			}
			return old;
		}
		return applyPatch(old ?? null, rowPatch);
	};
	for (const entry of patch.rows) {
		if (typeof entry === 'string') {
			rows.push(changedRow(entry, undefined));
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
			rows.push(name === undefined ? old : changedRow(name, old));
		}
	}
	return rows;
}

function applyKeys(
	before: Json,
	patch: {
		readonly keys: {readonly [key: string]: Patch};
		readonly drop?: readonly string[];
		readonly order?: readonly string[];
	},
): JsonObject {
	if (!isObject(before) || !isObject(patch.keys)) {
		throw new PatchError('a key patch for something that is not an object');
	}
	const dropped = new Set(patch.drop ?? []);
	const patches = new Map(Object.entries(patch.keys));
	// In the old key order, new keys last: the object prints as it was recorded.
	const entries: [string, Json][] = [];
	for (const [key, old] of Object.entries(before)) {
		const keyPatch = patches.get(key);
		if (dropped.has(key)) {
			continue;
		}
		entries.push([key, keyPatch === undefined ? old : applyPatch(old, keyPatch)]);
		patches.delete(key);
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
	if ('keys' in patch && isObject(patch.keys)) {
		const strings = (list: unknown): string[] | undefined =>
			Array.isArray(list)
				? list.filter((key): key is string => typeof key === 'string')
				: undefined;
		const order = strings(patch.order);
		return applyKeys(before, {
			keys: patch.keys as {[key: string]: Patch},
			drop: strings(patch.drop) ?? [],
			...(order === undefined ? {} : {order}),
		});
	}
	throw new PatchError('a patch of no known kind');
}
