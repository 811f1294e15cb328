// The flows source over a flow log delivered to S3: only new keys are listed each poll, each file
// is read once, a file's header line decides how it is read, Parquet is read through ranged GETs,
// damage costs only what it damaged, and a bucket lbtop may not read says which one and what to do.
import {gunzipSync, gzipSync} from 'node:zlib';
import type {GetObjectCommandInput, ListObjectsV2CommandInput} from '@aws-sdk/client-s3';
import {afterEach, describe, expect, it} from 'vitest';
import {createFlowsSource} from '../../source/live/flows-source.js';
import type {LiveSource} from '../../source/live/source.js';
import {putObjects} from '../../source/sim/services/s3/buckets.js';
import type {FlowLogDestinationOptions, S3Bucket, World} from '../../source/sim/world/types.js';
import {
	discover,
	type FlowsHarness,
	type HarnessOptions,
	startFlowsHarness,
} from '../integration/fixtures/flows-harness.js';
import {archiveBucket, deliveredToS3} from '../integration/fixtures/flows-s3-world.js';
import {accountId, recordLine} from '../integration/fixtures/flows-traffic.js';
import {clients, lbA} from '../integration/fixtures/flows-world.js';

let harness: FlowsHarness | undefined;
let source: LiveSource | undefined;

afterEach(async () => {
	await source?.dispose?.();
	await harness?.close();
	source = undefined;
	harness = undefined;
});

const textFiles: FlowLogDestinationOptions = {
	fileFormat: 'plain-text',
	hiveCompatiblePartitions: false,
	perHourPartition: false,
};

async function start(
	world: (world: World) => World = (served) => deliveredToS3(served),
	options: Omit<HarnessOptions, 'world'> = {},
): Promise<FlowsHarness & {calls: {command: string; input: unknown}[]}> {
	const started = await startFlowsHarness(300, {world, ...options});
	harness = started;
	await discover(started);
	const calls: {command: string; input: unknown}[] = [];
	const s3 = await started.environment.clients.s3();
	s3.middlewareStack.add(
		(next, context) => async (input) => {
			calls.push({command: context.commandName ?? '', input: input.input});
			return next(input);
		},
		{step: 'initialize', name: 'testS3Recorder'},
	);
	source = createFlowsSource()(started.environment);
	return Object.assign(started, {calls});
}

const run = () => source?.run(new AbortController().signal) ?? Promise.resolve();
const snapshot = () => harness?.environment.store.getSnapshot();
const shows = (client: string) =>
	(snapshot()?.flows?.connections ?? []).some((row) => row.clientAddr === client);
const bucketOf = (world: World): S3Bucket | undefined =>
	world.dataLake?.buckets.find((bucket) => bucket.name === archiveBucket);

describe('the flows source over S3', () => {
	it('reads each file once and lists only the keys after the last one seen', async () => {
		const started = await start();
		await run();
		expect(snapshot()?.sources.flows.status).toBe('ok');
		expect(shows(clients.healthy)).toBe(true);
		const gets = started.calls.filter((call) => call.command === 'GetObjectCommand');
		const keys = gets.map((call) => (call.input as GetObjectCommandInput).Key);
		expect(new Set(keys).size).toBe(keys.length);
		const listed = started.calls.filter((call) => call.command === 'ListObjectsV2Command');
		const before = listed.length;
		started.calls.length = 0;
		started.advance(11_000);
		await run();
		const again = started.calls.filter((call) => call.command === 'ListObjectsV2Command');
		expect(again.length).toBeGreaterThan(0);
		const newest = bucketOf(started.world)?.objects.at(-1)?.key;
		const last = again.at(-1)?.input as ListObjectsV2CommandInput | undefined;
		// Every key this flow log has is already known: the next listing starts after the newest.
		expect(last?.StartAfter).toBe(newest);
		expect(started.calls.some((call) => call.command === 'GetObjectCommand')).toBe(false);
		expect(before).toBeGreaterThan(0);
	});

	it('shows a file delivered now at the next fresh read', async () => {
		const started = await start();
		await run();
		const client = '198.18.0.90';
		const startSeconds = Math.floor(started.now() / 1000) - 90;
		const line = recordLine({
			eni: lbA.eni,
			src: client,
			sport: 45_000,
			dst: lbA.ip,
			dport: 80,
			start: startSeconds,
		});
		const window = Math.floor((startSeconds + 60) / 300) * 300;
		const stamp = new Date(window * 1000).toISOString().replace(/[-:]/g, '').slice(0, 13);
		const day = new Date(window * 1000).toISOString().slice(0, 10).replaceAll('-', '/');
		const bucket = bucketOf(started.world);
		if (bucket === undefined) throw new Error('no archive bucket');
		putObjects(bucket, [
			{
				key: `vpc/AWSLogs/${accountId}/vpcflowlogs/us-east-1/${day}/${accountId}_vpcflowlogs_us-east-1_fl-0edge000000000001_${stamp}Z_feedbeef.log.gz`,
				body: gzipSync(
					`version account-id interface-id srcaddr dstaddr srcport dstport protocol packets bytes start end action log-status\n${line}\n`,
				),
				lastModified: started.now(),
				etag: '"feedbeef"',
			},
		]);
		started.advance(2000);
		await run();
		expect(shows(client)).toBe(true);
	});

	it('reads files by their header line when it differs from LogFormat, and says so', async () => {
		const swapped = (served: World): World => {
			const world = deliveredToS3(served);
			const bucket = bucketOf(world);
			for (const object of bucket?.objects ?? []) {
				const text = gunzipText(object.body);
				const lines = text
					.trim()
					.split('\n')
					.map((line) => {
						const fields = line.split(' ');
						// srcaddr and dstaddr swapped in every line, the header included.
						[fields[3], fields[4]] = [fields[4] ?? '', fields[3] ?? ''];
						return fields.join(' ');
					});
				Object.assign(object, {body: gzipSync(`${lines.join('\n')}\n`)});
			}
			return world;
		};
		await start(swapped);
		await run();
		expect(shows(clients.healthy)).toBe(true);
		expect(snapshot()?.sources.flows.note).toMatch(/name their fields .* unlike its LogFormat/);
	});

	it('reads Parquet files (Hive folders by hour) through ranged GETs of their footer and columns', async () => {
		const started = await start((served) =>
			deliveredToS3(served, {
				fileFormat: 'parquet',
				hiveCompatiblePartitions: true,
				perHourPartition: true,
			}),
		);
		await run();
		expect(snapshot()?.sources.flows.status).toBe('ok');
		expect(shows(clients.blocked)).toBe(true);
		expect(snapshot()?.flows?.aggregates.rejected.flows).toBe(started.fixture.rejected);
		const ranges = started.calls.filter(
			(call) =>
				call.command === 'GetObjectCommand' &&
				(call.input as GetObjectCommandInput).Range !== undefined,
		);
		expect(ranges.length).toBeGreaterThan(0);
	});

	it('keeps what a damaged file held before the damage, reads the others, and names the file', async () => {
		const damaged = (served: World): World => {
			const world = deliveredToS3(served);
			const objects = bucketOf(world)?.objects ?? [];
			const victim = objects.find((object) => gunzipText(object.body).includes(clients.abandoned));
			if (victim !== undefined) {
				Object.assign(victim, {body: victim.body.subarray(0, victim.body.byteLength - 12)});
			}
			return world;
		};
		await start(damaged);
		await run();
		expect(snapshot()?.sources.flows.status).toBe('ok');
		expect(shows(clients.healthy)).toBe(true);
		expect(snapshot()?.sources.flows.note).toMatch(/could not be read whole .*gzip damaged/);
	});

	it('says a truncated Parquet file could not be read, and reads the rest', async () => {
		const truncated = (served: World): World => {
			const world = deliveredToS3(served, {...textFiles, fileFormat: 'parquet'});
			const victim = bucketOf(world)?.objects.at(-1);
			if (victim !== undefined) {
				Object.assign(victim, {
					body: victim.body.subarray(0, Math.floor(victim.body.byteLength / 2)),
				});
			}
			return world;
		};
		await start(truncated);
		await run();
		expect(snapshot()?.sources.flows.status).toBe('ok');
		expect(snapshot()?.sources.flows.note).toMatch(/Parquet unreadable/);
		expect(snapshot()?.flows?.connections.length).toBeGreaterThan(0);
	});

	it('names the bucket and the action it may not use, and suggests --logs-profile', async () => {
		await start((served) => {
			const world = deliveredToS3(served);
			const bucket = bucketOf(world);
			return {
				...world,
				dataLake: {
					...(world.dataLake ?? {
						buckets: [],
						glueDatabases: [],
						glueTables: [],
						athenaWorkGroups: [],
					}),
					buckets: [{...(bucket as S3Bucket), readers: ['log-archive-key']}],
				},
			};
		});
		await expect(run()).rejects.toMatchObject({
			iamAction: 's3:ListBucket',
			resource: `bucket ${archiveBucket}`,
		});
	});

	it('says no table covers the files and computes the settled figures itself', async () => {
		const started = await start((served) => deliveredToS3(served, textFiles, false));
		await run();
		expect(snapshot()?.sources.flows.status).toBe('ok');
		expect(snapshot()?.sources.flows.note).toMatch(
			/no Athena table covers s3:\/\/edge-flow-archive\/vpc\/ .*--print-athena-ddl/,
		);
		expect(snapshot()?.flows?.via).toBe('S3');
		expect(snapshot()?.flows?.aggregates.accepted.flows).toBe(started.fixture.accepted);
		expect(started.athena.startedQueries()).toBe(0);
	});
});

function gunzipText(body: Uint8Array): string {
	return gunzipSync(body).toString();
}
