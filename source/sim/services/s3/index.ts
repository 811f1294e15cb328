// Amazon S3 as the sim serves it: REST-XML, path-style (`/{Bucket}/{Key+}`, as an SDK with
// `forcePathStyle` and the AWS CLI talking to an IP address send it), read-only: ListBuckets,
// ListObjectsV2, HeadBucket, GetObject, HeadObject. Buckets live in the world's data lake.
import type {SimContext} from '../../context.js';
import type {HttpResponse} from '../../protocol/http-response.js';
import type {RestRequest, RestService} from '../../protocol/service.js';
import {readableBucket} from './buckets.js';
import {S3Error, s3ErrorResponse, s3Headers} from './errors.js';
import {getObject} from './get.js';
import {listBuckets, listObjectsV2} from './list.js';

type Route = {readonly operation: string; readonly bucket: string; readonly key: string};

function route(request: RestRequest): Route {
	const path = request.url.pathname;
	const slash = path.indexOf('/', 1);
	const bucket = decodeURIComponent(slash < 0 ? path.slice(1) : path.slice(1, slash));
	const key = slash < 0 ? '' : decodeURIComponent(path.slice(slash + 1));
	const head = request.method === 'HEAD';
	if (request.method !== 'GET' && !head) {
		return {operation: `${request.method} ${path}`, bucket, key};
	}
	if (bucket === '') {
		return {operation: head ? 'HEAD /' : 'ListBuckets', bucket, key};
	}
	if (key === '') {
		const query = request.url.searchParams;
		if (head) {
			return {operation: 'HeadBucket', bucket, key};
		}
		return {
			operation:
				query.get('list-type') === '2'
					? 'ListObjectsV2'
					: query.has('location')
						? 'GetBucketLocation'
						: 'ListObjects',
			bucket,
			key,
		};
	}
	return {operation: head ? 'HeadObject' : 'GetObject', bucket, key};
}

/** An operation the sim does not serve (S3 would; lbtop reads only, and never asks). */
function notImplemented(): never {
	throw new S3Error(
		'NotImplemented',
		'A header you provided implies functionality that is not implemented',
		501,
	);
}

export function createS3Service(): RestService {
	return {
		signingName: 's3',
		iamPrefix: 's3',
		operationOf: (request) => route(request).operation,
		run(request: RestRequest, context: SimContext, requestId: string): HttpResponse {
			const {operation, bucket, key} = route(request);
			switch (operation) {
				case 'ListBuckets':
					return listBuckets(request, context, requestId);
				case 'ListObjectsV2':
					return listObjectsV2(request, context, bucket, requestId);
				case 'GetBucketLocation':
					readableBucket(context, bucket, request.accessKeyId);
					return {
						status: 200,
						headers: {...s3Headers(requestId), 'content-type': 'application/xml'},
						body: `<?xml version="1.0" encoding="UTF-8"?>\n<LocationConstraint xmlns="http://s3.amazonaws.com/doc/2006-03-01/">${context.world.region === 'us-east-1' ? '' : context.world.region}</LocationConstraint>`,
					};
				case 'HeadBucket':
					readableBucket(context, bucket, request.accessKeyId);
					return {
						status: 200,
						headers: {...s3Headers(requestId), 'x-amz-bucket-region': context.world.region},
						body: '',
					};
				case 'GetObject':
				case 'HeadObject':
					return getObject(request, context, bucket, key, requestId);
				default:
					return notImplemented();
			}
		},
		fail: (error, _request, requestId) => s3ErrorResponse(error, requestId),
	};
}
