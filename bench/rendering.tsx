// Benchmark 2, rendering (in-process half): how long the App takes to redraw every pane, full,
// when a refresh brings a changed snapshot, and how many bytes that redraw sends to the terminal.
import process from 'node:process';
import type {Snapshot} from '../source/domain/snapshot.js';
import {App} from '../source/ui/app.js';
import {panes} from '../source/ui/panes/index.js';
import {progress, runBenchmark} from './channel.js';
import {demoSnapshots, describePanes} from './demo-snapshots.js';
import {atMost, type Figure, info, round} from './figure.js';
import {type FrameTiming, timedRuns, timeFrames} from './frame-timing.js';
import type {TerminalSize} from './headless-terminal.js';
import {timeInkFloor} from './ink-floor.js';
import {sourcesNote} from './monitor-sources.js';
import {SwitchableSource} from './switchable-source.js';

const benchmark = 'rendering';
// The CLI runs React's production build (cli.tsx sets NODE_ENV before React loads). run.ts also
// runs this file with the development build, to show what it would cost.
const development = process.env.NODE_ENV !== 'production';
const sizes: readonly TerminalSize[] = development
	? [{columns: 200, rows: 50}]
	: [
			{columns: 80, rows: 24},
			{columns: 200, rows: 50},
		];

function measureSize(size: TerminalSize, first: Snapshot, second: Snapshot): Promise<FrameTiming> {
	const source = new SwitchableSource(first);
	// A clock that never moves: only the snapshot changes between frames.
	const clock = () => second.generatedAt;
	return timeFrames(
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
		source,
		first,
		second,
	);
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
					notes: `the same measurement with React's development build (not how the CLI runs); median of ${timedRuns} redraws`,
				}),
			);
			continue;
		}

		// The same two screens, drawn by Ink from finished text: what Ink costs whoever draws them.
		const floor = await timeInkFloor(size, result.frames);
		progress(
			benchmark,
			`${label}: ${result.frameMs.toFixed(2)} ms/frame (Ink alone ${floor.frameMs.toFixed(2)}), ${result.bytesPerRefresh} B/refresh, first frame ${result.firstFrameMs.toFixed(0)} ms`,
		);
		const basis = `median of ${timedRuns} redraws (snapshots alternating) after 10 warm-ups; from the store change to Ink's write${result.synchronous ? '' : ' (React renders in a microtask after the change)'}; ${panesNote}; ${sourcesNote}`;
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
				name: `floor: Ink alone drawing the same frames ${label}`,
				value: round(floor.frameMs, 2),
				unit: 'ms',
				notes: `the ${result.frames[1].length} rows lbtop drew, as finished text, one <Text> per row and no lbtop code, redrawn the same way; lbtop's own share is the difference`,
			}),
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
