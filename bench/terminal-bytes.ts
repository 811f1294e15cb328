// Benchmark 2, rendering (terminal half): bytes the built CLI sends to a real pseudo-terminal at
// 200x50 running the demo, per frame while data refreshes, and per minute once paused (`p`), when
// nothing but the clock should change.
import {progress, runBenchmark} from './channel.js';
import {atMost, type Figure, info, median, notMeasured, round} from './figure.js';
import {cliCommand, repoRoot} from './paths.js';
import {type Chunk, ptyAvailable, startInPty, stripAnsi} from './pty.js';

const benchmark = 'terminal-bytes';
const size = {columns: 200, rows: 50};
const liveMs = 20_000;
const idleMs = 60_000;
// Synchronized-update brackets: Ink wraps each frame in them on a terminal.
const frameStart = '\u001B[?2026h';

// "Only the clock": one line rewritten per second, its text plus some cursor and style sequences.
const clockLineBytes = size.columns + 64;
const idleGoalBytesPerMinute = 60 * clockLineBytes;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

type Period = {readonly bytes: number; readonly frames: readonly string[]};

function periodOf(chunks: readonly Chunk[], from: number, to: number): Period {
	const inside = chunks.filter((chunk) => chunk.at >= from && chunk.at < to);
	const text = inside.map((chunk) => chunk.text).join('');
	return {
		bytes: inside.reduce((total, chunk) => total + chunk.bytes, 0),
		frames: text.split(frameStart).slice(1),
	};
}

/** How often each screen row changed between consecutive whole frames: what idle redraws are about. */
function rowChanges(frames: readonly string[]): Map<number, {count: number; text: string}> {
	const changed = new Map<number, {count: number; text: string}>();
	let previous: string[] | undefined;
	for (const frame of frames) {
		const lines = stripAnsi(frame).split('\r\n');
		if (lines.length < size.rows - 1) {
			previous = undefined;
			continue;
		}

		if (previous !== undefined) {
			for (const [index, line] of lines.entries()) {
				if (line !== previous[index]) {
					const row = changed.get(index + 1) ?? {count: 0, text: line.trim().slice(0, 40)};
					changed.set(index + 1, {...row, count: row.count + 1});
				}
			}
		}

		previous = lines;
	}

	return changed;
}

async function measure(): Promise<Figure[]> {
	if (!ptyAvailable()) {
		return [
			notMeasured(
				{benchmark, name: 'bytes per idle minute 200x50', unit: 'B', goal: 'only the clock'},
				'util-linux `script` (a pseudo-terminal) is not installed',
			),
		];
	}

	const session = startInPty([...cliCommand, '--demo'], {...size, cwd: repoRoot});
	let live: Period;
	let idle: Period;
	try {
		progress(benchmark, 'waiting for the demo’s flows to be on screen');
		await session.waitFor((text) => /NLB (internet-facing|internal)/.test(text), 30_000);
		// The first refreshes fill the panes; measure once they have.
		await sleep(8000);
		const liveFrom = performance.now();
		progress(benchmark, `recording ${liveMs / 1000} s live`);
		await sleep(liveMs);
		const liveTo = performance.now();
		session.type('p');
		await sleep(2000);
		const idleFrom = performance.now();
		progress(benchmark, `paused; recording ${idleMs / 1000} s idle`);
		await sleep(idleMs);
		const idleTo = performance.now();
		live = periodOf(session.chunks, liveFrom, liveTo);
		idle = periodOf(session.chunks, idleFrom, idleTo);
	} finally {
		session.type('q');
		await session.stop();
	}

	const frameBytes = (period: Period) =>
		median(period.frames.map((frame) => Buffer.byteLength(frame)));
	const liveFrames = live.frames.length;
	const idlePerMinute = (idle.bytes * 60_000) / idleMs;
	const rows = [...rowChanges(idle.frames)].sort(([left], [right]) => left - right);
	const rowsNote =
		rows.length === 0
			? 'no whole frames to compare'
			: `rows that changed while paused (row: times): ${rows.map(([row, change]) => `${row}: ${change.count}x "${change.text}"`).join('; ')}`;
	progress(
		benchmark,
		`live ${live.bytes} B in ${liveFrames} frames; idle ${idle.bytes} B in ${idle.frames.length} frames; ${rowsNote}`,
	);
	const where = `the built CLI (\`lbtop --demo\`) in a ${size.columns}x${size.rows} pseudo-terminal (util-linux script), bytes as the terminal receives them`;
	return [
		atMost(
			{
				benchmark,
				name: 'bytes per idle minute 200x50 (paused)',
				value: Math.round(idlePerMinute),
				unit: 'B',
				goal: `only the clock: <= ${idleGoalBytesPerMinute} (one ${clockLineBytes}-B line a second)`,
				notes: `${where}; ${idle.frames.length} frames in ${idleMs / 1000} s, median ${Math.round(frameBytes(idle))} B each; ${rowsNote}`,
			},
			idleGoalBytesPerMinute,
		),
		info({
			benchmark,
			name: 'bytes per refresh 200x50 (live frame)',
			value: Math.round(frameBytes(live)),
			unit: 'B',
			notes: `${where}; median frame while the demo runs (${liveFrames} frames in ${liveMs / 1000} s: data refreshes and clock ticks alike)`,
		}),
		info({
			benchmark,
			name: 'bytes per live minute 200x50',
			value: Math.round((live.bytes * 60_000) / liveMs),
			unit: 'B',
			notes: `${where}; ${round(live.bytes / 1024, 1)} KiB in ${liveMs / 1000} s, scaled to a minute`,
		}),
	];
}

await runBenchmark(benchmark, measure);
