// A flow log's records delivered to S3 the way VPC Flow Logs delivers them: one object per 5-minute
// window (by each record's `end`) and delivery, gzip text with a header line naming the fields, or
// Parquet (Gzip-compressed columns, named and typed as AWS's own Athena DDL names and types them).
// Whatever produces records (the demo world, a scenario file, a traffic model) hands them here with
// the time each one is delivered; records delivered at different times make separate files, as
// AWS's several files per period do.
import {createHash} from 'node:crypto';
import {gzipSync} from 'node:zlib';
import {parquetWriteBuffer} from 'hyparquet-writer';
import type {FlowLogDestinationOptions, S3Object} from '../world/types.js';
import {flowLogFileName, flowLogFolder, type ObjectName} from './s3-keys.js';

export type S3FlowLogTarget = ObjectName & {
	/** The destination folder inside the bucket (`my-logs/`, or empty). */
	readonly prefix: string;
	/** The flow log's fields, in its LogFormat's order. */
	readonly fields: readonly string[];
};

export type RecordToDeliver = {
	/** The record in the flow log's own format, fields separated by single spaces. */
	readonly message: string;
	/** Unix seconds: the record's `end`, which decides its file. */
	readonly end: number;
	/** Unix ms: when its file reaches the bucket. */
	readonly deliveredAt: number;
};

export const fileWindowMs = 5 * 60_000;

const intFields = new Set(['version', 'srcport', 'dstport', 'tcp-flags', 'traffic-path']);
const bigintFields = new Set(['protocol', 'packets', 'bytes', 'start', 'end']);

/** The Hive column AWS's Athena DDL gives a field: hyphens become underscores. */
export function columnNameOf(field: string): string {
	return field.replaceAll('-', '_');
}

export function columnTypeOf(field: string): 'int' | 'bigint' | 'string' {
	return intFields.has(field) ? 'int' : bigintFields.has(field) ? 'bigint' : 'string';
}

export function flowLogObjects(
	target: S3FlowLogTarget,
	records: readonly RecordToDeliver[],
): S3Object[] {
	const groups = new Map<string, {window: number; deliveredAt: number; lines: string[]}>();
	for (const record of records) {
		const window = Math.floor((record.end * 1000) / fileWindowMs) * fileWindowMs;
		const key = `${window}/${record.deliveredAt}`;
		const group = groups.get(key) ?? {window, deliveredAt: record.deliveredAt, lines: []};
		group.lines.push(record.message);
		groups.set(key, group);
	}
	return [...groups.values()].map((group) => {
		const body =
			target.options.fileFormat === 'parquet'
				? parquetBody(target.fields, group.lines)
				: gzipSync(`${target.fields.join(' ')}\n${group.lines.join('\n')}\n`);
		const hash = createHash('sha256').update(body).update(String(group.deliveredAt)).digest('hex');
		return {
			key: `${target.prefix}${flowLogFolder(target, group.window)}${flowLogFileName(target, group.window, hash.slice(0, 8))}`,
			body,
			lastModified: group.deliveredAt,
			etag: `"${hash.slice(0, 32)}"`,
		};
	});
}

function parquetBody(fields: readonly string[], lines: readonly string[]): Uint8Array {
	const rows = lines.map((line) => line.split(' '));
	const columnData = fields.map((field, index) => {
		const texts = rows.map((row) => {
			const text = row[index];
			return text === undefined || text === '-' ? null : text;
		});
		const type = columnTypeOf(field);
		if (type === 'string') {
			return {name: columnNameOf(field), data: texts, type: 'STRING' as const};
		}
		const numbers = texts.map((text) => (text !== null && /^-?\d+$/.test(text) ? text : null));
		return type === 'int'
			? {
					name: columnNameOf(field),
					data: numbers.map((text) => (text === null ? null : Number(text))),
					type: 'INT32' as const,
				}
			: {
					name: columnNameOf(field),
					data: numbers.map((text) => (text === null ? null : BigInt(text))),
					type: 'INT64' as const,
				};
	});
	const buffer = parquetWriteBuffer({
		columnData,
		codec: 'GZIP',
		compressors: {GZIP: (bytes: Uint8Array) => new Uint8Array(gzipSync(bytes))},
	});
	return new Uint8Array(buffer);
}

export const defaultDestinationOptions: FlowLogDestinationOptions = {
	fileFormat: 'plain-text',
	hiveCompatiblePartitions: false,
	perHourPartition: false,
};
