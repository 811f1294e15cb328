// One flow log's objects in S3, as the S3 path reads them: each poll lists only the keys that are
// new (this flow log's file-name prefix in the folders the range touches, from the last key seen
// with StartAfter), each object is read once, as it streams in (its records kept by key, so a key
// met again is never read twice), newest first within the read budget, and objects whose records
// have all left the range are let go, so memory stays bounded however long lbtop runs.
import type {AwsClients} from '../aws/clients.js';
import {listObjectsAfter, objectRange, objectStream, type S3Requests} from '../aws/s3-objects.js';
import {
	type FlowFeed,
	fileWindowSeconds,
	folderOf,
	foldersFor,
	type HeldRecord,
	listPrefixOf,
	type S3FeedSource,
	startAfterFor,
	windowOfKey,
} from '../domain/flows-window/index.js';
import {type ParsedObject, parseParquetObject, parseTextObject} from './flows-s3-parse.js';

export type S3Object = {
	readonly key: string;
	readonly size: number;
	/** Unix seconds: the start of the file's 5-minute window; undefined when its name has none. */
	readonly window?: number;
	parsed?: ParsedObject;
};

/** A folder keeps being listed this long after it ends: files arrive late, best effort. */
const folderLatenessSeconds = 3600;

type Folder = {lastKey: string; listedFrom: number; closed: boolean};

export type ObjectsIo = {
	readonly clients: AwsClients;
	readonly requests: S3Requests;
};

export class S3FeedObjects {
	private readonly objects = new Map<string, S3Object>();
	private readonly folders = new Map<string, Folder>();
	private readonly source: S3FeedSource;

	constructor(
		private readonly feed: FlowFeed & {readonly s3: S3FeedSource},
		private readonly io: ObjectsIo,
	) {
		this.source = feed.s3;
	}

	/** Lists the keys new since the last listing in every folder that may hold [from, to]. */
	async listNew(fromSeconds: number, toSeconds: number, nowSeconds: number, signal: AbortSignal) {
		const unit = this.source.options.perHourPartition ? 3600 : 86_400;
		for (const folderStart of foldersFor(this.source, fromSeconds, toSeconds)) {
			const folder = folderOf(this.source, folderStart);
			const known = this.folders.get(folder);
			const from = Math.max(folderStart, fromSeconds - fileWindowSeconds);
			if (known?.closed === true && known.listedFrom <= from) {
				continue;
			}

			const relist = known === undefined || from < known.listedFrom;
			const startAfter = relist ? startAfterFor(this.source, folder, from) : known.lastKey;
			const listed = await listObjectsAfter(
				this.io.clients,
				{bucket: this.source.bucket, prefix: listPrefixOf(this.source, folder), startAfter},
				this.io.requests,
				signal,
			);
			for (const object of listed.objects) {
				if (!this.objects.has(object.key)) {
					const window = windowOfKey(object.key);
					this.objects.set(object.key, {
						key: object.key,
						size: object.size,
						...(window === undefined ? {} : {window}),
					});
				}
			}

			const lastKey = listed.objects.at(-1)?.key ?? known?.lastKey ?? startAfter;
			this.folders.set(folder, {
				lastKey:
					known !== undefined && !relist && lastKey < known.lastKey ? known.lastKey : lastKey,
				listedFrom: relist ? from : known.listedFrom,
				closed: listed.complete && nowSeconds > folderStart + unit + folderLatenessSeconds,
			});
		}
	}

	/** Objects that may hold records ending in [from, to), newest first. */
	objectsFor(fromSeconds: number, toSeconds: number): S3Object[] {
		return [...this.objects.values()]
			.filter(
				(object) =>
					object.window === undefined ||
					(object.window + fileWindowSeconds > fromSeconds && object.window < toSeconds),
			)
			.sort((left, right) => (right.window ?? Infinity) - (left.window ?? Infinity));
	}

	/**
	 * Reads the objects not read yet, newest first, until `budget` records were kept; returns the
	 * objects read and whether every object was.
	 */
	async read(
		objects: readonly S3Object[],
		budget: number,
		signal: AbortSignal,
	): Promise<{readonly read: S3Object[]; readonly complete: boolean}> {
		const read: S3Object[] = [];
		let kept = 0;
		for (const object of objects) {
			if (object.parsed !== undefined) {
				continue;
			}

			if (kept >= budget) {
				return {read, complete: false};
			}

			object.parsed = await this.parse(object, signal);
			kept += object.parsed.records.length;
			read.push(object);
		}

		return {read, complete: true};
	}

	/** Forgets objects whose records all end before `fromSeconds`. */
	evictBefore(fromSeconds: number): void {
		for (const [key, object] of this.objects) {
			if (object.window !== undefined && object.window + fileWindowSeconds <= fromSeconds) {
				this.objects.delete(key);
			}
		}
	}

	/** Records of the objects read, ending in [from, to). */
	recordsIn(objects: readonly S3Object[], fromSeconds: number, toSeconds: number): HeldRecord[] {
		return objects.flatMap((object) =>
			(object.parsed?.records ?? []).filter(
				(held) => held.timestamp >= fromSeconds * 1000 && held.timestamp < toSeconds * 1000,
			),
		);
	}

	/** What the objects read so far say about themselves: headers, damage. */
	notes(): string[] {
		const notes: string[] = [];
		const header = [...this.objects.values()].find((object) => object.parsed?.headerFormat);
		if (header?.parsed?.headerFormat !== undefined) {
			notes.push(
				`the files of ${this.source.flowLogId} name their fields (${header.parsed.headerFormat.fields.join(' ')}) unlike its LogFormat; lbtop reads them by the files' own names`,
			);
		}

		const damaged = [...this.objects.values()].filter((object) => object.parsed?.damage);
		const first = damaged[0];
		if (first !== undefined) {
			notes.push(
				`${damaged.length} file${damaged.length === 1 ? '' : 's'} of ${this.source.flowLogId} could not be read whole (s3://${this.source.bucket}/${first.key}: ${first.parsed?.damage}); lbtop keeps what came before the damage`,
			);
		}

		return notes;
	}

	get interfaceIds(): readonly string[] {
		return this.feed.interfaceIds;
	}

	private async parse(object: S3Object, signal: AbortSignal): Promise<ParsedObject> {
		const context = {
			key: object.key,
			format: this.feed.format,
			interfaceIds: new Set(this.feed.interfaceIds),
		};
		const {clients, requests} = this.io;
		const {bucket} = this.source;
		const parquet = object.key.endsWith('.parquet') || this.source.options.fileFormat === 'parquet';
		if (parquet) {
			return parseParquetObject(
				{
					byteLength: object.size,
					slice: async (start, end) => {
						const bytes = await objectRange(
							clients,
							bucket,
							object.key,
							{start, end: end ?? object.size},
							requests,
							signal,
						);
						return bytes.buffer.slice(
							bytes.byteOffset,
							bytes.byteOffset + bytes.byteLength,
						) as ArrayBuffer;
					},
				},
				context,
			);
		}

		return parseTextObject(
			await objectStream(clients, bucket, object.key, requests, signal),
			context,
		);
	}
}
