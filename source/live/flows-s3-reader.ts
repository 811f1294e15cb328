// The S3 path: a flow log delivering to S3 read from its own objects for the records (each poll
// lists only the new keys and reads each object once: flows-s3-objects.ts), and from Athena for
// the exact figures of settled time (one query per settled stretch and flow log, over just the
// files of that stretch). Records are placed in time by their `end`, as S3 files hold the records
// that end in their window. Without a fitting Athena table the settled figures come from the
// objects lbtop read itself, and the flows line says why.
import {AthenaRunner} from '../aws/athena-runner.js';
import {athenaRows, buildAthenaQuery} from '../domain/flows-window/athena-query.js';
import {
	CompactRows,
	countByBucket,
	type ExactSlice,
	type FlowFeed,
	fileWindowSeconds,
	type HeldRecord,
	type S3FeedSource,
	type TimeRange,
} from '../domain/flows-window/index.js';
import {recordRows} from '../domain/flows-window/record-rows.js';
import type {Topology} from '../domain/types/topology.js';
import {athenaCosting, s3RequestCounter} from './data-lake-costing.js';
import {localAddresses} from './flows-exact.js';
import type {FeedRead, KnownEvent, RawReadResult} from './flows-raw.js';
import type {FlowsReader} from './flows-reader.js';
import {AthenaTables} from './flows-s3-athena.js';
import {S3FeedObjects, type S3Object} from './flows-s3-objects.js';
import type {SourceEnvironment} from './source.js';

type S3Feed = FlowFeed & {readonly s3: S3FeedSource};

/** Records one fresh read keeps per feed, as a fresh FilterLogEvents read takes 10,000 events. */
const freshBudget = 10_000;
/** How far back a fresh read looks for files that arrived late. */
const freshLookbackSeconds = 30 * 60;

const isS3 = (feed: FlowFeed): feed is S3Feed => feed.s3 !== undefined;

type Counted = {readonly timestamp: number; readonly malformed: boolean};

function malformedOf(objects: readonly S3Object[], fromSeconds: number): Counted[] {
	return objects.flatMap((object) =>
		Array.from({length: object.parsed?.malformed ?? 0}, () => ({
			timestamp: Math.max(object.window ?? fromSeconds, fromSeconds) * 1000,
			malformed: true,
		})),
	);
}

function newestOf(records: readonly HeldRecord[]): number | undefined {
	let newest: number | undefined;
	for (const held of records) {
		newest = Math.max(newest ?? held.timestamp, held.timestamp);
	}
	return newest;
}

export function s3Reader(environment: SourceEnvironment): FlowsReader {
	const {clients, store} = environment;
	const {requests, flush: flushRequests} = s3RequestCounter(store);
	const runner = new AthenaRunner(clients, athenaCosting(store));
	const tables = new AthenaTables(clients, environment.config, runner);
	const catalogs = new Map<string, S3FeedObjects>();
	const tableNotes = new Map<string, readonly string[]>();
	let athenaTable = false;

	const objectsOf = (feed: S3Feed): S3FeedObjects => {
		const key = `${feed.logGroupName}\n${feed.format.fields.join(' ')}\n${feed.interfaceIds.join(',')}`;
		let objects = catalogs.get(key);
		if (objects === undefined) {
			objects = new S3FeedObjects(feed, {clients, requests});
			catalogs.set(key, objects);
		}
		return objects;
	};
	const nowSeconds = () => Math.floor(environment.now() / 1000);

	async function exactFor(
		feed: S3Feed,
		topology: Topology,
		range: TimeRange,
		bucketSeconds: number,
		signal: AbortSignal,
	): Promise<Pick<ExactSlice, 'timeline' | 'sources'>> {
		const objects = objectsOf(feed);
		await objects.listNew(range.start, range.end, nowSeconds(), signal);
		const files = objects.objectsFor(range.start, range.end);
		const choice = await tables.choiceFor(feed, environment.now(), signal);
		tableNotes.set(feed.logGroupName, choice.notes);
		const locals = localAddresses(topology);
		athenaTable = choice.kind === 'table';
		if (choice.kind === 'table') {
			// No file holds the stretch: nothing to count, and nothing to pay Athena for.
			if (files.length === 0) {
				return {timeline: [], sources: []};
			}

			const query = buildAthenaQuery({
				table: choice.table,
				range,
				interfaceIds: feed.interfaceIds,
				// A file lbtop found damaged would fail the whole query (Athena reads it as lbtop did).
				paths: files
					.filter((file) => file.parsed?.damage === undefined)
					.map((file) => `s3://${feed.s3.bucket}/${file.key}`),
				bucketSeconds,
			});
			const answer = await runner.run(
				{queryString: query.sql, parameters: query.parameters, workGroup: tables.workGroupName},
				signal,
			);
			return athenaRows(answer.header, answer.rows, locals);
		}

		await objects.read(files, Number.POSITIVE_INFINITY, signal);
		const records = objects.recordsIn(files, range.start, range.end).map((held) => held.record);
		return recordRows(records, bucketSeconds, locals);
	}

	const reader: FlowsReader = {
		scope: async (feeds) => feeds.map((feed) => ({feed, streams: []})),

		async readRaw(feedStreams, range, options, signal): Promise<RawReadResult> {
			try {
				const records: HeldRecord[] = [];
				const counted: Counted[] = [];
				const known = new Map<string, KnownEvent>();
				const feeds: FeedRead[] = [];
				for (const {feed} of feedStreams) {
					if (!isS3(feed)) {
						feeds.push({complete: true, coveredFrom: range.start, counts: new Map()});
						continue;
					}

					const objects = objectsOf(feed);
					const now = nowSeconds();
					// Which table answers settled time is known from the first read, so the flows
					// line can say at once when there is none, and what to do.
					const choice = await tables.choiceFor(feed, environment.now(), signal);
					tableNotes.set(feed.logGroupName, choice.notes);
					athenaTable = choice.kind === 'table';
					await objects.listNew(range.start, Math.min(range.end, now + 1), now, signal);
					objects.evictBefore(range.start - fileWindowSeconds);
					const files = objects.objectsFor(range.start, range.end);
					const {complete} = await objects.read(files, options.budget, signal);
					const held = objects.recordsIn(files, range.start, range.end);
					const feedCounted = [
						...held.map((record) => ({timestamp: record.timestamp, malformed: false})),
						...malformedOf(files, range.start),
					];
					records.push(...held);
					counted.push(...feedCounted);
					for (const record of held) {
						known.set(record.eventId, record);
					}
					const newest = newestOf(held);
					feeds.push({
						complete,
						// An unfinished read is not claimed to cover any stretch whole.
						coveredFrom: complete ? range.start : range.end,
						counts: countByBucket(feedCounted, options.bucketSeconds),
						...(newest === undefined ? {} : {newest}),
					});
				}

				return {
					range,
					read: {records, counts: countByBucket(counted, options.bucketSeconds)},
					complete: feeds.every((feed) => feed.complete),
					busy: new Set<string>(),
					known,
					feeds,
				};
			} finally {
				flushRequests();
			}
		},

		// S3 cannot hand out a stretch's REJECTs alone: its files are read newest first, within the
		// same budget, like any read.
		readRowsBackfill: (feedStreams, range, options, signal) =>
			reader.readRaw(feedStreams, range, {...options, busy: new Set()}, signal),

		async readFresh(feedStreams, options, signal) {
			try {
				const records: HeldRecord[] = [];
				const counted: Counted[] = [];
				const known = new Map<string, KnownEvent>();
				const newest: (number | undefined)[] = [];
				for (const [index, {feed}] of feedStreams.entries()) {
					const since = options.since[index];
					if (!isS3(feed) || since === undefined) {
						newest.push(undefined);
						continue;
					}

					const objects = objectsOf(feed);
					const now = nowSeconds();
					const from = Math.floor(since / 1000) - freshLookbackSeconds;
					await objects.listNew(from, now + 1, now, signal);
					const {read} = await objects.read(objects.objectsFor(from, now + 1), freshBudget, signal);
					const held = read.flatMap((object) => object.parsed?.records ?? []);
					records.push(...held);
					counted.push(
						...held.map((record) => ({timestamp: record.timestamp, malformed: false})),
						...malformedOf(read, from),
					);
					for (const record of held) {
						known.set(record.eventId, record);
					}
					newest.push(newestOf(held));
				}

				return {records, counts: countByBucket(counted, options.bucketSeconds), known, newest};
			} finally {
				flushRequests();
			}
		},

		async queryExact(feeds, topology, range, options, signal) {
			try {
				// One failed query makes the slice useless: its siblings are stopped, not left scanning.
				const siblings = new AbortController();
				const linked = AbortSignal.any([signal, siblings.signal]);
				const settled = await Promise.allSettled(
					feeds.filter(isS3).map((feed) =>
						exactFor(feed, topology, range, options.bucketSeconds, linked).catch(
							(error: unknown) => {
								siblings.abort(error);
								throw error;
							},
						),
					),
				);
				const parts = settled.map((result) => {
					if (result.status === 'rejected') {
						throw result.reason;
					}
					return result.value;
				});
				return {
					range,
					timeline: parts.flatMap((part) => part.timeline),
					sources: CompactRows.of(...parts.map((part) => part.sources)),
				};
			} finally {
				flushRequests();
			}
		},

		forget: () => undefined,
		notes: () => [
			...[...catalogs.values()].flatMap((objects) => objects.notes()),
			...[...tableNotes.values()].flat(),
		],
		via: () => (athenaTable ? 'S3 + Athena' : 'S3'),
	};
	return reader;
}
