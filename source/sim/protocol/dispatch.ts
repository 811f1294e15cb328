// Routes one HTTP request to a service operation and renders the result or error in the caller's
// protocol: `X-Amz-Target` selects an AWS JSON service; otherwise the request is a query-protocol
// call whose service is named by the SigV4 credential scope and the `Version` parameter.
// Smithy RPCv2 CBOR (which newer CloudWatch clients can opt into) is not served: the SDK's default
// for CloudWatch is AWS JSON 1.0 and the AWS CLI uses awsQuery, and both are.
import type {IncomingHttpHeaders} from 'node:http';
import {type JsonObject, type SimContext, SimError} from '../context.js';
import type {FaultDecision, FaultInjector} from '../faults.js';
import {readAuthentication} from './auth.js';
import {type JsonVersion, jsonError, jsonSuccess} from './aws-json.js';
import {queryError, querySuccess} from './aws-query.js';
import {ec2Error, ec2Success} from './ec2-query.js';
import type {HttpResponse} from './http-response.js';
import {Params} from './params.js';
import {decodeQueryParameters} from './query-params.js';
import {pickQueryService} from './query-routing.js';
import type {JsonEndpoint, QueryService, RestRequest, RestService} from './service.js';
import {type ErrorStyle, type StandardErrorKind, standardError} from './standard-errors.js';

export type SimRequest = {
	readonly url: URL;
	readonly headers: IncomingHttpHeaders;
	readonly body: string;
	/** GET when absent (the JSON and query protocols are POSTs and do not care). */
	readonly method?: string;
};

export type DispatchResult =
	| {readonly kind: 'respond'; readonly response: HttpResponse; readonly latencyMs: number}
	| {readonly kind: 'drop'; readonly latencyMs: number};

export type Dispatcher = (request: SimRequest, requestId: string) => Promise<DispatchResult>;

export type DispatcherOptions = {
	readonly queryServices: readonly QueryService[];
	readonly jsonEndpoints: readonly JsonEndpoint[];
	/** REST services (S3), chosen by the request's signing name. */
	readonly restServices?: readonly RestService[];
	readonly context: SimContext;
	readonly faults: FaultInjector;
};

type Call = {
	readonly style: ErrorStyle;
	readonly throttlingCode?: string;
	readonly iamPrefix: string;
	readonly operation: string;
	readonly fail: (error: SimError) => HttpResponse;
	readonly run: () => Promise<HttpResponse>;
};

function headerValue(headers: IncomingHttpHeaders, name: string): string | undefined {
	const value = headers[name];
	return Array.isArray(value) ? value[0] : value;
}

/**
 * Clients spell some targets fully qualified and some by shape name alone: botocore sends
 * `com.amazonaws.cloudtrail.v20131101.CloudTrail_20131101.LookupEvents`, SDK v3 sends
 * `CloudTrail_20131101.LookupEvents`. AWS accepts both.
 */
function sameTargetPrefix(served: string, requested: string): boolean {
	return (
		served === requested || served.endsWith(`.${requested}`) || requested.endsWith(`.${served}`)
	);
}

function asSimError(error: unknown): SimError {
	if (error instanceof SimError) {
		return error;
	}
	const detail = error instanceof Error ? error.message : String(error);
	return new SimError(
		'InternalFailure',
		`The request processing has failed because of an unknown error, exception or failure. (sim: ${detail})`,
		500,
	);
}

export function createDispatcher(options: DispatcherOptions): Dispatcher {
	const {context, faults} = options;
	const callerArn = () => context.world.identity.arn;

	function standard(call: Call, kind: StandardErrorKind): SimError {
		return standardError(call.style, kind, {
			operation: call.operation,
			iamPrefix: call.iamPrefix,
			callerArn: callerArn(),
		});
	}

	function faultResponse(call: Call, decision: FaultDecision): HttpResponse | undefined {
		switch (decision.outcome) {
			case 'access-denied':
				return call.fail(standard(call, 'access-denied'));
			case 'throttle': {
				const error = standard(call, 'throttle');
				return call.fail(
					call.throttlingCode === undefined
						? error
						: new SimError(call.throttlingCode, error.message, error.httpStatus),
				);
			}
			case 'server-error':
				return call.fail(
					standard(call, decision.serverErrorStatus === 503 ? 'unavailable' : 'internal'),
				);
			default:
				return undefined;
		}
	}

	function jsonCall(target: string, request: SimRequest, requestId: string): Call {
		const dot = target.lastIndexOf('.');
		const prefix = target.slice(0, Math.max(dot, 0));
		const operationName = target.slice(dot + 1);
		const endpoint = options.jsonEndpoints.find((item) =>
			sameTargetPrefix(item.service.targetPrefix, prefix),
		);
		const contentType = headerValue(request.headers, 'content-type') ?? '';
		const version: JsonVersion =
			endpoint?.service.jsonVersion ?? (contentType.includes('1.0') ? '1.0' : '1.1');
		const shapes = endpoint?.queryCompatibleShapes;
		const throttlingCode = endpoint?.service.throttlingCode;
		const call: Call = {
			style: shapes === undefined ? 'json' : 'query',
			...(throttlingCode === undefined ? {} : {throttlingCode}),
			iamPrefix: endpoint?.iamPrefix ?? prefix,
			operation: operationName,
			fail: (error) => jsonError(version, error, requestId, shapes),
			run: async () => {
				const operations = endpoint?.service.operations ?? {};
				const operation = Object.hasOwn(operations, operationName)
					? operations[operationName]
					: undefined;
				if (operation === undefined) {
					throw standard(call, 'unknown-operation');
				}
				let input: unknown;
				try {
					input = request.body.trim() === '' ? {} : JSON.parse(request.body);
				} catch {
					throw standard(call, 'malformed-request');
				}
				if (typeof input !== 'object' || input === null || Array.isArray(input)) {
					throw standard(call, 'malformed-request');
				}
				context.advance();
				const output = await operation(input as JsonObject, context);
				return jsonSuccess(version, output ?? {}, requestId);
			},
		};
		return call;
	}

	function queryCall(request: SimRequest, requestId: string, scope: string | undefined): Call {
		const contentType = headerValue(request.headers, 'content-type') ?? '';
		const pairs: [string, string][] = [...request.url.searchParams.entries()];
		if (contentType === '' || contentType.includes('application/x-www-form-urlencoded')) {
			pairs.push(...new URLSearchParams(request.body).entries());
		}
		const action = pairs.find(([key]) => key === 'Action')?.[1] ?? '';
		const version = pairs.find(([key]) => key === 'Version')?.[1];
		const service = pickQueryService(options.queryServices, scope, version);
		const style = service?.style ?? 'query';
		const call: Call = {
			style,
			iamPrefix: service?.iamPrefix ?? scope ?? 'unknown',
			operation: action,
			fail: (error) =>
				style === 'ec2' ? ec2Error(error, requestId) : queryError(error, requestId),
			run: async () => {
				if (action === '') {
					throw standard(call, 'missing-action');
				}
				const operation =
					service !== undefined && Object.hasOwn(service.operations, action)
						? service.operations[action]
						: undefined;
				if (service === undefined || operation === undefined) {
					throw standard(call, 'unknown-operation');
				}
				const params = new Params(decodeQueryParameters(pairs), service.paramErrors);
				context.advance();
				const result = operation(params, context);
				return style === 'ec2'
					? ec2Success(service.xmlNamespace, action, result, requestId)
					: querySuccess(service.xmlNamespace, action, result, requestId);
			},
		};
		return call;
	}

	function restCall(service: RestService, request: RestRequest, requestId: string): Call {
		return {
			style: 's3',
			iamPrefix: service.iamPrefix,
			operation: service.operationOf(request),
			fail: (error) => service.fail(error, request, requestId),
			run: async () => {
				context.advance();
				return service.run(request, context, requestId);
			},
		};
	}

	return async (request, requestId) => {
		const authentication = readAuthentication(request.headers, request.url.searchParams);
		const target = headerValue(request.headers, 'x-amz-target');
		const rest =
			target === undefined
				? options.restServices?.find(
						(service) => service.signingName === authentication.scopeService,
					)
				: undefined;
		const call =
			rest !== undefined
				? restCall(
						rest,
						{
							method: request.method ?? 'GET',
							url: request.url,
							headers: request.headers,
							...(authentication.accessKeyId === undefined
								? {}
								: {accessKeyId: authentication.accessKeyId}),
						},
						requestId,
					)
				: target === undefined
					? queryCall(request, requestId, authentication.scopeService)
					: jsonCall(target, request, requestId);
		if (!authentication.present) {
			return {
				kind: 'respond',
				response: call.fail(standard(call, 'missing-authentication')),
				latencyMs: 0,
			};
		}
		const decision = faults.decide(call.iamPrefix, call.operation);
		if (decision.outcome === 'drop') {
			return {kind: 'drop', latencyMs: decision.latencyMs};
		}
		const faulted = faultResponse(call, decision);
		if (faulted !== undefined) {
			return {kind: 'respond', response: faulted, latencyMs: decision.latencyMs};
		}
		let response: HttpResponse;
		try {
			response = await call.run();
		} catch (error) {
			response = call.fail(asSimError(error));
		}
		return {kind: 'respond', response, latencyMs: decision.latencyMs};
	};
}
