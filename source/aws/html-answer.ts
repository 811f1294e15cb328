// A proxy's error page or a wrong `--endpoint-url` answers with HTML. The SDK would read it as
// its protocol: an XML service finds no fields in it (an "empty" answer: no load balancer, an
// unknown account), a JSON one fails with "SyntaxError: Unexpected token '<' … Deserialization
// error". Seen before the SDK parses it, it is named for what it is: a web page, from where.
import type {
	AbsoluteLocation,
	DeserializeHandlerOptions,
	DeserializeMiddleware,
	MetadataBearer,
	MiddlewareStack,
} from '@smithy/types';
import {sanitizeText} from '../domain/sanitize.js';
import {header, isRecord} from './raw-answer.js';

export class HtmlAnswerError extends Error {
	constructor(
		readonly status: number | undefined,
		readonly url: string,
		readonly title: string | undefined,
	) {
		const what = title === undefined ? 'an HTML page' : `an HTML page ("${title}")`;
		const code = status === undefined ? '' : `HTTP ${status}, `;
		super(`the endpoint answered with ${what} (${code}from ${url}), not an AWS answer`);
		this.name = 'HtmlAnswer';
	}
}

/** Where the request went, without its query string. */
function requestUrl(request: unknown): string {
	if (!isRecord(request)) {
		return 'the endpoint';
	}
	const {protocol, hostname, port, path} = request;
	const scheme = typeof protocol === 'string' ? protocol.replace(/:?$/, ':') : 'https:';
	const host = typeof hostname === 'string' ? hostname : '?';
	const portPart = typeof port === 'number' ? `:${port}` : '';
	const pathPart = typeof path === 'string' ? path : '/';
	return sanitizeText(`${scheme}//${host}${portPart}${pathPart}`, 200);
}

const pageBytes = 16_384;

/** The first bytes of the page, enough for its title; the rest is not waited for. */
async function pageStart(body: unknown): Promise<string> {
	if (!isRecord(body) || !(Symbol.asyncIterator in body)) {
		return '';
	}
	const chunks: Buffer[] = [];
	let size = 0;
	try {
		for await (const chunk of body as AsyncIterable<unknown>) {
			const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
			chunks.push(buffer);
			size += buffer.length;
			if (size >= pageBytes) {
				break;
			}
		}
	} catch {
		// What arrived is enough to name the page; a broken stream does not change the diagnosis.
	}
	return Buffer.concat(chunks).subarray(0, pageBytes).toString('utf8');
}

function pageTitle(page: string): string | undefined {
	const found = /<title[^>]*>([^<]*)<\/title>/i.exec(page) ?? /<h1[^>]*>([^<]*)<\/h1>/i.exec(page);
	const title = sanitizeText(found?.[1]?.trim() ?? '', 80);
	return title === '' ? undefined : title;
}

/** Sits next to the wire (the innermost deserialize step), so it sees the raw HTTP answer. */
function htmlAnswerCheck<
	Input extends object,
	Output extends MetadataBearer,
>(): DeserializeMiddleware<Input, Output> {
	return (next) => async (args) => {
		const answer = await next(args);
		const response: unknown = answer.response;
		const type = isRecord(response) ? header(response.headers, 'content-type') : undefined;
		if (type === undefined || !/html/i.test(type) || !isRecord(response)) {
			return answer;
		}
		const status = typeof response.statusCode === 'number' ? response.statusCode : undefined;
		const title = pageTitle(await pageStart(response.body));
		throw new HtmlAnswerError(status, requestUrl(args.request), title);
	};
}

const options: DeserializeHandlerOptions & AbsoluteLocation = {
	step: 'deserialize',
	name: 'lbtopHtmlAnswerCheck',
	priority: 'low',
};

/** An HTML page where an AWS answer belongs is named as such, before the SDK misreads it. */
export function namingHtmlAnswers<Input extends object, Output extends MetadataBearer>(client: {
	readonly middlewareStack: MiddlewareStack<Input, Output>;
}): void {
	client.middlewareStack.add(htmlAnswerCheck<Input, Output>(), options);
}
