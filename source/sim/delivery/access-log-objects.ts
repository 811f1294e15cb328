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

export function accessLogObject(file: AccessLogFile): S3Object {
	const body = gzipSync(`${file.lines.join('\n')}\n`);
	const hash = createHash('sha256')
		.update(body)
		.update(`${file.nodeIp ?? ''} ${file.deliveredAt}`)
		.digest('hex');
	return {
		key: accessLogKey(file, hash.slice(0, 8)),
		body,
		lastModified: file.deliveredAt,
		etag: `"${hash.slice(0, 32)}"`,
	};
}
