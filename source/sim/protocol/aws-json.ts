// AWS JSON 1.0/1.1 responses. Errors carry `__type` and `message` in the body and the code in
// `x-amzn-errortype`; query-compatible services add `x-amzn-query-error: <code>;<fault>`, which the
// SDK prefers over `__type` to pick the exception class.
import type {JsonValue, SimError} from '../context.js';
import type {HttpResponse} from './http-response.js';

export type JsonVersion = '1.0' | '1.1';

function headers(version: JsonVersion, requestId: string): Record<string, string> {
	return {'content-type': `application/x-amz-json-${version}`, 'x-amzn-requestid': requestId};
}

export function jsonSuccess(
	version: JsonVersion,
	result: JsonValue,
	requestId: string,
): HttpResponse {
	return {status: 200, headers: headers(version, requestId), body: JSON.stringify(result)};
}

export function jsonError(
	version: JsonVersion,
	error: SimError,
	requestId: string,
	queryCompatibleShapes?: Readonly<Record<string, string>>,
): HttpResponse {
	const type = queryCompatibleShapes?.[error.code] ?? error.code;
	const errorHeaders: Record<string, string> = {
		...headers(version, requestId),
		'x-amzn-errortype': type,
	};
	if (queryCompatibleShapes !== undefined) {
		errorHeaders['x-amzn-query-error'] = `${error.code};${error.faultType}`;
	}
	return {
		status: error.httpStatus,
		headers: errorHeaders,
		body: JSON.stringify({__type: type, message: error.message}),
	};
}
