// Reading an HTTP answer before the SDK does (middlewares next to the wire): its headers arrive as a
// plain record whose names may be in any case.

export function isRecord(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null;
}

/** A header's value, its name matched without regard to case. */
export function header(headers: unknown, name: string): string | undefined {
	if (!isRecord(headers)) {
		return undefined;
	}
	for (const [key, value] of Object.entries(headers)) {
		if (key.toLowerCase() === name && typeof value === 'string') {
			return value;
		}
	}
	return undefined;
}
