// S3's errors as S3 writes them: an `<Error>` document with the code, the message and, for some
// codes, the key or bucket they are about (HEAD answers carry the status alone).
import {randomUUID} from 'node:crypto';
import {SimError} from '../../context.js';
import type {HttpResponse} from '../../protocol/http-response.js';
import {escapeXml} from '../../protocol/xml.js';

export class S3Error extends SimError {
	constructor(
		code: string,
		message: string,
		status: number,
		/** Extra elements of the error document, e.g. `Key`, `BucketName`. */
		readonly details: Readonly<Record<string, string>> = {},
	) {
		super(code, message, status);
	}
}

export function noSuchBucket(bucket: string): S3Error {
	return new S3Error('NoSuchBucket', 'The specified bucket does not exist', 404, {
		BucketName: bucket,
	});
}

export function noSuchKey(key: string): S3Error {
	return new S3Error('NoSuchKey', 'The specified key does not exist.', 404, {Key: key});
}

export function accessDenied(): S3Error {
	return new S3Error('AccessDenied', 'Access Denied', 403);
}

export function invalidArgument(name: string, value: string, message: string): S3Error {
	return new S3Error('InvalidArgument', message, 400, {
		ArgumentName: name,
		ArgumentValue: value,
	});
}

/** The request id headers every S3 answer carries. */
export function s3Headers(requestId: string): Record<string, string> {
	return {
		'x-amz-request-id': requestId,
		'x-amz-id-2': Buffer.from(randomUUID()).toString('base64'),
	};
}

export function s3ErrorResponse(error: SimError, requestId: string): HttpResponse {
	const details = error instanceof S3Error ? error.details : {};
	const extra = Object.entries(details)
		.map(([name, value]) => `<${name}>${escapeXml(value)}</${name}>`)
		.join('');
	const headers = s3Headers(requestId);
	return {
		status: error.httpStatus,
		headers: {...headers, 'content-type': 'application/xml'},
		body: `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${escapeXml(error.code)}</Code><Message>${escapeXml(error.message)}</Message>${extra}<RequestId>${requestId}</RequestId><HostId>${headers['x-amz-id-2']}</HostId></Error>`,
	};
}
