// Offset paging behind opaque tokens, shared by every paginated operation (Marker, NextToken).
import type {SimError} from '../context.js';

export type Page<T> = {readonly items: readonly T[]; readonly nextToken?: string};

const tokenPrefix = 'lbtop-sim:';

function encode(offset: number): string {
	return Buffer.from(`${tokenPrefix}${offset}`).toString('base64');
}

function decode(token: string): number | undefined {
	const text = Buffer.from(token, 'base64').toString('utf8');
	if (!text.startsWith(tokenPrefix)) {
		return undefined;
	}
	const offset = Number(text.slice(tokenPrefix.length));
	return Number.isInteger(offset) && offset >= 0 ? offset : undefined;
}

export function pageOf<T>(
	items: readonly T[],
	token: string | undefined,
	size: number | undefined,
	invalidToken: () => SimError,
): Page<T> {
	const offset = token === undefined || token === '' ? 0 : decode(token);
	if (offset === undefined) {
		throw invalidToken();
	}
	const end = size === undefined ? items.length : offset + size;
	const slice = items.slice(offset, end);
	return end < items.length ? {items: slice, nextToken: encode(end)} : {items: slice};
}
