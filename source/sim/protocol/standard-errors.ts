// Errors the endpoint itself raises (before or instead of a handler), spelled per protocol the way
// AWS spells them: the same situation has different codes and statuses in JSON, awsQuery and EC2.
import {SimError} from '../context.js';

export type ErrorStyle = 'json' | 'query' | 'ec2' | 's3';

export type StandardErrorKind =
	| 'throttle'
	| 'internal'
	| 'unavailable'
	| 'access-denied'
	| 'unknown-operation'
	| 'missing-authentication'
	| 'malformed-request'
	| 'missing-action';

export type StandardErrorDetail = {
	readonly operation: string;
	/** e.g. `elasticloadbalancing`; names the IAM action in access-denied messages. */
	readonly iamPrefix: string;
	readonly callerArn: string;
};

type Spelling = readonly [code: string, status: number, message: string];

function deniedMessage({operation, iamPrefix, callerArn}: StandardErrorDetail): string {
	const action = `${iamPrefix}:${operation}`;
	return `User: ${callerArn} is not authorized to perform: ${action} because no identity-based policy allows the ${action} action`;
}

/** S3 (REST-XML) spells the same situations its own way, and says less about who was denied. */
function s3Spelling(kind: StandardErrorKind): Spelling {
	switch (kind) {
		case 'throttle':
			return ['SlowDown', 503, 'Please reduce your request rate.'];
		case 'internal':
			return ['InternalError', 500, 'We encountered an internal error. Please try again.'];
		case 'unavailable':
			return ['ServiceUnavailable', 503, 'Service is unable to handle request.'];
		case 'access-denied':
		case 'missing-authentication':
			return ['AccessDenied', 403, 'Access Denied'];
		case 'unknown-operation':
			return [
				'NotImplemented',
				501,
				'A header you provided implies functionality that is not implemented',
			];
		case 'malformed-request':
		case 'missing-action':
			return ['InvalidRequest', 400, 'Invalid Request'];
	}
}

function spelling(
	style: ErrorStyle,
	kind: StandardErrorKind,
	detail: StandardErrorDetail,
): Spelling {
	if (style === 's3') {
		return s3Spelling(kind);
	}
	const unknownAction = `The action ${detail.operation} is not valid for this web service.`;
	const internalMessage =
		'The request processing has failed because of an unknown error, exception or failure.';
	switch (kind) {
		case 'throttle':
			return style === 'ec2'
				? ['RequestLimitExceeded', 503, 'Request limit exceeded.']
				: [style === 'json' ? 'ThrottlingException' : 'Throttling', 400, 'Rate exceeded'];
		case 'internal':
			return style === 'ec2'
				? ['InternalError', 500, 'An internal error has occurred']
				: ['InternalFailure', 500, internalMessage];
		case 'unavailable':
			if (style === 'ec2') {
				return ['Unavailable', 503, "The server is overloaded and can't handle the request."];
			}
			return [
				style === 'json' ? 'ServiceUnavailableException' : 'ServiceUnavailable',
				503,
				'Service is unable to handle request.',
			];
		case 'access-denied':
			if (style === 'ec2') {
				return [
					'UnauthorizedOperation',
					403,
					`You are not authorized to perform this operation. ${deniedMessage(detail)}`,
				];
			}
			return style === 'json'
				? ['AccessDeniedException', 400, deniedMessage(detail)]
				: ['AccessDenied', 403, deniedMessage(detail)];
		case 'unknown-operation':
			return style === 'json'
				? ['UnknownOperationException', 400, `Unknown operation ${detail.operation}`]
				: ['InvalidAction', 400, unknownAction];
		case 'missing-authentication':
			if (style === 'ec2') {
				return [
					'MissingAuthenticationToken',
					401,
					'The request must contain either a valid (registered) AWS access key ID or X.509 certificate.',
				];
			}
			return style === 'json'
				? ['MissingAuthenticationTokenException', 400, 'Missing Authentication Token']
				: ['MissingAuthenticationToken', 403, 'Request is missing Authentication Token'];
		case 'malformed-request':
			return style === 'json'
				? ['SerializationException', 400, 'The request body is not valid JSON']
				: ['MalformedQueryString', 400, 'The query string is malformed'];
		case 'missing-action':
			return ['MissingAction', 400, 'The request must contain the parameter Action'];
	}
}

export function standardError(
	style: ErrorStyle,
	kind: StandardErrorKind,
	detail: StandardErrorDetail,
): SimError {
	const [code, status, message] = spelling(style, kind, detail);
	return new SimError(code, message, status);
}
