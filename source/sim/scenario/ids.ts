// Ids a scenario file may leave out are derived from names, so the same file always gives the
// same world; and references are read ahead so they can be checked where they are written.
import {createRandom, hashSeed} from '../demo/prng.js';

export const hexId = {
	pattern: /^[0-9a-f]{16}$/,
	patternHint: '16 lowercase hex digits like "50dc6c495c0c9188"',
};

/** `<prefix>-0` + 16 hex digits, stable for the same parts. */
export function derivedId(prefix: string, ...parts: readonly string[]): string {
	return `${prefix}-0${createRandom(hashSeed(prefix, ...parts)).hex(16)}`;
}

/** The 16-hex-digit id at the end of an ELB ARN, stable for the same kind and name. */
export function derivedHexId(kind: string, name: string): string {
	return createRandom(hashSeed(kind, name)).hex(16);
}

/** The string values of `key` in the objects of a raw array (for checking references ahead). */
export function declaredIds(value: unknown, key: string): Set<string> {
	const ids = new Set<string>();
	if (Array.isArray(value)) {
		for (const item of value) {
			const id: unknown =
				typeof item === 'object' && item !== null ? Reflect.get(item, key) : undefined;
			if (typeof id === 'string') {
				ids.add(id);
			}
		}
	}
	return ids;
}
