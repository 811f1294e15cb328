// Footprint: what lbtop costs a shared bastion while it watches. The built CLI runs in a 200x50
// pseudo-terminal with its screen live at the default refresh, against a separate `lbtop sim`
// serving the demo world at its own volume (speed 1: 2 new connections a second); this process
// reads both processes' CPU time and RSS from /proc. Then `lbtop --demo` (the sim in a worker
// thread of the same process) the same way.
import {progress, runBenchmark} from './channel.js';
import {atMost, type Figure, info, median, notMeasured, round} from './figure.js';
import {cliCommand, repoRoot} from './paths.js';
import {
	childOf,
	cpuPerMinute,
	load,
	procAvailable,
	type Sample,
	sampleUsage,
} from './proc-usage.js';
import {type PtySession, ptyAvailable, startInPty} from './pty.js';
import {startSimProcess} from './sim-process.js';

const benchmark = 'footprint';
const size = {columns: 200, rows: 50};
// The start-up backfill of the window is over well within this; what follows is the steady state.
const warmMs = 60_000;
const measureMs = 120_000;
const demoWarmMs = 30_000;
const demoMeasureMs = 60_000;
const credentials = {
	AWS_ACCESS_KEY_ID: 'test',
	AWS_SECRET_ACCESS_KEY: 'test',
	AWS_DEFAULT_REGION: 'us-east-1',
};
const loadBalancerShown = (text: string) => /NLB (internet-facing|internal)/.test(text);
const cpuGoal = 1.2;

async function lbtopPid(session: PtySession): Promise<number> {
	for (let attempt = 0; attempt < 50; attempt++) {
		const pid = session.pid === undefined ? undefined : childOf(session.pid);
		if (pid !== undefined) {
			return pid;
		}
		await new Promise((resolve) => setTimeout(resolve, 100));
	}
	throw new Error('lbtop did not start in the pseudo-terminal');
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const rss = (samples: readonly Sample[]) => samples.map((sample) => sample.usage.rssMb);

type Watched = {readonly lbtop: Sample[]; readonly sim: Sample[]; readonly load: string};

async function watchEndpoint(): Promise<Watched> {
	const sim = await startSimProcess();
	const session = startInPty(
		[...cliCommand, 'demo-nlb', '--endpoint-url', sim.url, '--region', 'us-east-1'],
		{...size, env: credentials, cwd: repoRoot},
	);
	try {
		const pid = await lbtopPid(session);
		await session.waitFor(loadBalancerShown, 30_000);
		progress(benchmark, `lbtop <lb>: warming up ${warmMs / 1000} s, then ${measureMs / 1000} s`);
		await sleep(warmMs);
		const before = load();
		const [lbtop, simSamples] = await Promise.all([
			sampleUsage(pid, measureMs),
			sampleUsage(sim.pid ?? -1, measureMs),
		]);
		return {lbtop, sim: simSamples, load: `${before} -> ${load()}`};
	} finally {
		session.type('q');
		await session.stop();
		await sim.stop();
	}
}

async function watchDemo(): Promise<Watched> {
	const session = startInPty([...cliCommand, '--demo'], {...size, cwd: repoRoot});
	try {
		const pid = await lbtopPid(session);
		await session.waitFor(loadBalancerShown, 30_000);
		progress(
			benchmark,
			`lbtop --demo: warming up ${demoWarmMs / 1000} s, then ${demoMeasureMs / 1000} s`,
		);
		await sleep(demoWarmMs);
		const before = load();
		const lbtop = await sampleUsage(pid, demoMeasureMs);
		return {lbtop, sim: [], load: `${before} -> ${load()}`};
	} finally {
		session.type('q');
		await session.stop();
	}
}

async function measure(): Promise<Figure[]> {
	if (!ptyAvailable() || !procAvailable()) {
		return [
			notMeasured(
				{benchmark, name: 'CPU, lbtop at demo volume', unit: 's/min', goal: `<= ${cpuGoal} s/min`},
				'needs util-linux `script` (a pseudo-terminal) and /proc',
			),
		];
	}

	const endpoint = await watchEndpoint();
	const demo = await watchDemo();
	const lbtopCpu = cpuPerMinute(endpoint.lbtop);
	const simCpu = cpuPerMinute(endpoint.sim);
	const steady = median(rss(endpoint.lbtop));
	const peak = Math.max(...rss(endpoint.lbtop));
	const demoPeak = Math.max(...rss(demo.lbtop));
	progress(
		benchmark,
		`lbtop ${lbtopCpu.toFixed(2)} s/min, sim ${simCpu.toFixed(2)} s/min; RSS ${steady.toFixed(0)} (peak ${peak.toFixed(0)}) MB; --demo peak ${demoPeak.toFixed(0)} MB`,
	);
	const setting = `the built CLI in a ${size.columns}x${size.rows} pseudo-terminal, screen live at the default refresh, against a separate \`lbtop sim\` (demo world, speed 1: 2 new connections a second), ${measureMs / 1000} s after ${warmMs / 1000} s of warm-up; /proc every second; load average ${endpoint.load} on a shared machine`;
	return [
		atMost(
			{
				benchmark,
				name: 'CPU, lbtop <lb> at demo volume, screen live',
				value: round(lbtopCpu, 2),
				unit: 's/min',
				goal: `<= ${cpuGoal} s/min (2% of a core)`,
				notes: setting,
			},
			cpuGoal,
		),
		info({
			benchmark,
			name: 'CPU, the sim serving it',
			value: round(simCpu, 2),
			unit: 's/min',
			notes: `the \`lbtop sim\` process of the same run; RSS median ${median(rss(endpoint.sim)).toFixed(0)} MB`,
		}),
		atMost(
			{
				benchmark,
				name: 'RSS steady (median), lbtop <lb>',
				value: round(steady, 1),
				unit: 'MB',
				goal: '<= 120 MB',
				notes: setting,
			},
			120,
		),
		atMost(
			{
				benchmark,
				name: 'RSS peak, lbtop <lb>',
				value: round(peak, 1),
				unit: 'MB',
				goal: '<= 150 MB',
				notes: setting,
			},
			150,
		),
		atMost(
			{
				benchmark,
				name: 'RSS peak, lbtop --demo',
				value: round(demoPeak, 1),
				unit: 'MB',
				goal: '<= 250 MB',
				notes: `\`lbtop --demo\` (the sim in a worker thread of the same process) in the same terminal, ${demoMeasureMs / 1000} s after ${demoWarmMs / 1000} s; median ${median(rss(demo.lbtop)).toFixed(0)} MB; CPU ${cpuPerMinute(demo.lbtop).toFixed(2)} s/min (lbtop and its sim together); load average ${demo.load}`,
			},
			250,
		),
	];
}

await runBenchmark(benchmark, measure);
