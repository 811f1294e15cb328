// What changed between two snapshots, as JSON: `--record` writes a snapshot now and then and, in
// between, only the slices that changed. Lists of rows named by a field (`id` of connections,
// findings, events, series; `t` of metric points; `addr` of sources) are compared row by row, so
// a refresh that adds ten connections to a thousand writes ten rows and where the others went.
import {
	isObject,
	type Json,
	type JsonObject,
	own,
	type Patch,
	presentKeys,
	type RowOrder,
	rowName,
} from './record-delta.js';
import {sameJson} from './same-content.js';

/** Every row's name, when every row has one and no two share it. */
function rowNames(list: readonly Json[], field: string): string[] | undefined {
	const names: string[] = [];
	for (const row of list) {
		const name = rowName(row, field);
		if (name === undefined) {
			return undefined;
		}
		names.push(name);
	}
	return new Set(names).size === names.length ? names : undefined;
}

/** The field that names a list's rows: `id` when they have one, else their first field. */
function namingField(list: readonly Json[]): string | undefined {
	const [first] = list;
	if (!isObject(first)) {
		return undefined;
	}
	return own(first, 'id') === undefined ? presentKeys(first)[0] : 'id';
}

function orderOf(before: readonly string[], after: readonly string[]): RowOrder {
	const oldIndex = new Map(before.map((id, index) => [id, index]));
	const order: (readonly [number, number] | string)[] = [];
	let run: [number, number] | undefined;
	for (const id of after) {
		const index = oldIndex.get(id);
		if (index !== undefined && run !== undefined && run[0] + run[1] === index) {
			run[1]++;
			continue;
		}
		if (run !== undefined) {
			order.push(run);
			run = undefined;
		}
		if (index === undefined) {
			order.push(id);
		} else {
			run = [index, 1];
		}
	}
	if (run !== undefined) {
		order.push(run);
	}
	return order;
}

type Named = {readonly rows: readonly Json[]; readonly names: readonly string[]};

/** The row's fields, as a key: rows with the same fields (paired connections, say) differ least. */
function shapeOf(row: Json): string {
	return isObject(row) ? presentKeys(row).join(',') : typeof row;
}

/**
 * A new row: whole, or as a row already in the new list changed, whichever says it shortest; the
 * candidates are the row just before it and the last one before it with the same fields.
 */
function newRowPatch(row: Json, candidates: readonly (readonly [string, Json])[]): Patch {
	let best: Patch = {set: row};
	let bestLength = JSON.stringify(row).length;
	for (const [like, base] of candidates) {
		const change = diffJson(base, row);
		if (change === undefined || 'set' in change) {
			continue;
		}
		const relative: Patch = {like, with: change};
		const length = JSON.stringify(relative).length;
		if (length < bestLength) {
			best = relative;
			bestLength = length;
		}
	}
	return best;
}

function rowsPatch(before: Named, after: Named, field: string): Patch | undefined {
	const previous = new Map(before.names.map((name, index) => [name, before.rows[index] ?? null]));
	// Pairs, then Object.fromEntries: a name such as `__proto__` stays a key, not a prototype.
	const changed: [string, Patch][] = [];
	const lastOfShape = new Map<string, readonly [string, Json]>();
	let neighbour: readonly [string, Json] | undefined;
	for (const [index, row] of after.rows.entries()) {
		const name = after.names[index] ?? '';
		const old = previous.get(name);
		const shape = shapeOf(row);
		const sameShape = lastOfShape.get(shape);
		const candidates = [neighbour, sameShape === neighbour ? undefined : sameShape].filter(
			(candidate) => candidate !== undefined,
		);
		const patch = old === undefined ? newRowPatch(row, candidates) : diffJson(old, row);
		if (patch !== undefined) {
			changed.push([name, patch]);
		}
		neighbour = [name, row];
		lastOfShape.set(shape, neighbour);
	}
	const order = orderOf(before.names, after.names);
	const by = field === 'id' ? {} : {by: field};
	if (changed.length === 0) {
		const [only, ...more] = order;
		const unchanged =
			more.length === 0 && Array.isArray(only) && only[0] === 0 && only[1] === before.rows.length;
		return unchanged ? undefined : {rows: order, ...by};
	}
	return {rows: order, changed: Object.fromEntries(changed), ...by};
}

function objectPatch(before: JsonObject, after: JsonObject): Patch | undefined {
	// Pairs, then Object.fromEntries: a key such as `__proto__` stays a key, not a prototype.
	const put: [string, Json][] = [];
	const changed: [string, Patch][] = [];
	const nextKeys = presentKeys(after);
	// Keys in the order `before` has them, then the new ones: what applying the patch rebuilds.
	const rebuilt: string[] = [];
	const added: string[] = [];
	for (const key of nextKeys) {
		const old = own(before, key);
		// From Object.keys: the value read is the object's own, even for `__proto__`.
		const now = after[key] ?? null;
		const patch = old === undefined ? {set: now} : diffJson(old, now);
		if (old === undefined) {
			added.push(key);
		}
		if (patch !== undefined && 'set' in patch) {
			put.push([key, patch.set]);
		} else if (patch !== undefined) {
			changed.push([key, patch]);
		}
	}
	const drop: string[] = [];
	for (const key of presentKeys(before)) {
		if (own(after, key) === undefined) {
			drop.push(key);
		} else {
			rebuilt.push(key);
		}
	}
	if (put.length === 0 && changed.length === 0 && drop.length === 0) {
		return undefined;
	}
	// Most of the object's values were replaced outright: the object says it shorter than a patch.
	if (changed.length === 0 && put.length > nextKeys.length / 2) {
		return {set: after};
	}
	rebuilt.push(...added);
	const inOrder = rebuilt.every((key, index) => nextKeys[index] === key);
	return {
		...(put.length === 0 ? {} : {put: Object.fromEntries(put)}),
		...(changed.length === 0 ? {} : {keys: Object.fromEntries(changed)}),
		...(drop.length === 0 ? {} : {drop}),
		...(inOrder ? {} : {order: nextKeys}),
	};
}

/** The change from `before` to `after`, or undefined when they hold the same JSON. */
export function diffJson(before: Json, after: Json): Patch | undefined {
	if (Object.is(before, after)) {
		return undefined;
	}
	if (Array.isArray(before) && Array.isArray(after)) {
		const field = namingField(after);
		const names = field === undefined ? undefined : rowNames(after, field);
		const oldNames =
			field === undefined || names === undefined ? undefined : rowNames(before, field);
		if (field !== undefined && names !== undefined && oldNames !== undefined) {
			return rowsPatch({rows: before, names: oldNames}, {rows: after, names}, field);
		}
		return sameJson(before, after) ? undefined : {set: after};
	}
	if (isObject(before) && isObject(after)) {
		return objectPatch(before, after);
	}
	return {set: after};
}
