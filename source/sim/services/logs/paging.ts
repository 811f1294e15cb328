// Opaque paging tokens: base64url JSON, so a client can only echo them back, and a position keyed
// by name/timestamp rather than by index stays valid while the driven world keeps appending.
import {SimError} from '../../context.js';

export function encodeToken(value: unknown): string {
	return Buffer.from(JSON.stringify(value), 'utf8').toString('base64url');
}

export function decodeToken(token: string, errorCode = 'InvalidParameterException'): unknown {
	try {
		return JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
	} catch {
		throw new SimError(errorCode, 'The specified nextToken is invalid.');
	}
}

export type Page<T> = {readonly items: readonly T[]; readonly nextToken?: string};

/** Pages items by ascending key; the token names the last key already returned. */
export function pageByName<T>(
	items: readonly T[],
	keyOf: (item: T) => string,
	limit: number,
	nextToken: string | undefined,
): Page<T> {
	let after: string | undefined;
	if (nextToken !== undefined) {
		const decoded = decodeToken(nextToken);
		if (typeof decoded !== 'string') {
			throw new SimError('InvalidParameterException', 'The specified nextToken is invalid.');
		}
		after = decoded;
	}
	const sorted = [...items].sort((left, right) => compareStrings(keyOf(left), keyOf(right)));
	const remaining =
		after === undefined ? sorted : sorted.filter((item) => compareStrings(keyOf(item), after) > 0);
	return pageOf(remaining, limit, keyOf);
}

/** The first `limit` items, with a token naming the last one when more remain. */
export function pageOf<T>(
	remaining: readonly T[],
	limit: number,
	keyOf: (item: T) => unknown,
): Page<T> {
	const items = remaining.slice(0, limit);
	const last = items.at(-1);
	if (remaining.length <= limit || last === undefined) return {items};
	return {items, nextToken: encodeToken(keyOf(last))};
}

export function compareStrings(left: string, right: string): number {
	if (left < right) return -1;
	return left > right ? 1 : 0;
}
