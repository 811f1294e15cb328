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

/** The answer's whole body, from bytes or a stream; undefined for a body of any other kind. */
export async function bodyBytes(body: unknown): Promise<Buffer | undefined> {
	if (body instanceof Uint8Array) {
		return Buffer.from(body.buffer, body.byteOffset, body.byteLength);
	}

	if (!isRecord(body) || !(Symbol.asyncIterator in body)) {
		return undefined;
	}

	const chunks: Buffer[] = [];
	for await (const chunk of body as AsyncIterable<unknown>) {
		chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk)));
	}

	return Buffer.concat(chunks);
}

/** The answer says it is JSON (the JSON protocols' content types all name it). */
export function isJson(headers: unknown): boolean {
	return /json/i.test(header(headers, 'content-type') ?? '');
}
