// Responsiveness: from a key press to its frame on screen. The built CLI runs in a 200x50
// pseudo-terminal against a separate `lbtop sim` (demo world: the connections pane lists well over
// a thousand connections of the 15-minute window); once the panes are full the screen is paused
// (so only the header's clock still changes each second), the connections pane is focused, and
// j/k are typed alternately, spaced past Ink's frame throttle. Each time is from writing the key
// into the terminal to the first bytes the terminal receives that redraw a row below the header.
import {performance} from 'node:perf_hooks';
import {progress, runBenchmark} from './channel.js';
import {atMost, type Figure, info, median, notMeasured, round} from './figure.js';
import {cliCommand, repoRoot} from './paths.js';
import {load} from './proc-usage.js';
import {type PtySession, ptyAvailable, startInPty} from './pty.js';
import {startSimProcess} from './sim-process.js';

const benchmark = 'keypress';
const size = {columns: 200, rows: 50};
const presses = 60;
const warmPresses = 10;
// Ink draws at most 10 frames a second; a press right after a frame would wait for the throttle.
const spacingMs = 250;
const goalMs = 16;
const credentials = {
	AWS_ACCESS_KEY_ID: 'test',
	AWS_SECRET_ACCESS_KEY: 'test',
	AWS_DEFAULT_REGION: 'us-east-1',
};
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const connectionsListed = (text: string) => /\bFE +BE +TGT\b/.test(text);

/** Whether `text` moves the cursor to a row below the header (the clock is on row 1). */
function redrawsBelowHeader(text: string): boolean {
	for (const match of text.matchAll(/\u001B\[(\d+);\d+H/g)) {
		if (Number(match[1]) > 2) {
			return true;
		}
	}
	return false;
}

async function press(session: PtySession, key: string): Promise<number> {
	const from = session.chunks.length;
	const at = performance.now();
	session.type(key);
	const seen = (): number | undefined =>
		session.chunks.slice(from).find((chunk) => redrawsBelowHeader(chunk.text))?.at;
	await session.waitFor(() => seen() !== undefined, 5000);
	return (seen() ?? Number.NaN) - at;
}

async function measure(): Promise<Figure[]> {
	const name = 'key press (j/k, connections pane) to its frame, 200x50, median';
	if (!ptyAvailable()) {
		return [
			notMeasured(
				{benchmark, name, unit: 'ms', goal: `<= ${goalMs} ms`},
				'util-linux `script` (a pseudo-terminal) is not installed',
			),
		];
	}

	const sim = await startSimProcess();
	const session = startInPty(
		[...cliCommand, 'demo-nlb', '--endpoint-url', sim.url, '--region', 'us-east-1'],
		{...size, env: credentials, cwd: repoRoot},
	);
	const times: number[] = [];
	let loadNote = '';
	try {
		await session.waitFor(connectionsListed, 60_000);
		// The flows backfill settles; then nothing but the clock changes while paused.
		await sleep(15_000);
		session.type('p');
		await sleep(1500);
		session.type('\t');
		await sleep(spacingMs);
		session.type('\t');
		await sleep(1000);
		const before = load();
		for (let index = 0; index < warmPresses + presses; index++) {
			const time = await press(session, index % 2 === 0 ? 'j' : 'k');
			if (index >= warmPresses) {
				times.push(time);
			}
			await sleep(spacingMs);
		}
		loadNote = `${before} -> ${load()}`;
	} finally {
		session.type('q');
		await session.stop();
		await sim.stop();
	}

	const sorted = [...times].sort((left, right) => left - right);
	const at = (share: number) =>
		sorted[Math.min(sorted.length - 1, Math.floor(share * sorted.length))] ?? Number.NaN;
	progress(
		benchmark,
		`median ${median(times).toFixed(1)} ms, p90 ${at(0.9).toFixed(1)} ms, load ${loadNote}`,
	);
	const setting = `the built CLI in a ${size.columns}x${size.rows} pseudo-terminal against a separate \`lbtop sim\` (demo world), screen paused, connections pane focused; ${presses} presses of j and k alternately, ${spacingMs} ms apart, after ${warmPresses} warm-up presses; from writing the key into the terminal to the first bytes redrawing a row below the header; load average ${loadNote} on a shared machine`;
	return [
		atMost(
			{
				benchmark,
				name,
				value: round(median(times), 1),
				unit: 'ms',
				goal: `<= ${goalMs} ms`,
				notes: setting,
			},
			goalMs,
		),
		info({
			benchmark,
			name: 'key press to its frame, 90th percentile',
			value: round(at(0.9), 1),
			unit: 'ms',
			notes: setting,
		}),
	];
}

await runBenchmark(benchmark, measure);
