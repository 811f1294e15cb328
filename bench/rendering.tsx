// Benchmark 2, rendering (in-process half): how long the App takes to redraw every pane, full,
// when a refresh brings a changed snapshot, and how many bytes that redraw sends to the terminal.
import {performance} from 'node:perf_hooks';
import process from 'node:process';
import type {Snapshot} from '../source/domain/snapshot.js';
import {App} from '../source/ui/app.js';
import {panes} from '../source/ui/panes/index.js';
import {progress, runBenchmark} from './channel.js';
import {demoSnapshots, describePanes} from './demo-snapshots.js';
import {atMost, type Figure, info, median, round} from './figure.js';
import {renderHeadless, type TerminalSize} from './headless-terminal.js';
import {sourcesNote} from './monitor-sources.js';

const benchmark = 'rendering';
// The CLI runs React's production build (cli.tsx sets NODE_ENV before React loads). run.ts also
// runs this file with the development build, to show what it would cost.
const development = process.env.NODE_ENV !== 'production';
const warmups = 10;
const runs = 40;
const sizes: readonly TerminalSize[] = development
	? [{columns: 200, rows: 50}]
	: [
			{columns: 80, rows: 24},
			{columns: 200, rows: 50},
		];

class SwitchableSource {
	private readonly listeners = new Set<() => void>();

	constructor(private current: Snapshot) {}

	readonly subscribe = (listener: () => void) => {
		this.listeners.add(listener);
		return () => {
			this.listeners.delete(listener);
		};
	};

	readonly getSnapshot = () => this.current;

	set(next: Snapshot): void {
		this.current = next;
		for (const listener of [...this.listeners]) {
			listener();
		}
	}
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

type SizeResult = {
	readonly frameMs: number;
	readonly firstFrameMs: number;
	readonly bytesPerRefresh: number;
	readonly synchronous: boolean;
};

async function measureSize(
	size: TerminalSize,
	first: Snapshot,
	second: Snapshot,
): Promise<SizeResult> {
	const source = new SwitchableSource(first);
	// A clock that never moves: only the snapshot changes between frames.
	const clock = () => second.generatedAt;
	const mountedAt = performance.now();
	const {output, instance} = renderHeadless(
		<App
			store={source}
			panes={panes}
			initialSize={size}
			ascii={false}
			color
			onQuit={() => undefined}
			clock={clock}
		/>,
		size,
	);
	const firstFrameMs = performance.now() - mountedAt;
	const frames: number[] = [];
	const bytes: number[] = [];
	let synchronous = true;
	try {
		for (let index = 0; index < warmups + runs; index++) {
			// Past Ink's frame throttle, so every change is drawn at once, as a refresh is.
			await pause(3);
			const writesBefore = output.writes;
			const bytesBefore = output.bytes;
			const written = new Promise<void>((resolve) => output.once('written', () => resolve()));
			const t0 = performance.now();
			source.set(index % 2 === 0 ? second : first);
			if (output.writes === writesBefore) {
				synchronous = false;
				await written;
			}

			const elapsed = performance.now() - t0;
			// Ink writes a frame in one or a few calls within the same tick.
			await pause(0);
			if (index >= warmups) {
				frames.push(elapsed);
				bytes.push(output.bytes - bytesBefore);
			}
		}
	} finally {
		instance.unmount();
		instance.cleanup();
	}

	return {frameMs: median(frames), firstFrameMs, bytesPerRefresh: median(bytes), synchronous};
}

async function measure(): Promise<Figure[]> {
	progress(benchmark, 'two real snapshots of the demo world, a minute apart');
	const {first, second} = await demoSnapshots();
	const panesNote = describePanes(second);
	progress(benchmark, panesNote);
	const figures: Figure[] = [];
	for (const size of sizes) {
		const result = await measureSize(size, first, second);
		const label = `${size.columns}x${size.rows}`;
		if (development) {
			figures.push(
				info({
					benchmark,
					name: `ms per full frame ${label}, React development build`,
					value: round(result.frameMs, 2),
					unit: 'ms',
					notes: `the same measurement with React's development build (not how the CLI runs); median of ${runs} redraws`,
				}),
			);
			continue;
		}

		progress(
			benchmark,
			`${label}: ${result.frameMs.toFixed(2)} ms/frame, ${result.bytesPerRefresh} B/refresh, first frame ${result.firstFrameMs.toFixed(0)} ms`,
		);
		const basis = `median of ${runs} redraws (snapshots alternating) after ${warmups} warm-ups; from the store change to Ink's write${result.synchronous ? '' : ' (React renders in a microtask after the change)'}; ${panesNote}; ${sourcesNote}`;
		const frame = {
			benchmark,
			name: `ms per full frame ${label}`,
			value: round(result.frameMs, 2),
			unit: 'ms',
			notes: basis,
		};
		figures.push(
			size.columns === 200
				? atMost({...frame, goal: '<= 10 ms'}, 10)
				: info({...frame, goal: '- (the goal is set at 200x50)'}),
			info({
				benchmark,
				name: `bytes per refresh ${label} (in-process)`,
				value: result.bytesPerRefresh,
				unit: 'B',
				notes:
					'what Ink writes for a changed snapshot, incremental rendering as in the CLI; the pseudo-terminal figures below are the ones a user’s link carries',
			}),
			info({
				benchmark,
				name: `first full frame ${label}`,
				value: round(result.firstFrameMs, 1),
				unit: 'ms',
				notes: 'mount of the App with a full snapshot, cold (first render in this process)',
			}),
		);
	}

	return figures;
}

await runBenchmark(benchmark, measure);
