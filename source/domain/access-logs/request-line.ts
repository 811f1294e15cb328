// The ALB's `"request"` field: `METHOD scheme://host:port/path?query HTTP/version`. Query strings
// carry session tokens and signed-URL keys, so lbtop keeps the path and only marks that a query
// existed, unless the user asked to see queries. A malformed request is logged as `- - -`.
import {sanitizeText} from '../sanitize.js';
import type {RequestRecord} from '../types/access-log-records.js';

export type RequestLine = Pick<
	RequestRecord,
	'method' | 'scheme' | 'host' | 'port' | 'path' | 'hasQuery' | 'query' | 'httpVersion'
>;

const absoluteUrl = /^([A-Za-z][A-Za-z0-9+.-]*):\/\/([^/?#]*)(.*)$/;
const maxPathLength = 1024;

export function readRequestLine(text: string, keepQuery: boolean): RequestLine {
	const parts = text.split(' ').filter((part) => part !== '');
	const method = word(parts[0]);
	const httpVersion = parts.length >= 3 ? word(parts.at(-1)) : undefined;
	const url = parts.length >= 3 ? parts.slice(1, -1).join(' ') : (parts[1] ?? '-');
	return {
		...(method === undefined ? {} : {method}),
		...readUrl(url, keepQuery),
		...(httpVersion === undefined ? {} : {httpVersion}),
	};
}

function word(text: string | undefined): string | undefined {
	return text === undefined || text === '-' ? undefined : sanitizeText(text, 32);
}

type UrlParts = Omit<RequestLine, 'method' | 'httpVersion'>;

function readUrl(url: string, keepQuery: boolean): UrlParts {
	if (url === '-' || url === '') {
		return {hasQuery: false};
	}

	const match = absoluteUrl.exec(url);
	const rest = match === null ? url : (match[3] ?? '');
	const authority = match === null ? undefined : authorityOf(match[2] ?? '');
	const queryAt = rest.indexOf('?');
	const path = queryAt === -1 ? rest : rest.slice(0, queryAt);
	const query = queryAt === -1 ? undefined : rest.slice(queryAt + 1);
	return {
		...(match?.[1] === undefined ? {} : {scheme: sanitizeText(match[1].toLowerCase(), 16)}),
		...authority,
		...(path === '' ? {} : {path: sanitizeText(path, maxPathLength)}),
		hasQuery: query !== undefined,
		...(keepQuery && query !== undefined ? {query: sanitizeText(query, maxPathLength)} : {}),
	};
}

function authorityOf(authority: string): {host?: string; port?: number} {
	const match = /^(\[[^\]]*\]|[^:]*)(?::(\d{1,5}))?$/.exec(authority);
	if (match === null) {
		return authority === '' ? {} : {host: sanitizeText(authority, 255)};
	}

	const host = match[1] ?? '';
	return {
		...(host === '' ? {} : {host: sanitizeText(host, 255)}),
		...(match[2] === undefined ? {} : {port: Number(match[2])}),
	};
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
