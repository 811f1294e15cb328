// The sim's HTTP endpoint: one node:http server on loopback that speaks the AWS wire protocols the
// SDK clients and the AWS CLI use, so lbtop reaches it exactly the way it reaches AWS.
import {randomUUID} from 'node:crypto';
import {createServer, type IncomingMessage, type ServerResponse} from 'node:http';
import type {AddressInfo} from 'node:net';
import type {SimClock, SimContext} from './context.js';
import {createFaultInjector, type FaultConfig, type FaultInjector} from './faults.js';
import {createDispatcher} from './protocol/dispatch.js';
import type {HttpResponse} from './protocol/http-response.js';
import {iamPrefixOf, type JsonEndpoint, type RestService} from './protocol/service.js';
import {cloudWatchJsonEndpoint, cloudWatchQueryService} from './services/cloudwatch/index.js';
import {ec2Service} from './services/ec2/index.js';
import {elbv2Service} from './services/elbv2/index.js';
import type {JsonService} from './services/json-service.js';
import {stsService} from './services/sts/index.js';
import type {World} from './world/types.js';

export type SimOptions = {
	readonly host?: string;
	/** 0 (the default) picks a free port. */
	readonly port?: number;
	readonly world: World;
	readonly clock?: SimClock;
	/** Called before each operation so a driven world can catch up to `clock.now()`. */
	readonly advance?: () => void;
	readonly faults?: FaultConfig;
	/** AWS JSON services implemented elsewhere (CloudWatch Logs, CloudTrail, Athena, Glue). */
	readonly jsonServices?: readonly JsonService[];
	/** REST services (S3), routed by the signing name of the request. */
	readonly restServices?: readonly RestService[];
};

export type RunningSim = {
	readonly url: string;
	readonly port: number;
	readonly faults: FaultInjector;
	close(): Promise<void>;
};

// Far above any request lbtop or the CLI sends; stops a runaway client from filling memory.
const maxBodyBytes = 16 * 1024 * 1024;

class BodyTooLargeError extends Error {}

async function readBody(request: IncomingMessage): Promise<string> {
	const chunks: Buffer[] = [];
	let size = 0;
	for await (const chunk of request) {
		const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
		size += buffer.byteLength;
		if (size > maxBodyBytes) {
			throw new BodyTooLargeError();
		}
		chunks.push(buffer);
	}
	return Buffer.concat(chunks).toString('utf8');
}

function send(response: ServerResponse, {status, headers, body}: HttpResponse): void {
	const length = typeof body === 'string' ? Buffer.byteLength(body) : body.byteLength;
	response.writeHead(status, {'content-length': String(length), ...headers});
	response.end(body);
}

function delay(ms: number): Promise<void> {
	return ms > 0 ? new Promise((resolve) => setTimeout(resolve, ms)) : Promise.resolve();
}

function formatUrl(host: string, port: number): string {
	return host.includes(':') ? `http://[${host}]:${port}` : `http://${host}:${port}`;
}

export async function startSim(options: SimOptions): Promise<RunningSim> {
	const host = options.host ?? '127.0.0.1';
	const context: SimContext = {
		world: options.world,
		clock: options.clock ?? {now: () => Date.now()},
		advance: options.advance ?? (() => undefined),
	};
	const faults = createFaultInjector(options.faults);
	const external: JsonEndpoint[] = (options.jsonServices ?? []).map((service) => ({
		service,
		iamPrefix: iamPrefixOf(service.signingName),
	}));
	const dispatch = createDispatcher({
		queryServices: [elbv2Service, ec2Service, stsService, cloudWatchQueryService],
		jsonEndpoints: [cloudWatchJsonEndpoint, ...external],
		restServices: options.restServices ?? [],
		context,
		faults,
	});

	const server = createServer((request, response) => {
		const handle = async () => {
			const requestId = randomUUID();
			let body: string;
			try {
				body = await readBody(request);
			} catch (error) {
				const status = error instanceof BodyTooLargeError ? 413 : 400;
				send(response, {status, headers: {'x-amzn-requestid': requestId}, body: ''});
				return;
			}
			const url = new URL(request.url ?? '/', 'http://sim.invalid');
			const result = await dispatch(
				{url, headers: request.headers, body, method: request.method ?? 'GET'},
				requestId,
			);
			await delay(result.latencyMs);
			if (result.kind === 'drop') {
				request.socket.destroy();
				return;
			}
			// A HEAD answer carries the object's length but never its bytes.
			send(response, request.method === 'HEAD' ? {...result.response, body: ''} : result.response);
		};
		handle().catch(() => {
			// Only a broken socket gets here (the dispatcher answers every failure itself).
			request.socket.destroy();
		});
	});

	// The SDK reuses an idle connection for its next call. Closing one after Node's default of 5 s
	// races the polls that come every few seconds, and the call that loses gets a reset: keep it
	// open two minutes, longer than lbtop's slowest poll (CloudTrail's and the alarms', a minute).
	server.keepAliveTimeout = 120_000;

	await new Promise<void>((resolve, reject) => {
		server.once('error', reject);
		server.listen(options.port ?? 0, host, () => {
			server.off('error', reject);
			resolve();
		});
	});
	const {port} = server.address() as AddressInfo;
	return {
		url: formatUrl(host, port),
		port,
		faults,
		close: () =>
			new Promise<void>((resolve, reject) => {
				server.close((error) => (error === undefined ? resolve() : reject(error)));
				server.closeAllConnections();
			}),
	};
}
