// Flow log objects in S3, read only: ListObjectsV2 (s3:ListBucket) from a key on, so a poll lists
// just the keys that are new, and GetObject (s3:GetObject) as a stream, or a byte range of it.
// Every request is counted by the caller (S3 bills LIST and GET requests).
import type {Readable} from 'node:stream';
import type {AwsClients} from './clients.js';
import {awsCall} from './errors.js';

export type ListedObject = {
	readonly key: string;
	readonly size: number;
	/** Unix ms: the upload. */
	readonly lastModified: number;
};

export type S3Requests = {
	readonly onList: () => void;
	readonly onGet: (bytes: number) => void;
};

/** A listing of thousands of keys is a misconfigured prefix, not a flow log's minutes. */
const maxListPages = 20;

// A failing call names its bucket: the fix is on that bucket's policy, or another profile.
/** The commands load with the client (sdk/s3-client.ts), not with this module. */
const s3Sdk = () => import('./sdk/s3-client.js');

const onBucket = (bucket: string) => `bucket ${bucket}`;

export async function listObjectsAfter(
	clients: AwsClients,
	request: {readonly bucket: string; readonly prefix: string; readonly startAfter: string},
	requests: S3Requests,
	signal?: AbortSignal,
): Promise<{readonly objects: ListedObject[]; readonly complete: boolean}> {
	const s3 = await clients.s3();
	const {ListObjectsV2Command} = await s3Sdk();
	const objects: ListedObject[] = [];
	let token: string | undefined;
	for (let page = 0; page < maxListPages; page++) {
		requests.onList();
		const output = await awsCall(
			's3:ListBucket',
			() =>
				s3.send(
					new ListObjectsV2Command({
						Bucket: request.bucket,
						Prefix: request.prefix,
						...(token === undefined
							? {StartAfter: request.startAfter}
							: {ContinuationToken: token}),
					}),
					signal === undefined ? {} : {abortSignal: signal},
				),
			onBucket(request.bucket),
		);
		for (const item of output.Contents ?? []) {
			if (item.Key !== undefined) {
				objects.push({
					key: item.Key,
					size: item.Size ?? 0,
					lastModified: item.LastModified?.getTime() ?? 0,
				});
			}
		}

		token = output.IsTruncated === true ? output.NextContinuationToken : undefined;
		if (token === undefined) {
			return {objects, complete: true};
		}
	}

	return {objects, complete: false};
}

/** The object's bytes as they arrive; the caller reads them as it parses. */
export async function objectStream(
	clients: AwsClients,
	bucket: string,
	key: string,
	requests: S3Requests,
	signal?: AbortSignal,
): Promise<Readable> {
	const s3 = await clients.s3();
	const {GetObjectCommand} = await s3Sdk();
	const output = await awsCall(
		's3:GetObject',
		() =>
			s3.send(
				new GetObjectCommand({Bucket: bucket, Key: key}),
				signal === undefined ? {} : {abortSignal: signal},
			),
		onBucket(bucket),
	);
	requests.onGet(output.ContentLength ?? 0);
	return output.Body as Readable;
}

/** Bytes [start, end) of an object: a Parquet footer, or the column chunks it points to. */
export async function objectRange(
	clients: AwsClients,
	bucket: string,
	key: string,
	range: {readonly start: number; readonly end: number},
	requests: S3Requests,
	signal?: AbortSignal,
): Promise<Uint8Array> {
	const s3 = await clients.s3();
	const {GetObjectCommand} = await s3Sdk();
	const output = await awsCall(
		's3:GetObject',
		() =>
			s3.send(
				new GetObjectCommand({
					Bucket: bucket,
					Key: key,
					Range: `bytes=${range.start}-${Math.max(range.start, range.end - 1)}`,
				}),
				signal === undefined ? {} : {abortSignal: signal},
			),
		onBucket(bucket),
	);
	const bytes = (await output.Body?.transformToByteArray()) ?? new Uint8Array();
	requests.onGet(bytes.byteLength);
	return bytes;
}
