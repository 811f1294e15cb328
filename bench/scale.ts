// The scale curve: lbtop and the sim at 1x, 10x, 100x and 1000x the demo world's traffic (120 new
// connections a minute, up to 120,000: a busy NLB). For each volume the sim serves the demo world
// in its own process on an accelerated clock, and lbtop runs in a second process as the interactive
// monitor does (engine, store, the App drawing 200x50 into a terminal that discards the frames),
// on the same clock; this process reads both processes' CPU time and RSS from /proc and lbtop's
// snapshot through marked lines: how far behind its rows are, whether it says they are sampled,
// and what Insights scanned.
//
//   npm run bench -- scale                      all four volumes (about 7 minutes)
//   LBTOP_BENCH_SCALES=1000 npm run bench -- scale
//   LBTOP_BENCH_SCALE_WORLD_MINUTES=30 npm run bench -- scale   longer runs
//   LBTOP_BENCH_SCALE_SPEED=1 ...                  one clock speed for every volume
//   LBTOP_BENCH_SCALE_HISTORY_MINUTES=180 ...      the world's history before lbtop starts (30)
import {type ChildProcess, spawn} from 'node:child_process';
import process from 'node:process';
import {startupFlags} from '../source/heap-settings.js';
import {progress, runBenchmark} from './channel.js';
import {stopChild} from './children.js';
import {atMost, type Figure, info, judged, median, notMeasured, round} from './figure.js';
import {onLines} from './lines.js';
import {asTheBinSets, builtBench, bundledBench} from './paths.js';
import {load, procAvailable, type Sample, usageOf} from './proc-usage.js';

const benchmark = 'scale';
const demoConnectionsPerMinute = 120;
/** Clock speed per volume: each run covers the same world minutes; the sim must keep up. */
const speeds: Readonly<Record<number, number>> = {1: 24, 10: 12, 100: 6, 1000: 3};
const worldMinutes = Number(process.env.LBTOP_BENCH_SCALE_WORLD_MINUTES ?? '12');
/** One clock speed for every volume, e.g. 1 where the sim cannot keep up accelerated. */
const speedOverride =
	process.env.LBTOP_BENCH_SCALE_SPEED === undefined
		? undefined
		: Number(process.env.LBTOP_BENCH_SCALE_SPEED);
const scales = (process.env.LBTOP_BENCH_SCALES ?? '1,10,100,1000').split(',').map(Number);
/**
 * World minutes of history the sim builds before lbtop starts: enough for lbtop's window and its
 * backfill; the demo's default three hours take the sim over ten minutes to build at 1000x on a
 * shared machine, none of it measured.
 */
const historyMinutes = Number(process.env.LBTOP_BENCH_SCALE_HISTORY_MINUTES ?? '30');
const memoryGoalMb = 200;

type Ready = {
	readonly url: string;
	readonly origin: number;
	readonly speed: number;
	readonly region: string;
};
type Stat = {
	readonly worldNow: number;
	readonly flowsRuns: number;
	readonly recordsRead: number;
	readonly connections: number;
	readonly flowsStatus: string;
	readonly lagMs?: number;
	readonly sampled: boolean;
	readonly windowRecordsRead: number;
	readonly windowRecordsMatched: number;
	readonly bytesScanned: number;
	readonly queries: number;
};

type Point = {
	readonly scale: number;
	readonly speed: number;
	readonly lbtop: readonly Sample[];
	readonly sim: readonly Sample[];
	readonly stats: readonly Stat[];
	readonly load: string;
};

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function sample(pid: number | undefined, into: Sample[]): void {
	const usage = pid === undefined ? undefined : usageOf(pid);
	if (usage !== undefined) {
		into.push({at: Date.now(), usage});
	}
}

async function runPoint(scale: number): Promise<Point> {
	const speed = speedOverride ?? speeds[scale] ?? 1;
	const sim = spawn(
		process.execPath,
		[
			builtBench('memory-sim.js'),
			String(speed),
			String(demoConnectionsPerMinute * scale),
			String(historyMinutes),
		],
		{stdio: ['ignore', 'pipe', 'inherit']},
	);
	let monitor: ChildProcess | undefined;
	try {
		const ready = await new Promise<Ready>((resolve, reject) => {
			// At 1000x the demo world's history takes minutes to build on a loaded machine.
			const timer = setTimeout(() => reject(new Error('the sim did not start')), 600_000);
			onLines(sim.stdout ?? process.stdin, 'ready', (value) => {
				clearTimeout(timer);
				resolve(value as Ready);
			});
		});
		monitor = spawn(
			process.execPath,
			[
				// The monitor stands for the CLI: Node with the flags and malloc settings the bin gives it.
				...startupFlags,
				bundledBench('memory-monitor.js'),
				ready.url,
				String(speed),
				String(ready.origin),
				ready.region,
				'ui',
			],
			{stdio: ['ignore', 'pipe', 'inherit'], env: {...asTheBinSets(), NODE_ENV: 'production'}},
		);
		const stats: Stat[] = [];
		onLines(monitor.stdout ?? process.stdin, 'stat', (value) => {
			stats.push(value as Stat);
		});
		const lbtop: Sample[] = [];
		const simSamples: Sample[] = [];
		const wallMs = (worldMinutes * 60_000) / speed;
		progress(
			benchmark,
			`${scale}x: ${demoConnectionsPerMinute * scale} new connections/min, ${speed}x clock, ${worldMinutes} world minutes (${(wallMs / 1000).toFixed(0)} s)`,
		);
		const end = Date.now() + wallMs;
		const before = load();
		while (Date.now() < end) {
			await sleep(1000);
			sample(monitor.pid, lbtop);
			sample(sim.pid, simSamples);
		}
		return {scale, speed, lbtop, sim: simSamples, stats, load: `${before} -> ${load()}`};
	} finally {
		if (monitor !== undefined) {
			await stopChild(monitor);
		}
		await stopChild(sim);
	}
}

/** The second half of a run: past the start-up backfill. */
const secondHalf = <T>(items: readonly T[]): readonly T[] =>
	items.slice(Math.floor(items.length / 2));

function cpuPerWorldMinute(samples: readonly Sample[], speed: number): number {
	const half = secondHalf(samples);
	const first = half[0];
	const last = half.at(-1);
	if (first === undefined || last === undefined || last.at <= first.at) {
		return Number.NaN;
	}
	const wallMinutes = (last.at - first.at) / 60_000;
	return (last.usage.cpuSeconds - first.usage.cpuSeconds) / (wallMinutes * speed);
}

type Summary = {
	readonly scale: number;
	readonly connectionsPerMinute: number;
	readonly lbtopCpu: number;
	readonly simCpu: number;
	readonly lbtopRss: number;
	readonly lbtopPeak: number;
	readonly simRss: number;
	readonly simPeak: number;
	/** World seconds: median lag in the third and the last quarter of the run. */
	readonly lagEarly: number;
	readonly lagLate: number;
	readonly sampledShown: boolean;
	readonly readShare: number;
	/** Insights bytes scanned per connection the world made over the run. */
	readonly scannedPerConnection: number;
	readonly flowsRuns: number;
};

function summarize(point: Point): Summary {
	const rss = (samples: readonly Sample[]) => samples.map((entry) => entry.usage.rssMb);
	const ok = point.stats.filter((stat) => stat.lagMs !== undefined);
	const quarter = Math.floor(ok.length / 4);
	const lag = (from: number, to: number) =>
		median(ok.slice(from, to).map((stat) => (stat.lagMs ?? 0) / 1000));
	const first = point.stats[0];
	const last = point.stats.at(-1);
	const runMinutes =
		first === undefined || last === undefined ? 0 : (last.worldNow - first.worldNow) / 60_000;
	const connections = runMinutes * demoConnectionsPerMinute * point.scale;
	return {
		scale: point.scale,
		connectionsPerMinute: demoConnectionsPerMinute * point.scale,
		lbtopCpu: cpuPerWorldMinute(point.lbtop, point.speed),
		simCpu: cpuPerWorldMinute(point.sim, point.speed),
		lbtopRss: median(rss(secondHalf(point.lbtop))),
		lbtopPeak: Math.max(...rss(point.lbtop)),
		simRss: median(rss(secondHalf(point.sim))),
		simPeak: Math.max(...rss(point.sim)),
		lagEarly: lag(2 * quarter, 3 * quarter),
		lagLate: lag(3 * quarter, ok.length),
		sampledShown: secondHalf(point.stats).some((stat) => stat.sampled),
		readShare:
			(last?.windowRecordsMatched ?? 0) > 0
				? (last?.windowRecordsRead ?? 0) / (last?.windowRecordsMatched ?? 1)
				: Number.NaN,
		scannedPerConnection: connections > 0 ? (last?.bytesScanned ?? 0) / connections : Number.NaN,
		flowsRuns: (last?.flowsRuns ?? 0) - (first?.flowsRuns ?? 0),
	};
}

/**
 * A share as a percentage: at a busy volume the rows hold well under 1% of the window's records,
 * which a whole percent would print as 0%.
 */
function shareText(share: number): string {
	if (!Number.isFinite(share)) return '-';
	const percent = share * 100;
	return `${percent.toFixed(percent > 0 && percent < 1 ? 2 : 0)}%`;
}

function table(summaries: readonly Summary[]): string {
	const rows = summaries.map(
		(s) =>
			`| ${s.scale}x | ${s.connectionsPerMinute.toLocaleString('en-US')} | ${s.lbtopCpu.toFixed(2)} | ${s.lbtopRss.toFixed(0)} / ${s.lbtopPeak.toFixed(0)} | ${s.lagEarly.toFixed(0)} -> ${s.lagLate.toFixed(0)} | ${shareText(s.readShare)}${s.sampledShown ? ', sampled shown' : ''} | ${Number.isFinite(s.scannedPerConnection) ? s.scannedPerConnection.toFixed(0) : '-'} | ${s.simCpu.toFixed(2)} | ${s.simRss.toFixed(0)} / ${s.simPeak.toFixed(0)} |`,
	);
	return [
		'| volume | new connections/min | lbtop CPU-s per world min | lbtop RSS steady / peak MB | flows lag s (3rd -> 4th quarter) | window records read | Insights bytes per connection | sim CPU-s per world min | sim RSS steady / peak MB |',
		'| --- | --- | --- | --- | --- | --- | --- | --- | --- |',
		...rows,
	].join('\n');
}

async function measure(): Promise<Figure[]> {
	if (!procAvailable()) {
		return [
			notMeasured(
				{
					benchmark,
					name: 'lbtop peak RSS at any volume',
					unit: 'MB',
					goal: `<= ${memoryGoalMb} MB`,
				},
				'no /proc to read RSS and CPU from',
			),
		];
	}

	const summaries: Summary[] = [];
	const loads: string[] = [];
	for (const scale of scales) {
		const point = await runPoint(scale);
		const summary = summarize(point);
		summaries.push(summary);
		loads.push(`${scale}x ${point.load}`);
		progress(
			benchmark,
			`${scale}x: lbtop ${summary.lbtopCpu.toFixed(2)} CPU-s/world min, RSS ${summary.lbtopRss.toFixed(0)} (peak ${summary.lbtopPeak.toFixed(0)}) MB, lag ${summary.lagEarly.toFixed(0)} -> ${summary.lagLate.toFixed(0)} s; sim ${summary.simCpu.toFixed(2)} CPU-s/world min, ${summary.simRss.toFixed(0)} MB`,
		);
	}

	process.stderr.write(`\n${table(summaries)}\n\n`);
	const setting = `demo world at each volume served by a separate sim process on an accelerated clock (${scales.map((scale) => `${scale}x at ${speedOverride ?? speeds[scale]}x`).join(', ')}), ${worldMinutes} world minutes each after ${historyMinutes} of history; lbtop = engine + App drawing 200x50 in its own process on the same clock; figures from the second half of each run; load average ${loads.join('; ')} on a shared machine`;
	const worstPeak = Math.max(...summaries.map((s) => s.lbtopPeak));
	const smallest = summaries[0];
	const largest = summaries.at(-1);
	// CPU growth against traffic growth, both as plain multiples: a share of linear (0.0025) rounds to
	// "0" in the table, which reads as no CPU at all.
	const trafficGrowth =
		smallest !== undefined && largest !== undefined && largest.scale > smallest.scale
			? largest.scale / smallest.scale
			: Number.NaN;
	const growth =
		smallest !== undefined && largest !== undefined && Number.isFinite(trafficGrowth)
			? largest.lbtopCpu / smallest.lbtopCpu
			: Number.NaN;
	// A minute more lag in the last quarter than in the third is reads falling behind, not noise.
	const lagGrowing = summaries.filter((s) => s.lagLate > s.lagEarly + 60);
	const falling = summaries.filter(
		(s) => Number.isFinite(s.readShare) && s.readShare < 0.99 && !s.sampledShown,
	);
	const costs = summaries.map((s) => s.scannedPerConnection).filter(Number.isFinite);
	return [
		atMost(
			{
				benchmark,
				name: 'lbtop peak RSS at any volume (1x-1000x)',
				value: round(worstPeak, 1),
				unit: 'MB',
				goal: `<= ${memoryGoalMb} MB`,
				notes: `${setting}; per volume: ${summaries.map((s) => `${s.scale}x ${s.lbtopPeak.toFixed(0)}`).join(', ')} MB`,
			},
			memoryGoalMb,
		),
		judged(
			{
				benchmark,
				name: `lbtop CPU growth from ${smallest?.scale ?? '?'}x to ${largest?.scale ?? '?'}x traffic`,
				value: round(growth, 2),
				unit: 'x',
				goal: `< ${Number.isFinite(trafficGrowth) ? trafficGrowth : '?'} x (sublinear)`,
				notes: `CPU-seconds per world minute: ${summaries.map((s) => `${s.scale}x ${s.lbtopCpu.toFixed(2)}`).join(', ')}; CPU growing as fast as the traffic would multiply by the traffic's growth`,
			},
			Number.isFinite(growth) && growth < trafficGrowth,
		),
		judged(
			{
				benchmark,
				name: 'volumes whose flows lag grew over the run',
				value: lagGrowing.length,
				unit: 'volumes',
				goal: '0',
				notes: `median lag of the rows (world s) in the third and last quarter of each run: ${summaries.map((s) => `${s.scale}x ${s.lagEarly.toFixed(0)} -> ${s.lagLate.toFixed(0)}`).join(', ')}; growing = the last quarter's more than 60 s above the third's`,
			},
			lagGrowing.length === 0,
		),
		judged(
			{
				benchmark,
				name: 'volumes whose reads fell behind without saying so',
				value: falling.length,
				unit: 'volumes',
				goal: '0',
				notes: `share of the window's records read, and whether the screen said "sampled": ${summaries.map((s) => `${s.scale}x ${shareText(s.readShare)}${s.sampledShown ? ' (sampled shown)' : ''}`).join(', ')}`,
			},
			falling.length === 0,
		),
		info({
			benchmark,
			name: 'Insights bytes scanned per connection, highest / lowest volume',
			value: costs.length > 1 ? round(Math.max(...costs) / Math.min(...costs), 2) : null,
			unit: 'x',
			goal: 'about 1 (cost ratio unchanged)',
			notes: `bytes Insights scanned for lbtop per connection the world made: ${summaries.map((s) => `${s.scale}x ${Number.isFinite(s.scannedPerConnection) ? s.scannedPerConnection.toFixed(0) : '-'} B`).join(', ')}; the cost ratio to bytes ingested is the \`cost\` benchmark's`,
		}),
		info({
			benchmark,
			name: 'sim peak RSS at 1000x',
			value: round(largest?.simPeak ?? Number.NaN, 1),
			unit: 'MB',
			notes: `the sim's own process: ${summaries.map((s) => `${s.scale}x ${s.simCpu.toFixed(2)} CPU-s/world min, ${s.simRss.toFixed(0)}/${s.simPeak.toFixed(0)} MB`).join('; ')}`,
		}),
	];
}

await runBenchmark(benchmark, measure);
