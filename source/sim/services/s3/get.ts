// GetObject and HeadObject (`GET|HEAD /{Bucket}/{Key+}`): one byte range (`Range: bytes=a-b`,
// `a-`, `-n`) answers 206 with Content-Range, an unsatisfiable one 416; If-None-Match and
// If-Modified-Since answer 304, If-Match and If-Unmodified-Since 412.
import type {IncomingHttpHeaders} from 'node:http';
import type {SimContext} from '../../context.js';
import type {HttpResponse} from '../../protocol/http-response.js';
import type {RestRequest} from '../../protocol/service.js';
import type {S3Object} from '../../world/types.js';
import {readableBucket, visibleObject} from './buckets.js';
import {noSuchKey, S3Error, s3Headers} from './errors.js';

type ByteRange = {readonly start: number; readonly end: number};

function header(headers: IncomingHttpHeaders, name: string): string | undefined {
	const value = headers[name];
	return Array.isArray(value) ? value[0] : value;
}

/** The one range asked for, undefined for the whole object (S3 ignores what it cannot parse). */
function rangeOf(text: string | undefined, size: number): ByteRange | undefined {
	const match = text === undefined ? null : /^bytes=(\d*)-(\d*)$/.exec(text.trim());
	if (match === null) {
		return undefined;
	}
	const [, first = '', last = ''] = match;
	if (first === '' && last === '') {
		return undefined;
	}
	if (first === '') {
		const length = Math.min(Number(last), size);
		return {start: size - length, end: size - 1};
	}
	const start = Number(first);
	const end = last === '' ? size - 1 : Math.min(Number(last), size - 1);
	if (start >= size || end < start) {
		throw new S3Error('InvalidRange', 'The requested range is not satisfiable', 416, {
			RangeRequested: text ?? '',
			ActualObjectSize: String(size),
		});
	}
	return {start, end};
}

function notModifiedOrFailed(headers: IncomingHttpHeaders, object: S3Object): number | undefined {
	const ifMatch = header(headers, 'if-match');
	if (
		ifMatch !== undefined &&
		ifMatch !== '*' &&
		!ifMatch.split(',').some((tag) => tag.trim() === object.etag)
	) {
		return 412;
	}
	const unmodifiedSince = Date.parse(header(headers, 'if-unmodified-since') ?? '');
	if (
		ifMatch === undefined &&
		Number.isFinite(unmodifiedSince) &&
		object.lastModified > unmodifiedSince + 999
	) {
		return 412;
	}
	const ifNoneMatch = header(headers, 'if-none-match');
	if (ifNoneMatch !== undefined) {
		return ifNoneMatch === '*' || ifNoneMatch.split(',').some((tag) => tag.trim() === object.etag)
			? 304
			: undefined;
	}
	const modifiedSince = Date.parse(header(headers, 'if-modified-since') ?? '');
	return Number.isFinite(modifiedSince) && object.lastModified <= modifiedSince + 999
		? 304
		: undefined;
}

export function getObject(
	request: RestRequest,
	context: SimContext,
	bucketName: string,
	key: string,
	requestId: string,
): HttpResponse {
	const bucket = readableBucket(context, bucketName, request.accessKeyId);
	const object = visibleObject(bucket, key, context.clock.now());
	if (object === undefined) {
		throw noSuchKey(key);
	}
	const common = {
		...s3Headers(requestId),
		etag: object.etag,
		'last-modified': new Date(object.lastModified).toUTCString(),
		'accept-ranges': 'bytes',
		'content-type': 'application/octet-stream',
	};
	const condition = notModifiedOrFailed(request.headers, object);
	if (condition === 412) {
		throw new S3Error(
			'PreconditionFailed',
			'At least one of the pre-conditions you specified did not hold',
			412,
			{
				Condition: 'If-Match',
			},
		);
	}
	if (condition === 304) {
		return {status: 304, headers: common, body: ''};
	}
	const size = object.body.byteLength;
	const range = rangeOf(header(request.headers, 'range'), size);
	if (range === undefined) {
		return {status: 200, headers: {...common, 'content-length': String(size)}, body: object.body};
	}
	return {
		status: 206,
		headers: {
			...common,
			'content-length': String(range.end - range.start + 1),
			'content-range': `bytes ${range.start}-${range.end}/${size}`,
		},
		body: object.body.subarray(range.start, range.end + 1),
	};
}
