// The sim's own cost at 1x, 10x, 100x and 1000x the demo's traffic: `lbtop sim --scenario` on the
// busy healthy world scaled to each volume, run accelerated, read the way lbtop reads it (the
// fresh edge with FilterLogEvents, an Insights query per settled minute, metrics, target health,
// CloudTrail), while this process samples the sim's RSS and CPU from /proc.
//
//   npm run build && node dist/bench/sim-scale.js [scales, default 1,10,100,1000] [wall seconds, default 120]
import {readFileSync} from 'node:fs';
import {mkdtemp, writeFile} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import process from 'node:process';
import {CloudTrailClient, LookupEventsCommand} from '@aws-sdk/client-cloudtrail';
import {CloudWatchClient, GetMetricDataCommand} from '@aws-sdk/client-cloudwatch';
import {
	CloudWatchLogsClient,
	FilterLogEventsCommand,
	GetQueryResultsCommand,
	StartQueryCommand,
} from '@aws-sdk/client-cloudwatch-logs';
import {
	DescribeTargetGroupsCommand,
	DescribeTargetHealthCommand,
	ElasticLoadBalancingV2Client,
} from '@aws-sdk/client-elastic-load-balancing-v2';
import {repoRoot} from './paths.js';
import {type Usage, usageOf} from './proc-usage.js';
import {startSimProcess} from './sim-process.js';

const minute = 60_000;
const demoConnectionsPerMinute = 120;
/** World minutes each scale is run at: the sim must keep up with the reader at this speed. */
const speeds: Readonly<Record<number, number>> = {1: 60, 10: 20, 100: 5, 1000: 2};

async function scaledScenario(directory: string, scale: number): Promise<string> {
	const base = JSON.parse(
		readFileSync(join(repoRoot, 'examples', 'healthy-busy-nlb.json'), 'utf8'),
	);
	const [clients] = base.traffic.clients;
	clients.connectionsPerMinute = demoConnectionsPerMinute * scale;
	clients.addresses = Math.max(300, 20 * scale);
	base.traffic.start = '-20m';
	base.traffic.retention = '3.5h';
	const path = join(directory, `scale-${scale}.json`);
	await writeFile(path, JSON.stringify(base));
	return path;
}

type Reader = {
	readonly poll: (worldNow: number) => Promise<void>;
	readonly lagMs: () => number;
	readonly queries: () => number;
};

function lbtopLikeReader(url: string): Reader {
	const config = {
		endpoint: url,
		region: 'us-east-1',
		credentials: {accessKeyId: 't', secretAccessKey: 't'},
		maxAttempts: 1,
	};
	const logs = new CloudWatchLogsClient(config);
	const cloudwatch = new CloudWatchClient(config);
	const elb = new ElasticLoadBalancingV2Client(config);
	const trail = new CloudTrailClient(config);
	let newest = 0;
	let lag = 0;
	let queried = 0;
	let queries = 0;
	return {
		lagMs: () => lag,
		queries: () => queries,
		poll: async (worldNow) => {
			// The fresh edge: the newest minutes (records arrive 1.5-4 minutes late), 3 pages at most.
			let nextToken: string | undefined;
			const since = Math.max(newest - 2 * minute, worldNow - 5 * minute);
			for (let page = 0; page < 3; page++) {
				const answer = await logs.send(
					new FilterLogEventsCommand({
						logGroupName: '/vpc/flow-logs',
						startTime: since,
						endTime: worldNow,
						limit: 10_000,
						nextToken,
					}),
				);
				for (const event of answer.events ?? []) newest = Math.max(newest, event.timestamp ?? 0);
				nextToken = answer.nextToken;
				if (nextToken === undefined) break;
			}
			lag = worldNow - newest;
			// Each settled minute once, as an exact aggregate.
			const settled = Math.floor((worldNow - 6 * minute) / minute) * minute;
			if (queried === 0) queried = settled - minute;
			for (let start = queried + minute; start <= settled; start += minute) {
				const {queryId} = await logs.send(
					new StartQueryCommand({
						logGroupName: '/vpc/flow-logs',
						startTime: start / 1000,
						endTime: (start + minute) / 1000 - 1,
						queryString:
							'stats count(*) as flows, sum(bytes) as bytes by bin(60s), action, interfaceId',
					}),
				);
				for (;;) {
					const answer = await logs.send(new GetQueryResultsCommand({queryId}));
					if (answer.status !== 'Running' && answer.status !== 'Scheduled') break;
					await new Promise((resolve) => setTimeout(resolve, 250));
				}
				queries++;
				queried = start;
			}
			const lb = 'net/shop-nlb/7f3a2c9d1e5b4a60';
			await cloudwatch.send(
				new GetMetricDataCommand({
					StartTime: new Date(worldNow - 15 * minute),
					EndTime: new Date(worldNow),
					MetricDataQueries: ['NewFlowCount', 'ActiveFlowCount', 'ProcessedBytes'].map(
						(name, index) => ({
							Id: `m${index}`,
							MetricStat: {
								Metric: {
									Namespace: 'AWS/NetworkELB',
									MetricName: name,
									Dimensions: [{Name: 'LoadBalancer', Value: lb}],
								},
								Period: 60,
								Stat: 'Sum',
							},
						}),
					),
				}),
			);
			for (const group of (await elb.send(new DescribeTargetGroupsCommand({}))).TargetGroups ??
				[]) {
				await elb.send(new DescribeTargetHealthCommand({TargetGroupArn: group.TargetGroupArn}));
			}
			await trail.send(new LookupEventsCommand({MaxResults: 50}));
		},
	};
}

type Result = {
	readonly scale: number;
	readonly speed: number;
	readonly worldMinutes: number;
	readonly cpuPerWallMinute: number;
	readonly cpuPerWorldMinute: number;
	readonly rssSteady: number;
	readonly rssPeak: number;
	readonly lagMinutes: number;
	readonly queries: number;
};

async function measure(scale: number, wallSeconds: number, directory: string): Promise<Result> {
	const speed = speeds[scale] ?? 1;
	const scenario = await scaledScenario(directory, scale);
	const sim = await startSimProcess(['--scenario', scenario, '--speed', String(speed)]);
	const started = Date.now();
	const pid = sim.pid ?? -1;
	const reader = lbtopLikeReader(sim.url);
	const samples: {at: number; usage: Usage}[] = [];
	const sampler = setInterval(() => {
		const usage = usageOf(pid);
		if (usage !== undefined) samples.push({at: Date.now(), usage});
	}, 2000);
	try {
		while (Date.now() - started < wallSeconds * 1000) {
			const worldNow = started + (Date.now() - started) * speed;
			await reader.poll(worldNow);
			await new Promise((resolve) => setTimeout(resolve, 5000));
		}
	} finally {
		clearInterval(sampler);
		await sim.stop();
	}
	const half = samples.slice(Math.floor(samples.length / 2));
	const first = half[0];
	const last = half.at(-1);
	const wallMinutes = ((last?.at ?? 0) - (first?.at ?? 0)) / minute;
	const cpu = (last?.usage.cpuSeconds ?? 0) - (first?.usage.cpuSeconds ?? 0);
	const rss = half.map((sample) => sample.usage.rssMb).sort((left, right) => left - right);
	return {
		scale,
		speed,
		worldMinutes: (wallSeconds / 60) * speed,
		cpuPerWallMinute: cpu / Math.max(wallMinutes, 1e-9),
		cpuPerWorldMinute: cpu / Math.max(wallMinutes * speed, 1e-9),
		rssSteady: rss[Math.floor(rss.length / 2)] ?? 0,
		rssPeak: Math.max(...samples.map((sample) => sample.usage.rssMb)),
		lagMinutes: reader.lagMs() / minute,
		queries: reader.queries(),
	};
}

const scales = (process.argv[2] ?? '1,10,100,1000').split(',').map(Number);
const wallSeconds = Number(process.argv[3] ?? '120');
const directory = await mkdtemp(join(tmpdir(), 'lbtop-sim-scale-'));
process.stdout.write(
	'| scale | new connections/min | speed | world minutes | sim CPU-s per wall min | per world min | RSS steady MB | RSS peak MB | fresh-edge lag min | Insights queries |\n| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |\n',
);
for (const scale of scales) {
	const result = await measure(scale, wallSeconds, directory);
	process.stdout.write(
		`| ${result.scale}x | ${result.scale * demoConnectionsPerMinute} | ${result.speed}x | ${result.worldMinutes.toFixed(0)} | ${result.cpuPerWallMinute.toFixed(1)} | ${result.cpuPerWorldMinute.toFixed(2)} | ${result.rssSteady.toFixed(0)} | ${result.rssPeak.toFixed(0)} | ${result.lagMinutes.toFixed(1)} | ${result.queries} |\n`,
	);
}
