// Benchmark 6, start-up: from spawning the built CLI in a pseudo-terminal to its first frame, and
// to the first frame that shows the load balancer. Measured for `--demo` (which builds the demo
// world in-process first) and for `demo-nlb --endpoint-url` against a running `lbtop sim`, beside
// the floor of a bare `node` writing one line in the same terminal.
import process from 'node:process';
import {progress, runBenchmark} from './channel.js';
import {atMost, type Figure, info, median, notMeasured, round} from './figure.js';
import {cliCommand, repoRoot} from './paths.js';
import {ptyAvailable, startInPty} from './pty.js';
import {startSimProcess} from './sim-process.js';

const benchmark = 'startup';
const runs = 5;
const size = {columns: 200, rows: 50};
const timeoutMs = 20_000;

// The first frame Ink draws after entering the alternate screen has the header: "lbtop <name> ...".
const enteredScreen = '\u001B[?1049h';
const firstFrame = (text: string) => {
	const at = text.indexOf(enteredScreen);
	return at >= 0 && text.indexOf('lbtop', at) >= 0;
};

// Once discovery has answered, the header names the type and scheme instead of "discovering…".
const loadBalancerShown = (text: string) => /NLB (internet-facing|internal)/.test(text);

type Times = {readonly first: number; readonly shown: number};

async function timeCli(
	arguments_: readonly string[],
	env: Readonly<Record<string, string>>,
): Promise<Times> {
	const session = startInPty([...cliCommand, ...arguments_], {
		...size,
		env,
		cwd: repoRoot,
	});
	try {
		const first = (await session.waitFor(firstFrame, timeoutMs)) - session.spawnedAt;
		const shown = (await session.waitFor(loadBalancerShown, timeoutMs)) - session.spawnedAt;
		return {first, shown};
	} finally {
		session.type('q');
		await session.stop();
	}
}

async function timeBareNode(): Promise<number> {
	const session = startInPty(
		[process.execPath, '-e', 'process.stdout.write("lbtop floor\\n")'],
		size,
	);
	try {
		return (
			(await session.waitFor((text) => text.includes('lbtop floor'), timeoutMs)) - session.spawnedAt
		);
	} finally {
		await session.stop();
	}
}

async function measure(): Promise<Figure[]> {
	const goal = '<= 800 ms';
	if (!ptyAvailable()) {
		return [
			notMeasured(
				{benchmark, name: 'first frame, --demo', unit: 'ms', goal},
				'util-linux `script` (a pseudo-terminal) is not installed',
			),
		];
	}

	const sim = await startSimProcess();
	const credentials = {
		AWS_ACCESS_KEY_ID: 'test',
		AWS_SECRET_ACCESS_KEY: 'test',
		AWS_DEFAULT_REGION: 'us-east-1',
	};
	const demo: Times[] = [];
	const endpoint: Times[] = [];
	const floor: number[] = [];
	try {
		// Interleaved, so the machine's drift falls on all three alike.
		for (let run = 0; run < runs; run++) {
			floor.push(await timeBareNode());
			demo.push(await timeCli(['--demo'], {}));
			endpoint.push(
				await timeCli(
					['demo-nlb', '--endpoint-url', sim.url, '--region', 'us-east-1'],
					credentials,
				),
			);
			progress(
				benchmark,
				`run ${run + 1}: node ${floor.at(-1)?.toFixed(0)} ms, --demo ${demo.at(-1)?.first.toFixed(0)}/${demo.at(-1)?.shown.toFixed(0)} ms, --endpoint-url ${endpoint.at(-1)?.first.toFixed(0)}/${endpoint.at(-1)?.shown.toFixed(0)} ms`,
			);
		}
	} finally {
		await sim.stop();
	}

	const firsts = (times: readonly Times[]) => median(times.map((time) => time.first));
	const shown = (times: readonly Times[]) => median(times.map((time) => time.shown));
	const basis = `median of ${runs} interleaved runs at ${size.columns}x${size.rows}, from spawning the pseudo-terminal to the bytes of the first frame (header drawn in the alternate screen)`;
	return [
		atMost(
			{
				benchmark,
				name: 'first frame, demo-nlb --endpoint-url (sim running)',
				value: round(firsts(endpoint), 0),
				unit: 'ms',
				goal,
				notes: `${basis}; the sim is a separate \`lbtop sim\` process`,
			},
			800,
		),
		atMost(
			{
				benchmark,
				name: 'first frame, --demo',
				value: round(firsts(demo), 0),
				unit: 'ms',
				goal,
				notes: `${basis}; includes building the demo world (3 h of history) in-process`,
			},
			800,
		),
		info({
			benchmark,
			name: 'load balancer on screen, --endpoint-url',
			value: round(shown(endpoint), 0),
			unit: 'ms',
			notes: 'to the first frame whose header shows the discovered NLB',
		}),
		info({
			benchmark,
			name: 'load balancer on screen, --demo',
			value: round(shown(demo), 0),
			unit: 'ms',
			notes: 'to the first frame whose header shows the discovered NLB',
		}),
		info({
			benchmark,
			name: 'floor: bare node writes a line',
			value: round(median(floor), 0),
			unit: 'ms',
			notes: 'the same pseudo-terminal, `node -e` printing one line: what any Node CLI pays',
		}),
	];
}

await runBenchmark(benchmark, measure);
