// The ALB's `"request"` field: `METHOD scheme://host:port/path?query HTTP/version`. Query strings
// carry session tokens and signed-URL keys, so lbtop keeps the path and only marks that a query
// existed, unless the user asked to see queries. A malformed request is logged as `- - -`.
import type {RequestRecord} from '../types/access-log-records.js';
import {clean} from './values.js';

export type RequestLine = Pick<
	RequestRecord,
	'method' | 'scheme' | 'host' | 'port' | 'path' | 'hasQuery' | 'query' | 'httpVersion'
>;

const maxPathLength = 1024;
const schemeName = /^[A-Za-z][A-Za-z0-9+.-]{0,15}$/;

type Mutable<T> = {-readonly [Key in keyof T]: T[Key]};

// Read once per log entry: plain index arithmetic, no intermediate arrays or spread objects.
export function readRequestLine(text: string, keepQuery: boolean): RequestLine {
	const line: Mutable<RequestLine> = {hasQuery: false};
	const trimmed = text.trimEnd();
	const first = trimmed.indexOf(' ');
	const last = trimmed.lastIndexOf(' ');
	const method = first === -1 ? trimmed : trimmed.slice(0, first);
	if (method !== '-' && method !== '') {
		line.method = clean(method, 32);
	}

	if (first === -1) {
		return line;
	}

	const url = last === first ? trimmed.slice(first + 1) : trimmed.slice(first + 1, last);
	if (last !== first) {
		const version = trimmed.slice(last + 1);
		if (version !== '-' && version !== '') {
			line.httpVersion = clean(version, 32);
		}
	}

	readUrl(url.trim(), keepQuery, line);
	return line;
}

function readUrl(url: string, keepQuery: boolean, line: Mutable<RequestLine>): void {
	if (url === '-' || url === '') {
		return;
	}

	const separator = url.indexOf('://');
	const hasScheme = separator > 0 && schemeName.test(url.slice(0, separator));
	let rest = url;
	if (hasScheme) {
		line.scheme = url.slice(0, separator).toLowerCase();
		const authorityEnd = firstOf(url, separator + 3);
		readAuthority(url.slice(separator + 3, authorityEnd), line);
		rest = url.slice(authorityEnd);
	}

	const queryAt = rest.indexOf('?');
	const path = queryAt === -1 ? rest : rest.slice(0, queryAt);
	if (path !== '') {
		line.path = clean(path, maxPathLength);
	}

	line.hasQuery = queryAt !== -1;
	if (keepQuery && queryAt !== -1) {
		line.query = clean(rest.slice(queryAt + 1), maxPathLength);
	}
}

/** Where the authority ends: the first `/`, `?` or `#` after `start`. */
function firstOf(url: string, start: number): number {
	for (let index = start; index < url.length; index++) {
		const char = url[index];
		if (char === '/' || char === '?' || char === '#') {
			return index;
		}
	}

	return url.length;
}

function readAuthority(authority: string, line: Mutable<RequestLine>): void {
	const match = /^(\[[^\]]*\]|[^:]*)(?::(\d{1,5}))?$/.exec(authority);
	const host = match === null ? authority : (match[1] ?? '');
	if (host !== '') {
		line.host = clean(host, 255);
	}

	if (match?.[2] !== undefined) {
		line.port = Number(match[2]);
	}
}

/** A URL with its query replaced by `?…` unless queries are shown (redirect_url). */
export function withoutQuery(url: string, keepQuery: boolean): string {
	const queryAt = url.indexOf('?');
	return keepQuery || queryAt === -1 ? url : `${url.slice(0, queryAt)}?…`;
}

/** "GET /api/orders?…": what a request line shows, the query hidden or shown as read. */
export function requestText(request: {
	readonly method?: string | undefined;
	readonly path?: string | undefined;
	readonly hasQuery: boolean;
	readonly query?: string | undefined;
}): string {
	const query = request.hasQuery ? `?${request.query ?? '…'}` : '';
	return `${request.method ?? '-'} ${request.path ?? '-'}${query}`;
}
