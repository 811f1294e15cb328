// ListObjectsV2 (`GET /{Bucket}?list-type=2`) and ListBuckets (`GET /`), as S3 answers them:
// keys in UTF-8 binary order from `start-after` or the continuation token, grouped under
// `CommonPrefixes` by a delimiter, URL-encoded when the caller asks (the AWS CLI does).
import type {SimContext} from '../../context.js';
import type {HttpResponse} from '../../protocol/http-response.js';
import type {RestRequest} from '../../protocol/service.js';
import {escapeXml} from '../../protocol/xml.js';
import {firstIndexAfter, readableBucket} from './buckets.js';
import {invalidArgument, s3Headers} from './errors.js';

const namespace = 'http://s3.amazonaws.com/doc/2006-03-01/';

type Entry =
	| {
			readonly kind: 'object';
			readonly key: string;
			readonly size: number;
			readonly etag: string;
			readonly lastModified: number;
	  }
	| {readonly kind: 'prefix'; readonly prefix: string};

function xmlResponse(body: string, requestId: string): HttpResponse {
	return {
		status: 200,
		headers: {...s3Headers(requestId), 'content-type': 'application/xml'},
		body: `<?xml version="1.0" encoding="UTF-8"?>\n${body}`,
	};
}

function maxKeysOf(text: string | null): number {
	if (text === null) {
		return 1000;
	}
	const value = Number(text);
	if (!/^\d+$/.test(text) || !Number.isSafeInteger(value)) {
		throw invalidArgument(
			'max-keys',
			text,
			'Provided max-keys not an integer or within integer range',
		);
	}
	return Math.min(value, 1000);
}

function decodeToken(token: string): string {
	const key = Buffer.from(token, 'base64url').toString('utf8');
	if (key === '' || Buffer.from(key, 'utf8').toString('base64url') !== token) {
		throw invalidArgument(
			'continuation-token',
			token,
			'The continuation token provided is incorrect',
		);
	}
	return key;
}

export function listObjectsV2(
	request: RestRequest,
	context: SimContext,
	bucketName: string,
	requestId: string,
): HttpResponse {
	const bucket = readableBucket(context, bucketName, request.accessKeyId);
	const query = request.url.searchParams;
	const prefix = query.get('prefix') ?? '';
	const delimiter = query.get('delimiter') ?? '';
	const startAfter = query.get('start-after') ?? '';
	const token = query.get('continuation-token');
	const maxKeys = maxKeysOf(query.get('max-keys'));
	const urlEncoded = query.get('encoding-type') === 'url';
	const resumeAfter = token === null ? startAfter : decodeToken(token);
	const from = Math.max(
		firstIndexAfter(bucket.objects, prefix, true),
		resumeAfter === '' ? 0 : firstIndexAfter(bucket.objects, resumeAfter),
	);
	const now = context.clock.now();
	const entries: Entry[] = [];
	let lastKey: string | undefined;
	let truncated = false;
	for (let index = from; index < bucket.objects.length; index++) {
		const object = bucket.objects[index];
		if (object === undefined || !object.key.startsWith(prefix)) {
			break;
		}
		if (object.lastModified > now) {
			continue;
		}
		const rest = object.key.slice(prefix.length);
		const cut = delimiter === '' ? -1 : rest.indexOf(delimiter);
		const entry: Entry =
			cut < 0
				? {
						kind: 'object',
						key: object.key,
						size: object.size ?? object.body.byteLength,
						etag: object.etag,
						lastModified: object.lastModified,
					}
				: {kind: 'prefix', prefix: prefix + rest.slice(0, cut + delimiter.length)};
		const previous = entries.at(-1);
		if (
			entry.kind === 'prefix' &&
			previous?.kind === 'prefix' &&
			previous.prefix === entry.prefix
		) {
			lastKey = object.key;
			continue;
		}
		if (entries.length >= maxKeys) {
			truncated = true;
			break;
		}
		entries.push(entry);
		lastKey = object.key;
	}
	const text = (value: string) => escapeXml(urlEncoded ? encodeKey(value) : value);
	const body = [
		`<ListBucketResult xmlns="${namespace}">`,
		`<Name>${escapeXml(bucket.name)}</Name>`,
		`<Prefix>${text(prefix)}</Prefix>`,
		...(delimiter === '' ? [] : [`<Delimiter>${text(delimiter)}</Delimiter>`]),
		`<MaxKeys>${maxKeys}</MaxKeys>`,
		`<KeyCount>${entries.length}</KeyCount>`,
		`<IsTruncated>${truncated}</IsTruncated>`,
		...(token === null ? [] : [`<ContinuationToken>${escapeXml(token)}</ContinuationToken>`]),
		...(truncated && lastKey !== undefined
			? [
					`<NextContinuationToken>${Buffer.from(lastKey, 'utf8').toString('base64url')}</NextContinuationToken>`,
				]
			: []),
		...(startAfter === '' ? [] : [`<StartAfter>${text(startAfter)}</StartAfter>`]),
		...(urlEncoded ? ['<EncodingType>url</EncodingType>'] : []),
		...entries.map((entry) =>
			entry.kind === 'prefix'
				? `<CommonPrefixes><Prefix>${text(entry.prefix)}</Prefix></CommonPrefixes>`
				: `<Contents><Key>${text(entry.key)}</Key><LastModified>${new Date(entry.lastModified).toISOString()}</LastModified><ETag>${escapeXml(entry.etag)}</ETag><Size>${entry.size}</Size><StorageClass>STANDARD</StorageClass></Contents>`,
		),
		'</ListBucketResult>',
	].join('');
	return xmlResponse(body, requestId);
}

/** S3's `encoding-type=url`: every byte but unreserved characters and `/` percent-encoded. */
function encodeKey(key: string): string {
	return encodeURIComponent(key).replaceAll('%2F', '/');
}

export function listBuckets(
	request: RestRequest,
	context: SimContext,
	requestId: string,
): HttpResponse {
	const {world} = context;
	const buckets = (world.dataLake?.buckets ?? []).filter(
		(bucket) =>
			bucket.readers === undefined ||
			(request.accessKeyId !== undefined && bucket.readers.includes(request.accessKeyId)),
	);
	const body = [
		`<ListAllMyBucketsResult xmlns="${namespace}">`,
		`<Owner><ID>${world.accountId}</ID><DisplayName>${escapeXml(world.identity.userId)}</DisplayName></Owner>`,
		'<Buckets>',
		...buckets.map(
			(bucket) =>
				`<Bucket><Name>${escapeXml(bucket.name)}</Name><CreationDate>${new Date(bucket.creationDate).toISOString()}</CreationDate></Bucket>`,
		),
		'</Buckets></ListAllMyBucketsResult>',
	].join('');
	return xmlResponse(body, requestId);
}
