// Safe reads from parsed CloudTrail JSON: the record's shape varies by service, API version and
// event, so every read is checked and a missing or odd value reads as absent, never as a throw.

export type JsonRecord = Readonly<Record<string, unknown>>;

export function isRecord(value: unknown): value is JsonRecord {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function parseJsonRecord(text: string): JsonRecord | undefined {
	try {
		const value: unknown = JSON.parse(text);
		return isRecord(value) ? value : undefined;
	} catch {
		return undefined;
	}
}

export function recordAt(record: JsonRecord | undefined, key: string): JsonRecord | undefined {
	const value = record?.[key];
	return isRecord(value) ? value : undefined;
}

export function stringAt(record: JsonRecord | undefined, key: string): string | undefined {
	const value = record?.[key];
	if (typeof value === 'string' && value !== '') {
		return value;
	}

	return typeof value === 'number' || typeof value === 'boolean' ? String(value) : undefined;
}

export function numberAt(record: JsonRecord | undefined, key: string): number | undefined {
	const value = record?.[key];
	if (typeof value === 'number' && Number.isFinite(value)) {
		return value;
	}

	if (typeof value === 'string' && /^-?\d+$/.test(value)) {
		return Number(value);
	}

	return undefined;
}

export function booleanAt(record: JsonRecord | undefined, key: string): boolean | undefined {
	const value = record?.[key];
	if (typeof value === 'boolean') {
		return value;
	}

	return value === 'true' ? true : value === 'false' ? false : undefined;
}

/**
 * EC2 records wrap lists as `{"items": [...]}` (an empty list is `{}`); ELB records use plain
 * arrays. Both forms are accepted so either service reads the same way.
 */
export function listAt(record: JsonRecord | undefined, key: string): readonly unknown[] {
	const value = record?.[key];
	if (Array.isArray(value)) {
		return value;
	}

	const items = isRecord(value) ? value.items : undefined;
	return Array.isArray(items) ? items : [];
}

export function recordsAt(record: JsonRecord | undefined, key: string): readonly JsonRecord[] {
	return listAt(record, key).filter((item) => isRecord(item));
}

export function stringsAt(record: JsonRecord | undefined, key: string): readonly string[] {
	return listAt(record, key).filter((item): item is string => typeof item === 'string');
}
