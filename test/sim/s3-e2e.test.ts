// S3 through the real HTTP server: the unmodified SDK client (path-style) and Debian's AWS CLI.
import {readFile, rm} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {gunzipSync, gzipSync} from 'node:zlib';
import {
	GetObjectCommand,
	HeadObjectCommand,
	ListObjectsV2Command,
	NoSuchBucket,
	NoSuchKey,
	S3Client,
	S3ServiceException,
} from '@aws-sdk/client-s3';
import {afterEach, describe, expect, it} from 'vitest';
import {type RunningSim, startSim} from '../../source/sim/server.js';
import {createS3Service} from '../../source/sim/services/s3/index.js';
import type {S3Bucket, S3Object} from '../../source/sim/world/types.js';
import {emptyWorld, t0} from './logs-test-world.js';
import {awsJson, runAwsCli} from './server/aws-cli.js';
import {sdkConfig} from './server/sdk-config.js';

const prefix = 'logs/AWSLogs/123456789012/vpcflowlogs/us-east-1/2026/11/20/';

function object(key: string, text: string, lastModified = t0 - 60_000): S3Object {
	return {key, body: gzipSync(text), lastModified, etag: `"${key.length}abc"`};
}

function keyAt(flowLogId: string, hhmm: string): string {
	return `${prefix}123456789012_vpcflowlogs_us-east-1_${flowLogId}_20261120T${hhmm}Z_0a1b2c3d.log.gz`;
}

function buckets(): S3Bucket[] {
	const objects = [
		object(keyAt('fl-0aaa', '1140'), 'version srcaddr\n2 10.0.0.1\n'),
		object(keyAt('fl-0aaa', '1145'), 'version srcaddr\n2 10.0.0.2\n'),
		object(keyAt('fl-0aaa', '1150'), 'version srcaddr\n2 10.0.0.3\n'),
		object(keyAt('fl-0bbb', '1140'), 'version srcaddr\n2 10.0.0.4\n'),
		// Uploaded after the sim's now: it does not exist yet.
		object(keyAt('fl-0bbb', '1155'), 'version srcaddr\n2 10.0.0.5\n', t0 + 60_000),
		object('other/readme.txt', 'hello'),
	];
	return [
		{name: 'flow-archive', creationDate: t0 - 86_400_000, objects},
		{
			name: 'locked-archive',
			creationDate: t0 - 86_400_000,
			readers: ['logs-account-key'],
			objects: [object('a.log.gz', 'x')],
		},
	];
}

let running: RunningSim | undefined;

async function start(): Promise<RunningSim> {
	running = await startSim({
		world: emptyWorld({
			dataLake: {buckets: buckets(), glueDatabases: [], glueTables: [], athenaWorkGroups: []},
		}),
		restServices: [createS3Service()],
		clock: {now: () => t0},
	});
	return running;
}

afterEach(async () => {
	await running?.close();
	running = undefined;
});

function client(url: string, accessKeyId = 'test'): S3Client {
	return new S3Client({
		...sdkConfig(url),
		credentials: {accessKeyId, secretAccessKey: 'test'},
		forcePathStyle: true,
	});
}

describe('S3 through the SDK', () => {
	it('lists only the keys after StartAfter, in key order, page by page', async () => {
		const sim = await start();
		const s3 = client(sim.url);
		const first = await s3.send(
			new ListObjectsV2Command({
				Bucket: 'flow-archive',
				Prefix: prefix,
				StartAfter: `${prefix}123456789012_vpcflowlogs_us-east-1_fl-0aaa_20261120T1141Z`,
				MaxKeys: 1,
			}),
		);
		expect(first.Contents?.map((item) => item.Key)).toEqual([keyAt('fl-0aaa', '1145')]);
		expect(first.IsTruncated).toBe(true);
		expect(first.KeyCount).toBe(1);
		const rest = await s3.send(
			new ListObjectsV2Command({
				Bucket: 'flow-archive',
				Prefix: prefix,
				ContinuationToken: first.NextContinuationToken,
			}),
		);
		// The object uploaded after now is not listed.
		expect(rest.Contents?.map((item) => item.Key)).toEqual([
			keyAt('fl-0aaa', '1150'),
			keyAt('fl-0bbb', '1140'),
		]);
		expect(rest.IsTruncated).toBe(false);
		expect(rest.Contents?.[0]?.Size).toBeGreaterThan(10);
		expect(rest.Contents?.[0]?.LastModified).toEqual(new Date(t0 - 60_000));
	});

	it('reads a whole object, a byte range, and the object head', async () => {
		const sim = await start();
		const s3 = client(sim.url);
		const key = keyAt('fl-0aaa', '1140');
		const whole = await s3.send(new GetObjectCommand({Bucket: 'flow-archive', Key: key}));
		const bytes = await whole.Body?.transformToByteArray();
		expect(gunzipSync(bytes ?? new Uint8Array()).toString()).toBe('version srcaddr\n2 10.0.0.1\n');
		const tail = await s3.send(
			new GetObjectCommand({Bucket: 'flow-archive', Key: key, Range: 'bytes=-8'}),
		);
		expect(tail.ContentRange).toBe(
			`bytes ${(bytes?.length ?? 0) - 8}-${(bytes?.length ?? 0) - 1}/${bytes?.length}`,
		);
		expect(await tail.Body?.transformToByteArray()).toEqual(bytes?.subarray(-8));
		const head = await s3.send(new HeadObjectCommand({Bucket: 'flow-archive', Key: key}));
		expect(head.ContentLength).toBe(bytes?.length);
		expect(head.ETag).toBe(`"${key.length}abc"`);
	});

	it('answers NoSuchKey, NoSuchBucket and AccessDenied as S3 does', async () => {
		const sim = await start();
		const s3 = client(sim.url);
		await expect(
			s3.send(new GetObjectCommand({Bucket: 'flow-archive', Key: keyAt('fl-0bbb', '1155')})),
		).rejects.toBeInstanceOf(NoSuchKey);
		await expect(
			s3.send(new ListObjectsV2Command({Bucket: 'no-such-bucket'})),
		).rejects.toBeInstanceOf(NoSuchBucket);
		const denied = await s3
			.send(new ListObjectsV2Command({Bucket: 'locked-archive'}))
			.catch((error: unknown) => error);
		expect(denied).toBeInstanceOf(S3ServiceException);
		expect(denied).toMatchObject({name: 'AccessDenied', $metadata: {httpStatusCode: 403}});
		const allowed = await client(sim.url, 'logs-account-key').send(
			new ListObjectsV2Command({Bucket: 'locked-archive'}),
		);
		expect(allowed.Contents?.map((item) => item.Key)).toEqual(['a.log.gz']);
	});
});

describe('S3 through the AWS CLI', () => {
	it('aws s3 ls lists folders and objects under a prefix', async () => {
		const sim = await start();
		const folders = await runAwsCli(sim.url, ['s3', 'ls', 's3://flow-archive/logs/AWSLogs/']);
		expect(folders.exitCode).toBe(0);
		expect(folders.stdout).toContain('PRE 123456789012/');
		const files = await runAwsCli(sim.url, ['s3', 'ls', `s3://flow-archive/${prefix}`]);
		expect(files.exitCode).toBe(0);
		expect(files.stdout.trim().split('\n')).toHaveLength(4);
		expect(files.stdout).toContain(
			'123456789012_vpcflowlogs_us-east-1_fl-0aaa_20261120T1140Z_0a1b2c3d.log.gz',
		);
	});

	it('aws s3 cp copies an object down byte for byte', async () => {
		const sim = await start();
		const target = join(tmpdir(), `lbtop-s3-cp-${process.pid}.log.gz`);
		try {
			const result = await runAwsCli(sim.url, [
				's3',
				'cp',
				`s3://flow-archive/${keyAt('fl-0aaa', '1145')}`,
				target,
			]);
			expect(result.exitCode).toBe(0);
			expect(gunzipSync(await readFile(target)).toString()).toBe('version srcaddr\n2 10.0.0.2\n');
		} finally {
			await rm(target, {force: true});
		}
	});

	it('aws s3api list-objects-v2 pages with --start-after and shows AccessDenied', async () => {
		const sim = await start();
		const listed = (await awsJson(sim.url, [
			's3api',
			'list-objects-v2',
			'--bucket',
			'flow-archive',
			'--prefix',
			prefix,
			'--start-after',
			keyAt('fl-0aaa', '1145'),
		])) as {Contents: {Key: string}[]};
		expect(listed.Contents.map((item) => item.Key)).toEqual([
			keyAt('fl-0aaa', '1150'),
			keyAt('fl-0bbb', '1140'),
		]);
		const denied = await runAwsCli(sim.url, ['s3', 'ls', 's3://locked-archive/']);
		expect(denied.exitCode).not.toBe(0);
		expect(denied.stderr).toContain('AccessDenied');
	});
});
