// Benchmark 5, memory: lbtop's resident memory over four accelerated hours of watching a busy load
// balancer (about 10,000 flow records in each full read of the unsettled stretch). lbtop runs in its own process, the sim in
// another; this process only samples the monitor's RSS from /proc.
import {type ChildProcess, spawn} from 'node:child_process';
import {existsSync, readFileSync} from 'node:fs';
import process from 'node:process';
import {startupFlags} from '../source/heap-settings.js';
import {progress, runBenchmark} from './channel.js';
import {stopChild} from './children.js';
import {atMost, type Figure, info, judged, median, notMeasured, round} from './figure.js';
import {onLines} from './lines.js';
import {asTheBinSets, builtBench, bundledBench} from './paths.js';

const benchmark = 'memory';
const speed = 240;
const worldHours = 4;
// The demo world writes about 7.4 records per connection; lbtop re-reads the unsettled part of the
// window each refresh (up to its ~10-minute raw lookback, more when a refresh takes long at this
// clock speed), so this volume gives it about 10,000 records a full read. The 2-s reads of the
// newest events in between return far fewer, and each is a flows update too.
const connectionsPerMinute = 100;
const sampleMs = 1000;
const flatToleranceMb = 10;
const firstUpdateLimitMs = 120_000;

type Ready = {
	readonly url: string;
	readonly origin: number;
	readonly speed: number;
	readonly region: string;
};
type Stat = {
	readonly worldNow: number;
	readonly recordsRead: number;
	readonly readCalls: number;
	readonly readMs: number;
	readonly flowsRuns: number;
	readonly connections: number;
	readonly flowsStatus: string;
};

function rssMb(pid: number): number | undefined {
	try {
		const status = readFileSync(`/proc/${pid}/status`, 'utf8');
		const match = /^VmRSS:\s+(\d+) kB/m.exec(status);
		return match?.[1] === undefined ? undefined : Number(match[1]) / 1024;
	} catch {
		return undefined;
	}
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

type Watcher = {
	readonly mode: 'ui' | 'engine';
	readonly child: ChildProcess;
	/** RSS by the world's clock; the hours count from the monitor's first flows update. */
	readonly samples: {world: number; rss: number}[];
	first?: Stat;
	last?: Stat;
	measures?: number;
};

function startWatcher(ready: Ready, mode: 'ui' | 'engine'): Watcher {
	const child = spawn(
		process.execPath,
		[
			// The monitor stands for the CLI: Node with the flags and malloc settings the bin gives it.
			...startupFlags,
			bundledBench('memory-monitor.js'),
			ready.url,
			String(ready.speed),
			String(ready.origin),
			ready.region,
			mode,
		],
		// The CLI runs React's production build (cli.tsx sets NODE_ENV), so the watcher does too.
		{stdio: ['ignore', 'pipe', 'inherit'], env: {...asTheBinSets(), NODE_ENV: 'production'}},
	);
	const watcher: Watcher = {mode, child, samples: []};
	onLines(child.stdout ?? process.stdin, 'stat', (value) => {
		const stat = value as Stat;
		watcher.last = stat;
		if (watcher.first === undefined && stat.flowsStatus === 'ok') {
			watcher.first = stat;
		}
	});
	onLines(child.stdout ?? process.stdin, 'final', (value) => {
		watcher.measures = (value as {measures: number}).measures;
	});
	return watcher;
}

type Summary = {
	readonly peak: number;
	/** Median RSS from world hour 2 to the end. */
	readonly steady: number;
	readonly growth: number;
	readonly hourly: string;
	readonly runs: number;
	readonly perRefresh: number;
	readonly measures: number | undefined;
	readonly reads: string;
};

/** World hours since the watcher's first flows update: before it, lbtop is still starting. */
function watchingHours(watcher: Watcher): number {
	const from = watcher.first?.worldNow;
	const last = watcher.samples.at(-1)?.world;
	return from === undefined || last === undefined ? -1 : (last - from) / 3_600_000;
}

function summarize(watcher: Watcher): Summary {
	const {samples} = watcher;
	const from = watcher.first?.worldNow ?? Number.POSITIVE_INFINITY;
	const between = (start: number, end: number) =>
		median(
			samples
				.filter((sample) => {
					const hour = (sample.world - from) / 3_600_000;
					return hour >= start && hour < end;
				})
				.map((sample) => sample.rss),
		);
	const runs = (watcher.last?.flowsRuns ?? 0) - (watcher.first?.flowsRuns ?? 0);
	const records = (watcher.last?.recordsRead ?? 0) - (watcher.first?.recordsRead ?? 0);
	return {
		peak: Math.max(...samples.map((sample) => sample.rss)),
		steady: between(1, worldHours),
		growth: between(3, worldHours) - between(1, 2),
		hourly: [0, 1, 2, 3]
			.map((hour) => `h${hour + 1} ${between(hour, hour + 1).toFixed(0)}`)
			.join(', '),
		runs,
		perRefresh: runs > 0 ? records / runs : Number.NaN,
		measures: watcher.measures,
		reads: `${watcher.last?.readCalls ?? 0} FilterLogEvents calls, ${Math.round((watcher.last?.readMs ?? 0) / Math.max(1, watcher.last?.readCalls ?? 0))} ms each on average`,
	};
}

async function measure(): Promise<Figure[]> {
	const name = 'peak RSS over 4 h, ~10k records a full read';
	if (!existsSync('/proc/self/status')) {
		return [
			notMeasured({benchmark, name, unit: 'MB', goal: '<= 150 MB'}, 'no /proc to read RSS from'),
		];
	}

	const sim = spawn(
		process.execPath,
		[builtBench('memory-sim.js'), String(speed), String(connectionsPerMinute)],
		{
			stdio: ['ignore', 'pipe', 'inherit'],
		},
	);
	const watchers: Watcher[] = [];
	try {
		const ready = await new Promise<Ready>((resolve, reject) => {
			const timer = setTimeout(() => reject(new Error('the sim did not start')), 60_000);
			onLines(sim.stdout ?? process.stdin, 'ready', (value) => {
				clearTimeout(timer);
				resolve(value as Ready);
			});
		});
		// Side by side: lbtop as a user runs it, and its engine without the screen, so growth can
		// be told apart between the two.
		watchers.push(startWatcher(ready, 'ui'), startWatcher(ready, 'engine'));
		const worldNow = () => ready.origin + (Date.now() - ready.origin) * ready.speed;
		// The four hours are counted from each monitor's first flows update, not from its spawn:
		// at this clock a world hour is 15 s, and start-up (loading, the first backfill read, the
		// heap growing to its working size) took 10-30 s of it depending on the machine's load, so
		// hours 2-4 measured the start-up ramp as growth. The peak still covers the whole run.
		const startedAt = Date.now();
		progress(
			benchmark,
			`watching ${worldHours} world hours at ${speed}x (${((worldHours * 3600) / speed).toFixed(0)} s)`,
		);
		while (watchers.some((watcher) => watchingHours(watcher) < worldHours)) {
			if (
				Date.now() - startedAt > firstUpdateLimitMs &&
				watchers.some((watcher) => watcher.first === undefined)
			) {
				throw new Error('a monitor process read no flows within its first two minutes');
			}
			await sleep(sampleMs);
			for (const watcher of watchers) {
				const rss = rssMb(watcher.child.pid ?? -1);
				if (rss === undefined) {
					throw new Error(`the ${watcher.mode} monitor process is gone`);
				}

				watcher.samples.push({world: worldNow(), rss});
			}
		}
	} finally {
		for (const watcher of watchers) {
			await stopChild(watcher.child);
		}

		await stopChild(sim);
	}

	const [ui, engine] = watchers.map(summarize);
	if (ui === undefined || engine === undefined) {
		throw new Error('a monitor process did not run');
	}

	for (const [label, summary] of [
		['with the App', ui],
		['engine only', engine],
	] as const) {
		progress(
			benchmark,
			`${label}: peak ${summary.peak.toFixed(1)} MB; by hour ${summary.hourly} MB; ${summary.runs} flows refreshes, ${summary.perRefresh.toFixed(0)} records each; ${summary.measures ?? '?'} performance measures held; ${summary.reads}`,
		);
	}

	const world = `demo world at ${connectionsPerMinute} connections/min served by a separate sim process, ${speed}x clock; RSS from /proc every ${sampleMs / 1000} s`;
	const describe = (summary: Summary) =>
		`median RSS by world hour of watching (counted from its first flows update) ${summary.hourly} MB; ${summary.runs} flows updates in the 4 h (full reads alone, at the 10-s cadence, would be ${(worldHours * 360).toFixed(0)}), ${Number.isFinite(summary.perRefresh) ? summary.perRefresh.toFixed(0) : '?'} records read per update; ${summary.reads}; ${summary.measures ?? '?'} performance.measure entries held at the end`;
	return [
		atMost(
			{
				benchmark,
				name,
				value: round(ui.peak, 1),
				unit: 'MB',
				goal: '<= 150 MB',
				notes: `lbtop as run interactively (engine + App drawing 200x50 at <= 10 fps, React as the CLI loads it) in its own process; ${world}; ${describe(ui)}`,
			},
			150,
		),
		atMost(
			{
				benchmark,
				name: 'steady RSS (median, world hours 2-4)',
				value: round(ui.steady, 1),
				unit: 'MB',
				goal: '<= 120 MB',
				notes: `the same process and run; ${world}`,
			},
			120,
		),
		judged(
			{
				benchmark,
				name: 'RSS growth, world hour 2 to hour 4',
				value: round(ui.growth, 1),
				unit: 'MB',
				goal: `flat: <= ${flatToleranceMb} MB`,
				notes: 'median RSS of world hour 4 minus that of world hour 2, same process',
			},
			ui.growth <= flatToleranceMb,
		),
		info({
			benchmark,
			name: 'peak RSS, engine without the App',
			value: round(engine.peak, 1),
			unit: 'MB',
			notes: `the same engine in a second process beside the first, no UI; growth hour 2 to 4: ${engine.growth.toFixed(1)} MB; ${describe(engine)}`,
		}),
		info({
			benchmark,
			name: 'records read per flows update',
			value: Number.isFinite(ui.perRefresh) ? Math.round(ui.perRefresh) : null,
			unit: 'records',
			notes: `FilterLogEvents events per flows update of the measured (App) process, counted by an SDK middleware; an update is a full read of the unsettled stretch (about 10,000 records here) or a 2-s read of the newest events; the engine-only process read ${Number.isFinite(engine.perRefresh) ? Math.round(engine.perRefresh) : '?'} per refresh (it refreshes more often, so each read spans less time)`,
		}),
	];
}

await runBenchmark(benchmark, measure);
