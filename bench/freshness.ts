// Benchmark 4, freshness: from PutLogEvents of a flow record into the sim to the record showing in
// lbtop's snapshot, against `aws logs tail --follow` on the same sim, stream and records, in the
// same run. Both run on the wall clock with their default cadences.
import {type ChildProcess, spawn} from 'node:child_process';
import {existsSync} from 'node:fs';
import {performance} from 'node:perf_hooks';
import process from 'node:process';
import {CloudWatchLogsClient, PutLogEventsCommand} from '@aws-sdk/client-cloudwatch-logs';
import type {Snapshot} from '../source/domain/snapshot.js';
import {deriveSnapshot} from '../source/live/derive.js';
import {Engine} from '../source/live/engine.js';
import {initialSnapshot} from '../source/live/initial-snapshot.js';
import {SnapshotStore} from '../source/live/store.js';
import {startWorldSim, type WorldSim} from '../source/sim/serve.js';
import {progress, runBenchmark} from './channel.js';
import {atMost, type Figure, info, median, notMeasured, round} from './figure.js';
import {monitorConfig} from './monitor-config.js';
import {monitorSources, sourcesNote} from './monitor-sources.js';

const benchmark = 'freshness';
const awsCli = '/usr/bin/aws';
const injections = 8;
// Not a multiple of either poll period, so the injections land at different phases of both.
const spacingMs = 6300;
const settleTimeoutMs = 30_000;

type Path = {
	readonly logGroupName: string;
	readonly logStreamName: string;
	readonly interfaceId: string;
	readonly lbAddr: string;
	readonly accountId: string;
};

function lbPath(sim: WorldSim): Path {
	const {world} = sim;
	const lbInterface = world.networkInterfaces.find((candidate) =>
		candidate.description.startsWith('ELB net/demo-nlb/'),
	);
	const group = world.logGroups[0];
	const stream = group?.streams.find((candidate) =>
		candidate.logStreamName.startsWith(lbInterface?.networkInterfaceId ?? '-'),
	);
	if (lbInterface === undefined || group === undefined || stream === undefined) {
		throw new Error('the demo world has no flow log stream for the load balancer');
	}

	return {
		logGroupName: group.logGroupName,
		logStreamName: stream.logStreamName,
		interfaceId: lbInterface.networkInterfaceId,
		lbAddr: lbInterface.privateIpAddress,
		accountId: world.accountId,
	};
}

/** Marker clients from the benchmarking range (RFC 2544), one per injection. */
const markerAddr = (index: number) => `198.18.7.${index + 1}`;

function seenInSnapshot(snapshot: Snapshot): Set<string> {
	const seen = new Set<string>();
	for (const connection of snapshot.flows?.connections ?? []) {
		if (connection.clientAddr.startsWith('198.18.7.')) {
			seen.add(connection.clientAddr);
		}
	}

	return seen;
}

function startTail(sim: WorldSim, path: Path, onLine: (line: string) => void): ChildProcess {
	const child = spawn(
		awsCli,
		[
			'--endpoint-url',
			sim.url,
			'--region',
			sim.region,
			'logs',
			'tail',
			path.logGroupName,
			'--follow',
			'--log-stream-names',
			path.logStreamName,
			'--format',
			'short',
			'--since',
			'1m',
		],
		{
			env: {
				...process.env,
				AWS_ACCESS_KEY_ID: 'test',
				AWS_SECRET_ACCESS_KEY: 'test',
				AWS_DEFAULT_REGION: 'us-east-1',
				PYTHONUNBUFFERED: '1',
				AWS_PAGER: '',
			},
			stdio: ['ignore', 'pipe', 'pipe'],
		},
	);
	let pending = '';
	child.stdout?.setEncoding('utf8');
	child.stdout?.on('data', (chunk: string) => {
		pending += chunk;
		const lines = pending.split('\n');
		pending = lines.pop() ?? '';
		for (const line of lines) {
			onLine(line);
		}
	});
	child.stderr?.resume();
	return child;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function measure(): Promise<Figure[]> {
	const name = 'lbtop latency / aws logs tail latency';
	if (!existsSync(awsCli)) {
		return [notMeasured({benchmark, name, unit: 'x', goal: '<= 1'}, `${awsCli} is not installed`)];
	}

	const sim = await startWorldSim({port: 0, seed: 1});
	const path = lbPath(sim);
	const config = monitorConfig();
	const store = new SnapshotStore(initialSnapshot(config, Date.now(), sim.region), deriveSnapshot);
	const engine = new Engine({
		config,
		store,
		aws: {endpointUrl: sim.url, credentials: sim.credentials, region: sim.region},
		sources: monitorSources,
	});
	const putAt = new Map<string, number>();
	const lbtopAt = new Map<string, number>();
	const tailAt = new Map<string, number>();
	let tailLines = 0;
	store.subscribe(() => {
		const now = performance.now();
		for (const addr of seenInSnapshot(store.getSnapshot())) {
			if (!lbtopAt.has(addr)) {
				lbtopAt.set(addr, now);
			}
		}
	});
	const tail = startTail(sim, path, (line) => {
		tailLines += 1;
		const match = /198\.18\.7\.\d+/.exec(line);
		if (match !== null && !tailAt.has(match[0])) {
			tailAt.set(match[0], performance.now());
		}
	});
	const logs = new CloudWatchLogsClient({
		endpoint: sim.url,
		region: sim.region,
		credentials: sim.credentials,
	});
	try {
		engine.start();
		progress(benchmark, 'waiting for lbtop’s first flows data and for the tail to start');
		const deadline = Date.now() + 30_000;
		while ((store.getSnapshot().flows === undefined || tailLines === 0) && Date.now() < deadline) {
			await sleep(100);
		}

		for (let index = 0; index < injections; index++) {
			const addr = markerAddr(index);
			const nowSeconds = Math.floor(Date.now() / 1000);
			// A record as flow logs deliver one: its one-minute window has just closed.
			const start = nowSeconds - 60;
			const message = [
				2,
				path.accountId,
				path.interfaceId,
				addr,
				path.lbAddr,
				40_000 + index,
				80,
				6,
				5,
				420,
				start,
				nowSeconds - 1,
				'ACCEPT',
				'OK',
			].join(' ');
			await logs.send(
				new PutLogEventsCommand({
					logGroupName: path.logGroupName,
					logStreamName: path.logStreamName,
					logEvents: [{timestamp: start * 1000, message}],
				}),
			);
			putAt.set(addr, performance.now());
			progress(benchmark, `injected ${addr}`);
			await sleep(spacingMs);
		}

		const settle = Date.now() + settleTimeoutMs;
		while ((lbtopAt.size < injections || tailAt.size < injections) && Date.now() < settle) {
			await sleep(100);
		}
	} finally {
		tail.kill('SIGTERM');
		logs.destroy();
		await engine.stop();
		await sim.close();
	}

	const latencies = (seen: ReadonlyMap<string, number>) =>
		[...putAt].flatMap(([addr, at]) => {
			const shown = seen.get(addr);
			return shown === undefined ? [] : [shown - at];
		});
	const lbtop = latencies(lbtopAt);
	const cli = latencies(tailAt);
	progress(
		benchmark,
		`lbtop saw ${lbtop.length}/${injections}, median ${median(lbtop).toFixed(0)} ms; tail saw ${cli.length}/${injections}, median ${median(cli).toFixed(0)} ms`,
	);
	const basis = `${injections} records put ${spacingMs / 1000} s apart on the LB interface's stream of the demo world (speed 1), median from PutLogEvents' answer to the record in lbtop's snapshot (store listener) / in the tail's output; lbtop refresh ${config.refreshMs / 1000} s (default), aws logs tail polls every 5 s; ${sourcesNote}`;
	if (lbtop.length === 0 || cli.length === 0) {
		return [
			notMeasured(
				{benchmark, name, unit: 'x', goal: '<= 1 (lbtop no slower)'},
				`lbtop saw ${lbtop.length}, the tail saw ${cli.length} of ${injections} records within ${settleTimeoutMs / 1000} s of the last put`,
			),
		];
	}

	const missed = `${injections - lbtop.length} missed by lbtop, ${injections - cli.length} by the tail`;
	return [
		atMost(
			{
				benchmark,
				name,
				value: round(median(lbtop) / median(cli)),
				unit: 'x',
				goal: '<= 1 (lbtop no slower)',
				notes: `${basis}; ${missed}`,
			},
			1,
		),
		info({
			benchmark,
			name: 'lbtop put-to-snapshot latency',
			value: Math.round(median(lbtop)),
			unit: 'ms',
			notes: `median; range ${Math.round(Math.min(...lbtop))}-${Math.round(Math.max(...lbtop))} ms`,
		}),
		info({
			benchmark,
			name: 'aws logs tail put-to-output latency',
			value: Math.round(median(cli)),
			unit: 'ms',
			notes: `median; range ${Math.round(Math.min(...cli))}-${Math.round(Math.max(...cli))} ms`,
		}),
	];
}

await runBenchmark(benchmark, measure);
