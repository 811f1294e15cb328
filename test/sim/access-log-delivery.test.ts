// Access log files as the sim delivers them: named as ELB names them (the domain's key reader
// reads them back), one file per node per 5 minutes, each one to four minutes after its interval
// ends, and none kept past the retention; the ALB example's files agree with its metrics.
import {readFileSync} from 'node:fs';
import {gunzipSync} from 'node:zlib';
import {describe, expect, it} from 'vitest';
import {
	parseAccessLogKey,
	parseAlbEntries,
	parseNlbEntries,
} from '../../source/domain/access-logs/index.js';
import {
	type AccessLogFeed,
	deliverAccessLogs,
} from '../../source/sim/delivery/access-log-delivery.js';
import {type AccessLogFile, accessLogKey} from '../../source/sim/delivery/access-log-objects.js';
import {loadScenarioModel} from '../../source/sim/scenario/index.js';
import type {S3Bucket} from '../../source/sim/world/types.js';

const minute = 60_000;
const end = Date.UTC(2026, 11, 6, 23, 40);

const file = {
	prefix: 'alb/',
	account: '123456789012',
	region: 'eu-west-1',
	name: 'shop-alb',
	id: '6f2a9c1e4b7d3a58',
	intervalEnd: end,
	deliveredAt: end + 2 * minute,
	lines: [],
};

describe('access log keys', () => {
	it.each([
		[
			'an ALB node file',
			{...file, type: 'application' as const, nodeIp: '10.0.0.142'},
			'alb/AWSLogs/123456789012/elasticloadbalancing/eu-west-1/2026/12/06/123456789012_elasticloadbalancing_eu-west-1_app.shop-alb.6f2a9c1e4b7d3a58_20261206T2340Z_10.0.0.142_ab12cd34.log.gz',
		],
		[
			'an NLB file, without a node address',
			{...file, type: 'network' as const},
			'alb/AWSLogs/123456789012/elasticloadbalancing/eu-west-1/2026/12/06/123456789012_elasticloadbalancing_eu-west-1_net.shop-alb.6f2a9c1e4b7d3a58_20261206T2340Z_ab12cd34.log.gz',
		],
		[
			'a file delivered after midnight: the folder is the delivery day',
			{
				...file,
				type: 'application' as const,
				nodeIp: '10.0.0.142',
				intervalEnd: Date.UTC(2026, 11, 7),
				deliveredAt: Date.UTC(2026, 11, 7, 0, 3),
			},
			'alb/AWSLogs/123456789012/elasticloadbalancing/eu-west-1/2026/12/07/123456789012_elasticloadbalancing_eu-west-1_app.shop-alb.6f2a9c1e4b7d3a58_20261207T0000Z_10.0.0.142_ab12cd34.log.gz',
		],
	] satisfies [string, AccessLogFile, string][])('%s', (_name, input: AccessLogFile, key) => {
		expect(accessLogKey(input, 'ab12cd34')).toBe(key);
		expect(parseAccessLogKey(key)).toMatchObject({
			kind: 'access',
			intervalEnd: input.intervalEnd,
			intervalStart: input.intervalEnd - 5 * minute,
			...(input.nodeIp === undefined ? {} : {nodeIp: input.nodeIp}),
		});
	});
});

function feed(bucket: S3Bucket, nodes: readonly string[]): AccessLogFeed {
	return {
		bucket,
		prefix: '',
		account: '123456789012',
		region: 'us-east-1',
		type: 'application',
		name: 'shop-alb',
		id: '6f2a9c1e4b7d3a58',
		seed: 7,
		minute: (start) => nodes.map((node) => ({node, line: `${node} ${start}`})),
	};
}

describe('access log delivery', () => {
	const from = Date.UTC(2026, 11, 6, 10, 0);

	it('delivers one file per node every 5 minutes, each one to four minutes after its interval ends', () => {
		const bucket: S3Bucket = {name: 'logs', creationDate: 0, objects: []};
		const delivery = deliverAccessLogs([feed(bucket, ['10.0.0.142', '10.0.1.87'])], {from});
		delivery.advanceTo(from + 30 * minute);
		const files = bucket.objects.map((object) => ({
			object,
			key: parseAccessLogKey(object.key),
			lines: gunzipSync(object.body).toString().trim().split('\n'),
		}));
		const ends = [...new Set(files.map((item) => item.key?.intervalEnd))].sort();
		// Intervals ending 10:05 … 10:25 are due by 10:30 (the one ending 10:30 is not yet).
		expect(ends).toEqual([5, 10, 15, 20, 25].map((at) => from + at * minute));
		for (const item of files) {
			const intervalEnd = item.key?.intervalEnd ?? 0;
			expect(item.object.lastModified - intervalEnd).toBeGreaterThanOrEqual(minute);
			expect(item.object.lastModified - intervalEnd).toBeLessThanOrEqual(4 * minute);
			expect(item.lines).toHaveLength(5);
			expect(item.lines.every((line) => line.startsWith(`${item.key?.nodeIp} `))).toBe(true);
		}
		expect(files).toHaveLength(2 * ends.length);
	});

	it.each([
		['exactly a minute late', {min: minute, max: minute}],
		['ninety seconds to six minutes late', {min: 1.5 * minute, max: 6 * minute}],
	])('delivers each file %s when the world says so', (_name, delay) => {
		const bucket: S3Bucket = {name: 'logs', creationDate: 0, objects: []};
		const delivery = deliverAccessLogs([{...feed(bucket, ['10.0.0.142', '10.0.1.87']), delay}], {
			from,
		});
		delivery.advanceTo(from + 60 * minute);
		const lateness = bucket.objects.map(
			(object) => object.lastModified - (parseAccessLogKey(object.key)?.intervalEnd ?? 0),
		);
		expect(lateness.length).toBeGreaterThan(10);
		expect(Math.min(...lateness)).toBeGreaterThanOrEqual(delay.min);
		expect(Math.max(...lateness)).toBeLessThanOrEqual(delay.max);
		// Nothing is made before its earliest delivery: the interval ending at 11:00 is not yet due.
		expect(
			bucket.objects.every((object) => object.lastModified <= from + 60 * minute + delay.max),
		).toBe(true);
	});

	it('makes files only when due, and drops those past the retention', () => {
		const bucket: S3Bucket = {name: 'logs', creationDate: 0, objects: []};
		const delivery = deliverAccessLogs([feed(bucket, ['10.0.0.142'])], {
			from,
			retentionMs: 20 * minute,
		});
		delivery.advanceTo(from + 5 * minute);
		expect(bucket.objects).toHaveLength(0);
		delivery.advanceTo(from + 6 * minute);
		expect(bucket.objects).toHaveLength(1);
		delivery.advanceTo(from + 24 * 60 * minute);
		expect(bucket.objects.length).toBeLessThanOrEqual(5);
		expect(
			bucket.objects.every(
				(object) => object.lastModified >= from + 24 * 60 * minute - 20 * minute,
			),
		).toBe(true);
	});
});

describe('the ALB example', () => {
	it('logs as many requests and target 5XX as its metrics count, in lines the parser reads whole', () => {
		const now = Date.UTC(2026, 11, 6, 10, 2, 30);
		const json = JSON.parse(readFileSync('examples/alb-target-5xx.json', 'utf8')) as unknown;
		const {world} = loadScenarioModel(json, {now, source: 'examples/alb-target-5xx.json'});
		const bucket = world.dataLake?.buckets.find((item) => item.name === 'shop-alb-logs');
		const parsed = (bucket?.objects ?? []).map((object) =>
			parseAlbEntries(gunzipSync(object.body).toString().trim().split('\n')),
		);
		const entries = parsed.flatMap((item) => item.entries);
		expect(parsed.every((item) => item.malformed === 0)).toBe(true);
		const metric = (name: string) =>
			world.metrics
				.filter(
					(datum) =>
						datum.metricName === name &&
						datum.dimensions.length === 1 &&
						datum.dimensions[0]?.name === 'LoadBalancer',
				)
				.reduce((total, datum) => total + (datum.values[0] ?? 0), 0);
		expect(entries).toHaveLength(metric('RequestCount'));
		expect(entries.filter((entry) => entry.targetStatusCode === 500)).toHaveLength(
			metric('HTTPCode_Target_5XX_Count'),
		);
		expect(entries.filter((entry) => entry.elbStatusCode === 504)).toHaveLength(
			metric('HTTPCode_ELB_504_Count'),
		);
		expect(
			world.dataLake?.glueTables.map((table) => `${table.databaseName}.${table.name}`),
		).toEqual(['elb_logs.shop_alb_access_logs']);
	});
});

describe("the ALB example's delivery", () => {
	const json = JSON.parse(readFileSync('examples/alb-target-5xx.json', 'utf8')) as unknown;

	// The example says its access logs show the failing target request by request: that must hold
	// whenever a user starts it, not only at some phases of the logs' 5-minute intervals (the
	// rollout's minutes straddle an interval's end when a run starts two to four minutes into one).
	const intervals = Array.from({length: 8}, (_, at) => Date.UTC(2026, 11, 6, 23, 20 + 5 * at));
	it.each([0, 60, 125, 150, 175, 239])(
		'shows the failing minutes in the files landed by %is into any interval',
		(seconds) => {
			for (const start of intervals) {
				const now = start + seconds * 1000;
				const {world} = loadScenarioModel(json, {now, source: 'examples/alb-target-5xx.json'});
				const bucket = world.dataLake?.buckets.find((item) => item.name === 'shop-alb-logs');
				const landed = (bucket?.objects ?? []).filter((object) => object.lastModified <= now);
				const failing = landed
					.flatMap(
						(object) =>
							parseAlbEntries(gunzipSync(object.body).toString().trim().split('\n')).entries,
					)
					.filter(
						(entry) => entry.targetStatusCode === 500 && (entry.targetProcessingTime ?? 0) >= 5,
					);
				// The rollout's first two failing minutes alone answer 82 requests with a 500.
				expect({at: new Date(now).toISOString(), failing: failing.length >= 50}).toEqual({
					at: new Date(now).toISOString(),
					failing: true,
				});
			}
		},
	);

	it('reads a delivery span and reports one whose max is below its min', () => {
		const entry = (delivery: unknown) => {
			const copy = structuredClone(json) as {accessLogs: Record<string, unknown>[]};
			copy.accessLogs = copy.accessLogs.map((item) => ({...item, delivery}));
			return copy;
		};
		expect(() =>
			loadScenarioModel(entry({min: '2m', max: '90s'}), {
				now: Date.UTC(2026, 11, 6),
				source: 'x.json',
			}),
		).toThrow(/accessLogs\[0\]\.delivery\.max.*at least min/);
		expect(() =>
			loadScenarioModel(entry({min: '30s', max: '2m'}), {
				now: Date.UTC(2026, 11, 6),
				source: 'x.json',
			}),
		).not.toThrow();
	});
});

describe('the NLB TLS example', () => {
	it("logs its TLS listener's connections: handshakes, clients on TLS 1.0 and the alert they send", () => {
		const now = Date.UTC(2026, 11, 6, 10, 2, 30);
		const json = JSON.parse(readFileSync('examples/nlb-tls-old-clients.json', 'utf8')) as unknown;
		const {world} = loadScenarioModel(json, {now, source: 'examples/nlb-tls-old-clients.json'});
		const bucket = world.dataLake?.buckets.find((item) => item.name === 'shop-nlb-logs');
		const objects = (bucket?.objects ?? []).filter((object) => object.lastModified <= now);
		expect(objects.length).toBeGreaterThan(10);
		expect(objects.every((object) => parseAccessLogKey(object.key)?.lbType === 'network')).toBe(
			true,
		);
		const parsed = objects.map((object) =>
			parseNlbEntries(gunzipSync(object.body).toString().trim().split('\n')),
		);
		const entries = parsed.flatMap((item) => item.entries);
		expect(parsed.every((item) => item.malformed === 0)).toBe(true);
		expect(entries.some((entry) => entry.tlsProtocolVersion === 'tlsv10')).toBe(true);
		expect(
			entries.some((entry) => entry.incomingTlsAlert === 48 && entry.handshakeTimeMs === undefined),
		).toBe(true);
		expect(new Set(entries.map((entry) => entry.listener)).size).toBe(1);
	});
});
