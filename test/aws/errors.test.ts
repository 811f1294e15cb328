import {describe, expect, it} from 'vitest';
import {describeAwsError} from '../../source/aws/errors.js';
import {HtmlAnswerError} from '../../source/aws/html-answer.js';

function awsError(name: string, message: string, status?: number): Error {
	const error = new Error(message);
	error.name = name;
	return Object.assign(error, status === undefined ? {} : {$metadata: {httpStatusCode: status}});
}

const context = {iamAction: 'logs:StartQuery', now: 1000, profile: 'prod'};

describe('describeAwsError', () => {
	it.each([
		[
			'an expired SSO token',
			awsError(
				'CredentialsProviderError',
				'The SSO session associated with this profile has expired',
			),
			'credentials',
			/aws sso login --profile prod/,
		],
		[
			'an expired session token',
			awsError(
				'ExpiredTokenException',
				'The security token included in the request is expired',
				400,
			),
			'credentials',
			/aws sso login/,
		],
		[
			'a denied action',
			awsError(
				'AccessDeniedException',
				'User: arn:aws:iam::1:user/x is not authorized to perform: logs:StartQuery',
				400,
			),
			'access-denied',
			/grant logs:StartQuery/,
		],
		[
			'EC2 UnauthorizedOperation',
			awsError('UnauthorizedOperation', 'You are not authorized', 403),
			'access-denied',
			/grant logs:StartQuery/,
		],
		[
			'throttling',
			awsError('ThrottlingException', 'Rate exceeded', 400),
			'throttled',
			/backing off/,
		],
		[
			'a refused connection',
			awsError('Error', 'connect ECONNREFUSED 127.0.0.1:4566'),
			'network',
			/--endpoint-url/,
		],
		['a missing region', awsError('Error', 'Region is missing'), 'invalid', /--region/],
		[
			'an empty AWS_REGION',
			awsError('Error', 'Region not accepted: region="" is not a valid hostname component.'),
			'invalid',
			/pass --region, set AWS_REGION/,
		],
		[
			'a region that is not one',
			awsError(
				'Error',
				'Region not accepted: region="eu west 1" is not a valid hostname component.',
			),
			'invalid',
			/such as us-east-1/,
		],
		['an unknown error', awsError('WeirdException', 'odd', 400), 'unknown', /retrying/],
	])('explains %s', (_name, error, kind, hint) => {
		const described = describeAwsError(error, context);
		expect(described.kind).toBe(kind);
		expect(described.hint).toMatch(hint);
		expect(described.at).toBe(1000);
	});

	it('names the denied IAM action in the message', () => {
		const described = describeAwsError(awsError('AccessDenied', 'denied', 403), {
			iamAction: 'ec2:DescribeFlowLogs',
			now: 0,
		});
		expect(described.message).toBe('ec2:DescribeFlowLogs was denied (AccessDenied)');
		expect(described.iamAction).toBe('ec2:DescribeFlowLogs');
	});

	it('names the bucket a denied S3 call was on, and the profile flag that reads another account', () => {
		const described = describeAwsError(awsError('AccessDenied', 'Access Denied', 403), {
			iamAction: 's3:ListBucket',
			resource: 'bucket central-log-archive',
			now: 0,
		});
		expect(described.message).toBe(
			's3:ListBucket on bucket central-log-archive was denied (AccessDenied)',
		);
		expect(described.hint).toMatch(
			/grant s3:ListBucket on bucket central-log-archive .*--logs-profile/,
		);
	});

	it('does not suggest --logs-profile for calls about the load balancer itself', () => {
		const described = describeAwsError(awsError('AccessDenied', 'denied', 403), {
			iamAction: 'elasticloadbalancing:DescribeLoadBalancers',
			now: 0,
		});
		expect(described.hint).not.toContain('--logs-profile');
	});

	it('strips escape sequences from messages that came from the service', () => {
		const described = describeAwsError(
			awsError('WeirdException', 'bad\u001b]52;c;aGk=\u0007thing', 400),
			context,
		);
		expect(described.message).not.toContain('\u001b');
	});
});

describe('describeAwsError for an endpoint that is slow or out of reach', () => {
	function timeout(message: string, code?: string): Error {
		return Object.assign(
			new Error(message),
			{name: 'TimeoutError'},
			code === undefined ? {} : {code},
		);
	}

	it.each([
		[
			'a request over its time limit',
			timeout(
				'@smithy/node-http-handler - [ERROR] a request has exceeded the configured 20000 ms requestTimeout.',
				'ETIMEDOUT',
			),
			'logs:StartQuery: the endpoint did not answer within 20 s (ETIMEDOUT: @smithy/node-http-handler - [ERROR] a request has exceeded the configured 20000 ms requestTimeout.)',
			/slow; retrying with backoff/,
		],
		[
			'an answer that stalled',
			timeout(
				'@smithy/node-http-handler - the request socket timed out after 120000 ms of inactivity (configured by client requestHandler).',
			),
			'logs:StartQuery: the endpoint did not answer within 120 s (TimeoutError: @smithy/node-http-handler - the request socket timed out after 120000 ms of inactivity (configured by client requestHandler).)',
			/slow; retrying with backoff/,
		],
		[
			'a connection never made',
			timeout(
				'@smithy/node-http-handler - the request socket did not establish a connection with the server within the configured timeout of 5000 ms.',
			),
			'logs:StartQuery: cannot reach the endpoint (TimeoutError: @smithy/node-http-handler - the request socket did not establish a connection with the server within the configured timeout of 5000 ms.)',
			/check the network, the region and --endpoint-url/,
		],
	])('%s is said as such', (_name, error, message, hint) => {
		const described = describeAwsError(error, context);
		expect(described.kind).toBe('network');
		expect(described.message).toBe(message);
		expect(described.hint).toMatch(hint);
	});
});

describe('describeAwsError with values that refuse to become text', () => {
	it.each([
		['an object whose toString is not a function', {toString: false}],
		['an object without a prototype', Object.create(null) as unknown],
	])('%s is described, not thrown', (_label, thrown) => {
		const described = describeAwsError(thrown, context);
		expect(described.kind).toBe('unknown');
		expect(described.message).toMatch(/\[object Object\]/);
	});
});

describe('describeAwsError for an answer that is not AWS’s', () => {
	it('an HTML page names itself, its status and URL, and what to check', () => {
		const described = describeAwsError(
			new HtmlAnswerError(502, 'http://proxy.corp:3128/', 'Bad Gateway'),
			context,
		);
		expect(described).toMatchObject({
			kind: 'network',
			message:
				'logs:StartQuery: the endpoint answered with an HTML page ("Bad Gateway") (HTTP 502, from http://proxy.corp:3128/), not an AWS answer',
		});
		expect(described.hint).toMatch(/--endpoint-url.*HTTPS_PROXY, NO_PROXY/);
	});

	it('the SDK’s raw deserialization error is said in lbtop’s words', () => {
		const raw = awsError(
			'SyntaxError',
			`Unexpected token '<', "<html><bod"... is not valid JSON\n  Deserialization error: to see the raw response, inspect the hidden field {error}.$response on this object.`,
			200,
		);
		const described = describeAwsError(raw, context);
		expect(described.kind).toBe('network');
		expect(described.message).toBe(
			`logs:StartQuery: the endpoint's answer is not one AWS sends (HTTP 200, Unexpected token '<', "<html><bod"... is not valid JSON)`,
		);
		expect(described.message).not.toContain('Deserialization');
		expect(described.hint).toContain('--endpoint-url');
	});
});
