// The shape of a `--record` delta line's patch: what changed between two snapshots as JSON
// (record-diff.ts makes it, record-patch.ts applies it).

export type Json = null | boolean | number | string | readonly Json[] | JsonObject;
export type JsonObject = {readonly [key: string]: Json};

/**
 * Where each row of the new list comes from: `[start, length]` a run of the old list's rows (in
 * their old order), or the name of a row that is new (its value is in `changed`).
 */
export type RowOrder = readonly (readonly [number, number] | string)[];

export type Patch =
	/** The new value, whole. */
	| {readonly set: Json}
	/**
	 * An object: the keys whose new values are written whole (`put`), the keys whose values
	 * changed in part (`keys`), the keys that are gone, and (when a new key does not simply come
	 * last) the order of all keys, so the object prints as it was recorded.
	 */
	| {
			readonly put?: {readonly [key: string]: Json};
			readonly keys?: {readonly [key: string]: Patch};
			readonly drop?: readonly string[];
			readonly order?: readonly string[];
	  }
	/**
	 * A list of rows each named by its field `by` (`id` when absent): their order, and the rows
	 * that are new or changed, by name.
	 */
	| {
			readonly rows: RowOrder;
			readonly changed?: {readonly [name: string]: Patch};
			readonly by?: string;
	  }
	/**
	 * A new row, as the row before it in the new list (named `like`) changed by `with`: rows next
	 * to each other (connections through one interface) share most of their fields.
	 */
	| {readonly like: string; readonly with: Patch};

export function isObject(value: unknown): value is JsonObject {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A key's own value: `__proto__` or `constructor` read from a plain object is not its data. */
export function own(value: JsonObject, key: string): Json | undefined {
	return Object.hasOwn(value, key) ? value[key] : undefined;
}

/** Keys JSON.stringify would write: an `undefined` value is no key at all. */
export function presentKeys(value: JsonObject): string[] {
	return Object.keys(value).filter((key) => value[key] !== undefined);
}

/** A row's name: the value of its naming field, as text. */
export function rowName(row: Json | undefined, field: string): string | undefined {
	const value = isObject(row) ? own(row, field) : undefined;
	return typeof value === 'string' || typeof value === 'number' ? String(value) : undefined;
}
