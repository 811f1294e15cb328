// The access log objects through the S3 reader the S3 flow logs use (one reader serves both): a
// listing from a key on, and each object's lines as they arrive, gunzipped (ELB writes .log.gz).
// Lines longer than the parser reads are cut here already, so a hostile line cannot grow memory.
import {createInterface} from 'node:readline';
import type {Readable} from 'node:stream';
import {createGunzip} from 'node:zlib';
import type {AwsClients} from '../aws/clients.js';
import {listObjectsAfter, objectStream, type S3Requests} from '../aws/s3-objects.js';
import type {ObjectStore} from './access-logs-objects.js';

export function s3ObjectStore(
	clients: AwsClients,
	bucket: string,
	requests: S3Requests,
): ObjectStore {
	return {
		async list(listing, signal) {
			const listed = await listObjectsAfter(
				clients,
				{bucket, prefix: listing.prefix, startAfter: listing.startAfter ?? ''},
				requests,
				signal,
			);
			return listed.objects;
		},
		async lines(key, signal) {
			const body = await objectStream(clients, bucket, key, requests, signal);
			if (!key.endsWith('.gz')) {
				return linesOf(body);
			}

			const gunzip = createGunzip();
			body.once('error', (error) => gunzip.destroy(error));
			return linesOf(body.pipe(gunzip));
		},
	};
}

export function linesOf(stream: Readable): AsyncIterable<string> {
	// A corrupt gzip ends the lines with an error the reader counts, never a crash.
	return createInterface({input: stream, crlfDelay: Number.POSITIVE_INFINITY});
}
