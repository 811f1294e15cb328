// Turns whatever an AWS call threw into a SourceError the user can act on at 3 a.m.:
// what failed, and the one thing to do about it.

import {sanitizeText} from '../domain/sanitize.js';
import type {SourceError} from '../domain/snapshot.js';
import {HtmlAnswerError} from './html-answer.js';

export type CallContext = {
	/** The IAM action of the call, e.g. `logs:StartQuery`. */
	readonly iamAction: string;
	/** What the call was on, when that decides the fix, e.g. `bucket flow-archive`. */
	readonly resource?: string;
	readonly profile?: string;
	readonly region?: string;
	readonly now: number;
};

const credentialCodes = new Set([
	'ExpiredToken',
	'ExpiredTokenException',
	'InvalidClientTokenId',
	'UnrecognizedClientException',
	'InvalidSignatureException',
	'SignatureDoesNotMatch',
	'AuthFailure',
	'RequestExpired',
	'TokenRefreshRequired',
	'CredentialsProviderError',
	'MissingAuthenticationToken',
]);
const accessDeniedCodes = new Set([
	'AccessDenied',
	'AccessDeniedException',
	'UnauthorizedOperation',
	'UnauthorizedException',
]);
const throttlingCodes = new Set([
	'Throttling',
	'ThrottlingException',
	'ThrottledException',
	'RequestLimitExceeded',
	'TooManyRequestsException',
	'LimitExceededException',
	'RequestThrottled',
	'RequestThrottledException',
]);
const notFoundCodes = new Set([
	'LoadBalancerNotFound',
	'LoadBalancerNotFoundException',
	'TargetGroupNotFound',
	'TargetGroupNotFoundException',
	'ResourceNotFoundException',
]);
const networkCodes = new Set([
	'ECONNREFUSED',
	'ECONNRESET',
	'ENOTFOUND',
	'EAI_AGAIN',
	'ETIMEDOUT',
	'EPIPE',
	'TimeoutError',
	'RequestTimeout',
	'NetworkingError',
]);

type ErrorFacts = {readonly code: string; readonly message: string; readonly status?: number};

function factsOf(error: unknown): ErrorFacts {
	if (error instanceof Error) {
		const withCode = error as Error & {
			code?: unknown;
			Code?: unknown;
			$metadata?: {httpStatusCode?: number};
		};
		const code =
			typeof withCode.code === 'string'
				? withCode.code
				: typeof withCode.Code === 'string'
					? withCode.Code
					: error.name;
		const status = withCode.$metadata?.httpStatusCode;
		// The code comes from the response too: it is as untrusted as the message.
		return {
			code: sanitizeText(code, 100),
			message: error.message,
			...(status === undefined ? {} : {status}),
		};
	}
	return {code: 'Unknown', message: describeThrown(error)};
}

/** Whatever was thrown, as text: some values (a null prototype, a broken toString) refuse String(). */
function describeThrown(value: unknown): string {
	try {
		return String(value);
	} catch {
		return Object.prototype.toString.call(value);
	}
}

function loginHint(profile: string | undefined): string {
	const flag = profile ? ` --profile ${profile}` : '';
	return `refresh credentials: run \`aws sso login${flag}\`, or set AWS_PROFILE / AWS_ACCESS_KEY_ID for a valid identity`;
}

function isSsoOrMissingCredentials(facts: ErrorFacts): boolean {
	return (
		facts.code === 'CredentialsProviderError' ||
		/sso|token.*expired|could not load credentials|credential/i.test(facts.message)
	);
}

const endpointHint =
	'check --endpoint-url (and AWS_ENDPOINT_URL*) and any proxy on the way (HTTPS_PROXY, NO_PROXY, a transparent proxy)';

/** The SDK's own words when an answer is not in its protocol: "Deserialization error", a SyntaxError. */
function isUnreadableAnswer(facts: ErrorFacts): boolean {
	return facts.code === 'SyntaxError' || /Deserialization error/i.test(facts.message);
}

export function describeAwsError(error: unknown, context: CallContext): SourceError {
	const facts = factsOf(error);
	const message = sanitizeText(facts.message, 300);
	const base = {at: context.now, iamAction: context.iamAction};
	if (error instanceof HtmlAnswerError) {
		return {
			...base,
			kind: 'network',
			message: `${context.iamAction}: ${message}`,
			hint: endpointHint,
		};
	}
	if (isUnreadableAnswer(facts)) {
		// The SDK's text ends with advice to inspect a hidden field: only its first line says what it met.
		const first = sanitizeText(facts.message.split('\n')[0] ?? '', 120);
		const status = facts.status === undefined ? '' : `HTTP ${facts.status}, `;
		return {
			...base,
			kind: 'network',
			message: `${context.iamAction}: the endpoint's answer is not one AWS sends (${status}${first})`,
			hint: endpointHint,
		};
	}
	// An empty AWS_REGION reaches the SDK as the region "", which it refuses as a hostname part.
	const refused = /Region not accepted: region="([^"]*)"/i.exec(facts.message);
	if (/region is missing/i.test(facts.message) || refused?.[1] === '') {
		return {
			...base,
			kind: 'invalid',
			message: 'no AWS region is configured',
			hint: 'pass --region, set AWS_REGION, or set region in the profile',
		};
	}
	if (refused !== null) {
		return {
			...base,
			kind: 'invalid',
			message: `"${sanitizeText(refused[1] ?? '', 60)}" is not an AWS region`,
			hint: 'pass --region (or AWS_REGION) with a region such as us-east-1',
		};
	}
	if (
		credentialCodes.has(facts.code) ||
		(facts.status !== 403 && isSsoOrMissingCredentials(facts))
	) {
		return {
			...base,
			kind: 'credentials',
			message: `${context.iamAction}: credentials rejected or missing (${facts.code}: ${message})`,
			hint: loginHint(context.profile),
		};
	}
	if (accessDeniedCodes.has(facts.code) || facts.status === 403) {
		const on = context.resource === undefined ? '' : ` on ${context.resource}`;
		// Flow logs often live in another account (a log archive, a monitoring account).
		const otherAccount = /^(s3|athena|glue|logs):/.test(context.iamAction)
			? ', or read the flow logs as an identity that may: --logs-profile NAME'
			: '';
		return {
			...base,
			kind: 'access-denied',
			message: `${context.iamAction}${on} was denied (${facts.code})`,
			hint: `grant ${context.iamAction}${on} to this identity (see \`lbtop --print-iam-policy\`)${otherAccount}`,
		};
	}
	if (throttlingCodes.has(facts.code) || facts.status === 429) {
		return {
			...base,
			kind: 'throttled',
			message: `${context.iamAction} throttled (${facts.code})`,
			hint: 'backing off; other tools in this account share the same API rate limits',
		};
	}
	if (notFoundCodes.has(facts.code) || facts.code === 'NoSuchBucket') {
		return {
			...base,
			kind: 'not-found',
			message: `${context.iamAction}: ${message}`,
			hint: `check the name and the region${context.region ? ` (now ${context.region})` : ''}`,
		};
	}
	// The SDK's request and idle-socket limits: the endpoint was reached and then did not answer in
	// time, which is a slow endpoint or link rather than a wrong address.
	const slow =
		/exceeded the configured (\d+) ms requestTimeout|timed out after (\d+) ms of inactivity/.exec(
			facts.message,
		);
	if (slow !== null) {
		const seconds = Number(slow[1] ?? slow[2]) / 1000;
		return {
			...base,
			kind: 'network',
			message: `${context.iamAction}: the endpoint did not answer within ${seconds} s (${facts.code}: ${message})`,
			hint: 'the endpoint or the link to it is slow; retrying with backoff (if it lasts, check the network and --endpoint-url)',
		};
	}
	if (
		networkCodes.has(facts.code) ||
		/ECONNREFUSED|ENOTFOUND|socket hang up|timed? ?out/i.test(message)
	) {
		return {
			...base,
			kind: 'network',
			message: `${context.iamAction}: cannot reach the endpoint (${facts.code}: ${message})`,
			hint: 'check the network, the region and --endpoint-url',
		};
	}
	if (facts.code === 'ValidationError' || facts.code === 'InvalidParameterException') {
		return {
			...base,
			kind: 'invalid',
			message: `${context.iamAction}: ${message}`,
			hint: 'lbtop sent a request AWS rejected; please report it with this message',
		};
	}
	return {
		...base,
		kind: 'unknown',
		message: `${context.iamAction} failed (${facts.code}: ${message})`,
		hint: 'retrying with backoff',
	};
}

/** Names the exact call that failed, so the screen can say which IAM action is missing. */
export class AwsCallError extends Error {
	constructor(
		readonly iamAction: string,
		override readonly cause: unknown,
		/** What the call was on, when the fix depends on it (`bucket flow-archive`). */
		readonly resource?: string,
	) {
		super(`${iamAction}: ${cause instanceof Error ? cause.message : describeThrown(cause)}`);
		this.name = 'AwsCallError';
	}
}

export async function awsCall<T>(
	iamAction: string,
	call: () => Promise<T>,
	resource?: string,
): Promise<T> {
	try {
		return await call();
	} catch (error) {
		throw error instanceof AwsCallError ? error : new AwsCallError(iamAction, error, resource);
	}
}
