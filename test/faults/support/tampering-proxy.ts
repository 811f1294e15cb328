// A man in the middle between lbtop and the sim, for faults the sim's injector cannot produce:
// expired credentials, bodies that are not what the protocol promises (garbage, cut short, an
// HTML page from a corporate proxy) and hostile error codes. Requests it leaves alone are
// forwarded unchanged; both sides run on loopback.
import {createServer, request as httpRequest, type IncomingMessage} from 'node:http';
import type {AddressInfo} from 'node:net';
import {SimError} from '../../../source/sim/context.js';
import {type JsonVersion, jsonError} from '../../../source/sim/protocol/aws-json.js';
import {queryError} from '../../../source/sim/protocol/aws-query.js';
import {ec2Error} from '../../../source/sim/protocol/ec2-query.js';
import type {HttpResponse} from '../../../source/sim/protocol/http-response.js';
import type {ErrorStyle} from '../../../source/sim/protocol/standard-errors.js';
import {cloudWatchJsonEndpoint} from '../../../source/sim/services/cloudwatch/index.js';
import type {Endpoint} from './fault-rig.js';

export type Intercepted = {
	/** e.g. `DescribeLoadBalancers`, `StartQuery`. */
	readonly operation: string;
	readonly style: ErrorStyle;
	readonly jsonVersion: JsonVersion;
	/** CloudWatch's JSON protocol also names its errors the awsQuery way. */
	readonly queryCompatible: boolean;
};

export type Tampering = (
	| {readonly kind: 'respond'; readonly response: HttpResponse}
	/** Never answers: the connection stays open until lbtop gives up or the proxy closes. */
	| {readonly kind: 'hang'}
	/** Forwards the request, so the sim carries it out, and closes the connection unanswered. */
	| {readonly kind: 'lose'}
	/** Forwards the request; the sim's answer is changed (or, without `body`, only held back). */
	| {readonly kind: 'forward'; readonly body?: (upstream: string) => string}
) & {
	/** Holds the answer back this long: the request has reached the sim, its answer has not come. */
	readonly delayMs?: number;
};

export type Tamper = (request: Intercepted) => Tampering | undefined;

export type TamperingProxy = Endpoint & {
	set(tamper: Tamper | undefined): void;
	/** Requests answered or rewritten by the tamper so far. */
	tampered(): number;
};

const ec2Version = '2016-11-15';

function headerValue(request: IncomingMessage, name: string): string | undefined {
	const value = request.headers[name];
	return Array.isArray(value) ? value[0] : value;
}

function intercepted(request: IncomingMessage, body: string): Intercepted {
	const target = headerValue(request, 'x-amz-target');
	const contentType = headerValue(request, 'content-type') ?? '';
	if (target !== undefined) {
		const dot = target.lastIndexOf('.');
		return {
			operation: target.slice(dot + 1),
			style: 'json',
			jsonVersion: contentType.includes('1.0') ? '1.0' : '1.1',
			queryCompatible: target.startsWith(cloudWatchJsonEndpoint.service.targetPrefix),
		};
	}
	const form = new URLSearchParams(body);
	return {
		operation: form.get('Action') ?? '',
		style: form.get('Version') === ec2Version ? 'ec2' : 'query',
		jsonVersion: '1.1',
		queryCompatible: false,
	};
}

/** An error in the caller's own protocol, as AWS would spell it. */
export function protocolError(request: Intercepted, error: SimError): HttpResponse {
	const requestId = '00000000-0000-4000-8000-000000000000';
	if (request.style === 'json') {
		return jsonError(
			request.jsonVersion,
			error,
			requestId,
			request.queryCompatible ? cloudWatchJsonEndpoint.queryCompatibleShapes : undefined,
		);
	}
	return request.style === 'ec2' ? ec2Error(error, requestId) : queryError(error, requestId);
}

const expiredMessage = 'The security token included in the request is expired';

/** What AWS answers once a session's temporary credentials have expired. */
export function expiredToken(request: Intercepted): HttpResponse {
	const error =
		request.style === 'json'
			? new SimError('ExpiredTokenException', expiredMessage, 400)
			: request.style === 'ec2'
				? new SimError('RequestExpired', expiredMessage, 400)
				: new SimError('ExpiredToken', expiredMessage, 403);
	return protocolError(request, error);
}

async function readAll(stream: NodeJS.ReadableStream): Promise<string> {
	const chunks: Buffer[] = [];
	for await (const chunk of stream) {
		chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk)));
	}
	return Buffer.concat(chunks).toString('utf8');
}

type Upstream = {readonly status: number; readonly headers: Record<string, string>; body: string};

function forward(upstream: URL, request: IncomingMessage, body: string): Promise<Upstream> {
	return new Promise((resolve, reject) => {
		const outgoing = httpRequest(
			{
				host: upstream.hostname,
				port: upstream.port,
				method: request.method,
				path: request.url,
				headers: {...request.headers, host: upstream.host},
			},
			(response) => {
				readAll(response).then((text) => {
					const headers: Record<string, string> = {};
					for (const [name, value] of Object.entries(response.headers)) {
						if (typeof value === 'string') {
							headers[name] = value;
						}
					}
					resolve({status: response.statusCode ?? 502, headers, body: text});
				}, reject);
			},
		);
		outgoing.on('error', reject);
		outgoing.end(body);
	});
}

export async function startTamperingProxy(upstreamUrl: string): Promise<TamperingProxy> {
	const upstream = new URL(upstreamUrl);
	let tamper: Tamper | undefined;
	let tampered = 0;
	const server = createServer((request, response) => {
		const handle = async () => {
			const body = await readAll(request);
			const tampering = tamper?.(intercepted(request, body));
			if (tampering !== undefined) {
				tampered += 1;
			}
			if (tampering?.kind === 'hang') {
				return;
			}
			let answer: HttpResponse;
			if (tampering?.kind === 'lose') {
				await forward(upstream, request, body);
				request.socket.destroy();
				return;
			}
			if (tampering?.kind === 'respond') {
				answer = tampering.response;
			} else {
				const forwarded = await forward(upstream, request, body);
				answer = {
					status: forwarded.status,
					headers: forwarded.headers,
					body: tampering?.body === undefined ? forwarded.body : tampering.body(forwarded.body),
				};
			}
			if (tampering?.delayMs !== undefined) {
				await new Promise((resolve) => {
					setTimeout(resolve, tampering.delayMs);
				});
			}
			// The body may have changed length: it is sent whole, with its own length.
			const {'transfer-encoding': _chunked, ...headers} = answer.headers;
			response.writeHead(answer.status, {
				...headers,
				'content-length': String(Buffer.byteLength(answer.body)),
			});
			response.end(answer.body);
		};
		handle().catch(() => {
			request.socket.destroy();
		});
	});
	await new Promise<void>((resolve) => {
		server.listen(0, '127.0.0.1', resolve);
	});
	const {port} = server.address() as AddressInfo;
	return {
		url: `http://127.0.0.1:${port}`,
		set(next) {
			tamper = next;
		},
		tampered: () => tampered,
		close: () =>
			new Promise<void>((resolve, reject) => {
				server.close((error) => (error === undefined ? resolve() : reject(error)));
				server.closeAllConnections();
			}),
	};
}
