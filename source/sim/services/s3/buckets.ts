// The sim's buckets: finding one the caller may read, and keeping objects in the order S3 lists
// them (UTF-8 binary order of the keys), visible only from their upload on.
import type {SimContext} from '../../context.js';
import type {S3Bucket, S3Object} from '../../world/types.js';
import {accessDenied, noSuchBucket} from './errors.js';

export function compareKeys(left: string, right: string): number {
	return Buffer.compare(Buffer.from(left, 'utf8'), Buffer.from(right, 'utf8'));
}

/** The bucket, when it exists and the signer may read it. */
export function readableBucket(
	context: SimContext,
	name: string,
	accessKeyId: string | undefined,
): S3Bucket {
	const bucket = context.world.dataLake?.buckets.find((candidate) => candidate.name === name);
	if (bucket === undefined) {
		throw noSuchBucket(name);
	}
	if (
		bucket.readers !== undefined &&
		(accessKeyId === undefined || !bucket.readers.includes(accessKeyId))
	) {
		throw accessDenied();
	}
	return bucket;
}

/** Index of the first object whose key sorts after `key` (or at it, when `inclusive`). */
export function firstIndexAfter(
	objects: readonly S3Object[],
	key: string,
	inclusive = false,
): number {
	let low = 0;
	let high = objects.length;
	while (low < high) {
		const middle = (low + high) >>> 1;
		const order = compareKeys(objects[middle]?.key ?? '', key);
		if (order < 0 || (order === 0 && !inclusive)) {
			low = middle + 1;
		} else {
			high = middle;
		}
	}
	return low;
}

/** Adds or replaces objects, keeping the bucket sorted by key. */
export function putObjects(bucket: S3Bucket, objects: readonly S3Object[]): void {
	for (const object of objects) {
		const index = firstIndexAfter(bucket.objects, object.key, true);
		if (bucket.objects[index]?.key === object.key) {
			bucket.objects[index] = object;
		} else {
			bucket.objects.splice(index, 0, object);
		}
	}
}

export function visibleObject(bucket: S3Bucket, key: string, now: number): S3Object | undefined {
	const object = bucket.objects[firstIndexAfter(bucket.objects, key, true)];
	return object?.key === key && object.lastModified <= now ? object : undefined;
}
