// The sim's own services, written once and served over awsQuery, EC2 query and (for CloudWatch)
// AWS JSON 1.0. Handlers read a `Params` and return a protocol-neutral result structure.
import type {IncomingHttpHeaders} from 'node:http';
import type {SimContext, SimError} from '../context.js';
import type {JsonService} from '../services/json-service.js';
import type {HttpResponse} from './http-response.js';
import type {ParamErrorCodes, Params} from './params.js';
import type {WireStruct} from './wire.js';

export type WireOperation = (params: Params, context: SimContext) => WireStruct;

export type QueryStyle = 'query' | 'ec2';

export type QueryService = {
	readonly style: QueryStyle;
	/** SigV4 signing name (the credential scope's service), e.g. `elasticloadbalancing`. */
	readonly signingName: string;
	/** IAM action prefix, e.g. `elasticloadbalancing`, `cloudwatch` (signing name `monitoring`). */
	readonly iamPrefix: string;
	readonly version: string;
	readonly xmlNamespace: string;
	readonly paramErrors: ParamErrorCodes;
	readonly operations: Readonly<Record<string, WireOperation>>;
};

/** A JSON service as the router sees it; query-compatible services also name their query codes. */
export type JsonEndpoint = {
	readonly service: JsonService;
	readonly iamPrefix: string;
	/**
	 * For `awsQueryCompatible` services (CloudWatch): handlers throw query error codes; the JSON
	 * `__type` is the modelled shape name, and `x-amzn-query-error` carries `<code>;<Sender|Receiver>`.
	 */
	readonly queryCompatibleShapes?: Readonly<Record<string, string>>;
};

export function iamPrefixOf(signingName: string): string {
	return signingName === 'monitoring' ? 'cloudwatch' : signingName;
}

/** A request as a REST service reads it (S3: path-style `/{Bucket}/{Key+}`). */
export type RestRequest = {
	readonly method: string;
	readonly url: URL;
	readonly headers: IncomingHttpHeaders;
	/** The access key id the request was signed with, when it was signed. */
	readonly accessKeyId?: string;
};

/** A REST service (S3): it names each request's operation, answers it, and spells its errors. */
export type RestService = {
	/** SigV4 signing name, e.g. `s3`. */
	readonly signingName: string;
	readonly iamPrefix: string;
	readonly operationOf: (request: RestRequest) => string;
	readonly run: (
		request: RestRequest,
		context: SimContext,
		requestId: string,
	) => HttpResponse | Promise<HttpResponse>;
	readonly fail: (error: SimError, request: RestRequest, requestId: string) => HttpResponse;
};
