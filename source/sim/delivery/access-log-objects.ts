// Access log files as Elastic Load Balancing delivers them: one gzip file per LB node per 5-minute
// interval, named by the interval's END time, filed under the folder of its DELIVERY day
// (aws-facts-s3.md §4): `<prefix>/AWSLogs/<acct>/elasticloadbalancing/<region>/yyyy/mm/dd/
// <acct>_elasticloadbalancing_<region>_app.<name>.<id>_<end>_<node-ip>_<random>.log.gz` (an NLB's
// files carry no node address).
import {createHash} from 'node:crypto';
import {gzipSync} from 'node:zlib';
import type {S3Object} from '../world/types.js';

export const intervalMs = 5 * 60_000;

export type AccessLogFile = {
	/** `prefix/` inside the bucket, or empty. */
	readonly prefix: string;
	readonly account: string;
	readonly region: string;
	readonly type: 'application' | 'network';
	readonly name: string;
	readonly id: string;
	/** Unix ms, a 5-minute boundary. */
	readonly intervalEnd: number;
	/** The writing node's private address (ALB). */
	readonly nodeIp?: string;
	/** Unix ms: when the file reaches the bucket. */
	readonly deliveredAt: number;
	readonly lines: readonly string[];
};

function endTime(ms: number): string {
	const iso = new Date(ms).toISOString();
	return `${iso.slice(0, 4)}${iso.slice(5, 7)}${iso.slice(8, 10)}T${iso.slice(11, 13)}${iso.slice(14, 16)}Z`;
}

export function accessLogKey(file: AccessLogFile, random: string): string {
	const day = new Date(file.deliveredAt).toISOString().slice(0, 10).replaceAll('-', '/');
	const kind = file.type === 'application' ? 'app' : 'net';
	const node = file.nodeIp === undefined ? '' : `_${file.nodeIp}`;
	return `${file.prefix}AWSLogs/${file.account}/elasticloadbalancing/${file.region}/${day}/${file.account}_elasticloadbalancing_${file.region}_${kind}.${file.name}.${file.id}_${endTime(file.intervalEnd)}${node}_${random}.log.gz`;
}

const gzipLines = (lines: readonly string[]) => gzipSync(`${lines.join('\n')}\n`);

const etagOf = (body: Uint8Array, file: Omit<AccessLogFile, 'lines'>) =>
	`"${createHash('sha256')
		.update(body)
		.update(`${file.nodeIp ?? ''} ${file.deliveredAt}`)
		.digest('hex')
		.slice(0, 32)}"`;

export function accessLogObject(file: AccessLogFile): S3Object {
	const body = gzipLines(file.lines);
	const etag = etagOf(body, file);
	return {
		key: accessLogKey(file, etag.slice(1, 9)),
		body,
		lastModified: file.deliveredAt,
		etag,
	};
}

/** The bodies of the lazily made files last read, the oldest dropped first. */
export type BodyCache = Map<LazyAccessLogObject, Uint8Array>;

/** Bodies a delivery keeps made at once: a reader walks a few files at a time. */
const keptBodies = 8;

/**
 * A file whose body is made from the traffic when something first reads it (its size, tag or
 * bytes), and made again after the cache dropped it: the same lines, so the same bytes. A busy
 * listener's hours of files are then a few numbers each until a read asks for one.
 */
export class LazyAccessLogObject implements S3Object {
	readonly key: string;
	readonly lastModified: number;
	private made: {readonly etag: string; readonly size: number} | undefined;

	constructor(
		private readonly file: Omit<AccessLogFile, 'lines'>,
		private readonly lines: () => readonly string[],
		private readonly cache: BodyCache,
	) {
		const name = createHash('sha256')
			.update(`${file.prefix} ${file.name} ${file.id} ${file.intervalEnd}`)
			.update(`${file.nodeIp ?? ''} ${file.deliveredAt}`)
			.digest('hex');
		this.key = accessLogKey({...file, lines: []}, name.slice(0, 8));
		this.lastModified = file.deliveredAt;
	}

	get body(): Uint8Array {
		const kept = this.cache.get(this);
		if (kept !== undefined) {
			this.cache.delete(this);
			this.cache.set(this, kept);
			return kept;
		}
		const body = gzipLines(this.lines());
		this.made ??= {etag: etagOf(body, this.file), size: body.byteLength};
		this.cache.set(this, body);
		for (const oldest of this.cache.keys()) {
			if (this.cache.size <= keptBodies) break;
			this.cache.delete(oldest);
		}
		return body;
	}

	get size(): number {
		if (this.made === undefined) void this.body;
		return this.made?.size ?? 0;
	}

	get etag(): string {
		if (this.made === undefined) void this.body;
		return this.made?.etag ?? '""';
	}
}
