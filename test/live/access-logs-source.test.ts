// The access logs source against an in-memory bucket and a fake Athena: each poll lists only the
// keys after the newest read (less the lateness allowance), reads each object once, newest first
// within the read budget, and says where its figures come from.
import {describe, expect, it} from 'vitest';
import {AwsClients} from '../../source/aws/clients.js';
import type {Listing} from '../../source/domain/access-logs/index.js';
import type {Config} from '../../source/domain/config.js';
import type {AccessLogsSetup, RequestsView, Snapshot} from '../../source/domain/snapshot.js';
import type {TableChoice} from '../../source/live/access-logs-athena.js';
import {
	type AccessLogQueries,
	createAccessLogsSource,
} from '../../source/live/access-logs-source.js';
import {initialSnapshot} from '../../source/live/initial-snapshot.js';
import type {LiveSource} from '../../source/live/source.js';
import {SnapshotStore} from '../../source/live/store.js';
import {albLine} from '../../source/sim/delivery/access-log-lines.js';
import {accessLogObject} from '../../source/sim/delivery/access-log-objects.js';
import {metricsTopology} from '../domain/metrics/topology-fixture.js';

const minute = 60_000;
const now = Date.UTC(2026, 11, 6, 10, 0, 30);
const account = '123456789012';
const elb = 'app/shop-alb/6f2a9c1e4b7d3a58';
const arn = `arn:aws:elasticloadbalancing:us-east-1:${account}:loadbalancer/${elb}`;
const tg = `arn:aws:elasticloadbalancing:us-east-1:${account}:targetgroup/web/3c8e1f5a7b2d9e04`;
const baseConfig: Config = {
	target: 'shop-alb',
	windowMs: 15 * minute,
	refreshMs: 10_000,
	logGroups: [],
	output: 'json',
	color: false,
	ascii: false,
};
const setup: AccessLogsSetup = {
	access: {
		bucket: 'logs',
		prefix: 'alb',
		location: `s3://logs/alb/AWSLogs/${account}/elasticloadbalancing/us-east-1/`,
	},
	gaps: [],
};

/** One file of `count` requests to `target` in the interval ending at `end`, from node `node`. */
function file(end: number, node: string, count: number, target = '10.0.10.31:8080', status = 200) {
	const lines = Array.from({length: count}, (_, at) =>
		albLine({
			time: end - 4 * minute + at * 1000,
			elb,
			client: '198.51.100.7',
			clientPort: 40_000 + at,
			target,
			targetTime: 0.05 + at / 1000,
			elbStatus: status,
			targetStatus: status,
			method: 'GET',
			url: 'http://shop.example.com:80/cart',
			userAgent: 'curl/8.5.0',
			targetGroupArn: tg,
			traceId: `Root=1-${at}`,
			receivedBytes: 300,
			sentBytes: 2000,
			connTraceId: 'TID_1',
		}),
	);
	const object = accessLogObject({
		prefix: 'alb/',
		account,
		region: 'us-east-1',
		type: 'application',
		name: 'shop-alb',
		id: '6f2a9c1e4b7d3a58',
		intervalEnd: end,
		nodeIp: node,
		deliveredAt: end + 2 * minute,
		lines,
	});
	return {key: object.key, lines};
}

type Bucket = {
	files: {key: string; lines: string[]}[];
	readonly listings: Listing[];
	readonly reads: string[];
};

type Options = {
	readBudget?: number;
	table?: boolean;
	windowMs?: number;
	/** Athena's answer fails with this message. */
	athenaFails?: string;
};

function harness(options: Options = {}) {
	let config: Config = {...baseConfig, windowMs: options.windowMs ?? baseConfig.windowMs};
	const bucket: Bucket = {files: [], listings: [], reads: []};
	const store = new SnapshotStore({
		...initialSnapshot(config, now, 'us-east-1'),
		topology: metricsTopology({arn, name: 'shop-alb', type: 'application'}),
		accessLogs: setup,
	});
	let clock = now;
	const athenaAsked: string[] = [];
	const athenaView = {precision: 'exact', percentiles: 'athena'} as RequestsView;
	const athena: AccessLogQueries = {
		table: async (): Promise<TableChoice> =>
			options.table === true
				? {kind: 'table', table: {database: 'elb_logs', name: 'alb_access_logs'}}
				: {kind: 'none', note: 'no Glue table covers the logs'},
		requests: async (_table, range) => {
			athenaAsked.push(`${range.elb} ${range.start}-${range.end}`);
			if (options.athenaFails !== undefined) {
				throw new Error(options.athenaFails);
			}
			return athenaView;
		},
		tls: async () => {
			throw new Error('not an NLB');
		},
	};
	const source: LiveSource = createAccessLogsSource({
		...(options.readBudget === undefined ? {} : {readBudget: options.readBudget}),
		athena: () => athena,
		objectStore: () => ({
			list: async (listing) => {
				bucket.listings.push(listing);
				return bucket.files
					.filter(
						(item) =>
							item.key.startsWith(listing.prefix) &&
							(listing.startAfter === undefined || item.key > listing.startAfter),
					)
					.sort((a, b) => a.key.localeCompare(b.key))
					.map((item) => ({key: item.key, size: 100}));
			},
			lines: async (key) => {
				bucket.reads.push(key);
				const found = bucket.files.find((item) => item.key === key);
				return (async function* () {
					yield* found?.lines ?? [];
				})();
			},
		}),
	})({
		clients: new AwsClients({endpointUrl: 'http://127.0.0.1:9', region: 'us-east-1'}),
		// A getter, as the engine's: `t` changes the window between runs.
		get config() {
			return config;
		},
		store,
		now: () => clock,
		callContext: (iamAction) => ({iamAction, now: clock}),
		refresh: () => undefined,
	});
	const run = () => source.run(new AbortController().signal);
	return {
		bucket,
		store,
		source,
		run,
		athenaAsked,
		athenaView,
		setNow: (time: number) => {
			clock = time;
		},
		setWindow: (windowMs: number) => {
			config = {...config, windowMs};
		},
		snapshot: (): Snapshot => store.getSnapshot(),
	};
}

const end = (minutesAgo: number) =>
	Math.floor((now - minutesAgo * minute) / (5 * minute)) * 5 * minute;

describe('the access logs source', () => {
	it('reads every object of the window once and says the figures come from the objects', async () => {
		const rig = harness();
		rig.bucket.files = [
			file(end(10), '10.0.0.142', 3),
			file(end(5), '10.0.0.142', 4),
			file(end(5), '10.0.1.87', 5),
		];
		await rig.run();
		const {requests, accessLogs} = rig.snapshot();
		expect(requests?.totals.requests).toBe(12);
		expect(requests?.precision).toBe('provisional');
		expect(requests?.percentiles).toBe('sketch');
		expect(accessLogs?.reads).toMatchObject({basis: 'objects', objectsRead: 3, objectsUnread: 0});
		expect(accessLogs?.reads?.state).toMatchObject({status: 'ok', dataThrough: end(5)});
		expect(accessLogs?.reads?.state.note).toMatch(/^from the objects read; no Glue table covers/);
		expect(rig.bucket.reads).toHaveLength(3);
	});

	it('lists only keys after the newest read, less the lateness allowance, and never reads a key twice', async () => {
		const rig = harness({windowMs: 60 * minute});
		rig.bucket.files = [file(end(70), '10.0.0.142', 1), file(end(5), '10.0.0.142', 2)];
		await rig.run();
		// Files older than the window are listed past: StartAfter begins at the window's start.
		expect(rig.bucket.listings[0]?.startAfter).toMatch(/_20261206T0900Z$/);
		expect(rig.snapshot().requests?.totals.requests).toBe(2);

		// A node's file of the same interval arrives late, and the next interval lands.
		rig.bucket.files.push(file(end(5), '10.0.1.87', 3), file(end(0), '10.0.0.142', 4));
		rig.setNow(now + 5 * minute);
		await rig.run();
		expect(rig.bucket.listings.at(-1)?.startAfter).toMatch(/_20261206T0940Z$/);
		expect(rig.snapshot().requests?.totals.requests).toBe(2 + 3 + 4);
		expect(new Set(rig.bucket.reads).size).toBe(rig.bucket.reads.length);
		expect(rig.bucket.reads).toHaveLength(3);
	});

	it('reads the newest first within its budget, says `sampled`, and reads the rest on the next polls', async () => {
		const rig = harness({readBudget: 4});
		rig.bucket.files = [
			file(end(10), '10.0.0.142', 3),
			file(end(5), '10.0.0.142', 4),
			file(end(5), '10.0.1.87', 5),
		];
		await rig.run();
		expect(rig.snapshot().requests?.precision).toBe('sampled');
		expect(rig.snapshot().accessLogs?.reads?.objectsUnread).toBe(2);
		expect(rig.snapshot().accessLogs?.reads?.state.note).toMatch(
			/2 of the window's files not read yet/,
		);
		await rig.run();
		expect(rig.bucket.reads.map((key) => /_(\d{8}T\d{4}Z)_/.exec(key)?.[1])).toEqual([
			'20261206T0955Z',
			'20261206T0955Z',
		]);
		expect(rig.snapshot().requests?.precision).toBe('sampled');
		await rig.run();
		expect(rig.snapshot().requests?.precision).toBe('provisional');
		expect(rig.snapshot().requests?.totals.requests).toBe(12);
	});

	it('takes Athena figures when a table exists and the objects cannot cover the window, asking once per interval', async () => {
		const rig = harness({readBudget: 1, table: true});
		rig.bucket.files = [file(end(10), '10.0.0.142', 3), file(end(5), '10.0.0.142', 4)];
		await rig.run();
		expect(rig.snapshot().accessLogs?.reads).toMatchObject({
			basis: 'athena',
			table: 'elb_logs.alb_access_logs',
		});
		expect(rig.snapshot().requests).toBe(rig.athenaView);
		expect(rig.athenaAsked).toEqual([`${elb} ${now - baseConfig.windowMs}-${end(5)}`]);
		rig.setNow(now + 30_000);
		await rig.run();
		// Everything is read now: the objects' own figures again, and Athena is not asked.
		expect(rig.snapshot().accessLogs?.reads?.basis).toBe('objects');
		expect(rig.athenaAsked).toHaveLength(1);
	});

	it("keeps the objects' figures when Athena's query fails, and says why", async () => {
		const rig = harness({
			readBudget: 1,
			table: true,
			athenaFails: 'HIVE_CURSOR_ERROR: cannot read the file',
		});
		rig.bucket.files = [file(end(10), '10.0.0.142', 3), file(end(5), '10.0.0.142', 4)];
		await rig.run();
		const {accessLogs, requests} = rig.snapshot();
		expect(accessLogs?.reads?.basis).toBe('objects');
		expect(accessLogs?.reads?.state.note).toMatch(
			/Athena: .*HIVE_CURSOR_ERROR: cannot read the file/,
		);
		expect(requests?.precision).toBe('sampled');
		expect(requests?.totals.requests).toBe(4);
	});

	it('asks Athena again at once when the window changes', async () => {
		const rig = harness({readBudget: 1, table: true});
		rig.bucket.files = [
			file(end(20), '10.0.0.142', 1),
			file(end(10), '10.0.0.142', 3),
			file(end(5), '10.0.0.142', 4),
			file(end(5), '10.0.1.87', 2),
		];
		await rig.run();
		rig.source.refreshRequested?.();
		await rig.run();
		expect(rig.athenaAsked).toHaveLength(1);
		rig.setWindow(60 * minute);
		await rig.run();
		expect(rig.athenaAsked).toHaveLength(2);
		expect(rig.athenaAsked[1]).toBe(`${elb} ${now - 60 * minute}-${end(5)}`);
	});

	it('lets intervals go once the window has left them', async () => {
		const rig = harness();
		rig.bucket.files = [file(end(10), '10.0.0.142', 3), file(end(5), '10.0.0.142', 4)];
		await rig.run();
		rig.setNow(now + 6 * minute);
		await rig.run();
		const requests = rig.snapshot().requests;
		expect(requests?.totals.requests).toBe(4);
		expect(requests?.coverage?.start).toBe(end(5) - 5 * minute);
	});

	it('names a bucket it may not read as a gap, with the action and --logs-profile, keeping the figures', async () => {
		const rig = harness();
		rig.bucket.files = [file(end(5), '10.0.0.142', 2)];
		await rig.run();
		rig.source.recordFailure?.(
			{
				kind: 'access-denied',
				message: 's3:GetObject on bucket logs was denied',
				hint: 'grant it',
				iamAction: 's3:GetObject',
				at: now,
			},
			now + 20_000,
		);
		const {accessLogs, requests} = rig.snapshot();
		expect(requests?.totals.requests).toBe(2);
		expect(accessLogs?.reads?.state).toMatchObject({status: 'stale', retryAt: now + 20_000});
		expect(accessLogs?.gaps).toEqual([
			expect.objectContaining({
				kind: 'bucket-unreadable',
				message: expect.stringMatching(/s3:GetObject was denied.*--logs-profile NAME/),
			}),
		]);
		await rig.run();
		expect(rig.snapshot().accessLogs?.gaps).toEqual([]);
	});

	it('clears the slices when the access logs are off', async () => {
		const rig = harness();
		rig.bucket.files = [file(end(5), '10.0.0.142', 2)];
		await rig.run();
		rig.store.update((snapshot) => ({...snapshot, accessLogs: {gaps: []}}));
		await rig.run();
		expect(rig.snapshot().requests).toBeUndefined();
	});
});
