// Rows that only the clock changes are drawn without React (source/ui/tick-rows.ts): the terminal
// must show, after every tick, write, key and resize, exactly what it shows when every tick is a
// React commit and a whole Ink frame.
import {Console} from 'node:console';
import {EventEmitter} from 'node:events';
import {PassThrough} from 'node:stream';
import fc from 'fast-check';
import {Profiler, type ReactElement} from 'react';
import {afterEach, describe, expect, it, vi} from 'vitest';
import type {Snapshot, SourceState} from '../../../source/domain/snapshot.js';
import {App} from '../../../source/ui/app.js';
import {TickRowsContext} from '../../../source/ui/hooks/use-ticked-row.js';
import {panes} from '../../../source/ui/panes/index.js';
import {runInteractive} from '../../../source/ui/run-interactive.js';
import {keys} from '../../helpers/render.js';
import {fixtureNow, fixtureSnapshot, fixtureStore} from '../../helpers/snapshot-fixture.js';
import {VirtualTerminal} from '../virtual-terminal.js';
import {fakePanes} from './fake-panes.js';

afterEach(() => {
	vi.useRealTimers();
});

// Ink patches the console with node's Console class, which the test runner's console lacks.
Object.assign(console, {Console: console.Console ?? Console});

type Size = {readonly columns: number; readonly rows: number};

/** A TTY that keeps what a terminal would show of the alternate screen. */
class FakeTerminal extends EventEmitter {
	readonly isTTY = true;
	terminal: VirtualTerminal;
	constructor(
		public columns: number,
		public rows: number,
	) {
		super();
		this.terminal = new VirtualTerminal(columns, rows);
	}

	write(data: string, callback?: () => void): boolean {
		// Entering the alternate screen and a repaint erase it: a fresh grid. Modes draw nothing.
		const parts = data.split('\u001B[2J');
		for (const [index, part] of parts.entries()) {
			if (index > 0) {
				this.terminal = new VirtualTerminal(this.columns, this.rows);
			}
			this.terminal.write(part.replaceAll('\u001B[3J', ''));
		}
		callback?.();
		return true;
	}

	resize(size: Size): void {
		this.columns = size.columns;
		this.rows = size.rows;
		// A resized terminal's contents are not the frame's: lbtop repaints them whole.
		this.terminal = new VirtualTerminal(size.columns, size.rows);
		this.emit('resize');
	}
}

function fakeStdin() {
	const stdin = new PassThrough() as PassThrough & {
		isTTY: boolean;
		setRawMode: () => unknown;
		ref: () => unknown;
		unref: () => unknown;
	};
	stdin.isTTY = true;
	stdin.setRawMode = () => stdin;
	stdin.ref = () => stdin;
	stdin.unref = () => stdin;
	return stdin;
}

type Screen = {
	readonly stdout: FakeTerminal;
	readonly stdin: ReturnType<typeof fakeStdin>;
	readonly store: ReturnType<typeof fixtureStore>;
	done: Promise<void>;
	commits: number;
};

function start(
	size: Size,
	snapshot: Snapshot,
	clock: () => number,
	painted: boolean,
	real: boolean,
) {
	const stdout = new FakeTerminal(size.columns, size.rows);
	const stdin = fakeStdin();
	const store = fixtureStore(snapshot);
	const app = (
		<App
			store={store}
			panes={real ? panes : fakePanes}
			initialSize={size}
			ascii={false}
			color
			onQuit={() => undefined}
			clock={clock}
		/>
	);
	const screen: Screen = {stdout, stdin, store, done: Promise.resolve(), commits: 0};
	const counted: ReactElement = (
		<Profiler
			id="app"
			onRender={() => {
				screen.commits += 1;
			}}
		>
			{painted ? app : <TickRowsContext.Provider value={undefined}>{app}</TickRowsContext.Provider>}
		</Profiler>
	);
	screen.done = runInteractive(counted, {
		stdout: stdout as unknown as NodeJS.WriteStream,
		stdin: stdin as unknown as NodeJS.ReadStream,
	});
	return screen;
}

type Step =
	| {readonly kind: 'tick'; readonly seconds: number}
	| {readonly kind: 'write'; readonly ages: readonly number[]; readonly stale: boolean}
	| {readonly kind: 'key'; readonly key: string}
	| {readonly kind: 'resize'; readonly size: Size};

const source = (now: number, age: number, stale: boolean): SourceState => ({
	status: stale ? 'stale' : 'ok',
	fetchedAt: now - age * 1000,
	dataThrough: now - age * 1000 - 30_000,
});

const stepArbitrary: fc.Arbitrary<Step> = fc.oneof(
	{
		weight: 6,
		arbitrary: fc.record({
			kind: fc.constant('tick' as const),
			seconds: fc.integer({min: 1, max: 12}),
		}),
	},
	{
		weight: 2,
		arbitrary: fc.record({
			kind: fc.constant('write' as const),
			// Ages around the turns where a lag's text grows (9 to 10 s, 59 s to 1m, 9m59s to 10m).
			ages: fc.array(fc.constantFrom(0, 1, 5, 8, 9, 55, 58, 59, 61, 595, 599, 3599), {
				minLength: 3,
				maxLength: 3,
			}),
			stale: fc.boolean(),
		}),
	},
	{
		weight: 2,
		arbitrary: fc.record({
			kind: fc.constant('key' as const),
			key: fc.constantFrom('?', 'p', '/', 'a', '\r', keys.escape, keys.tab, 'z', 't', 'w'),
		}),
	},
	{
		weight: 1,
		arbitrary: fc.record({
			kind: fc.constant('resize' as const),
			size: fc.record({
				columns: fc.integer({min: 30, max: 200}),
				rows: fc.integer({min: 6, max: 50}),
			}),
		}),
	},
);

async function settle(milliseconds: number) {
	await vi.advanceTimersByTimeAsync(milliseconds);
}

async function run(size: Size, steps: readonly Step[], real: boolean) {
	vi.useFakeTimers({
		now: fixtureNow + 400,
		toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'],
	});
	const clock = () => Date.now();
	const painted = start(size, fixtureSnapshot(), clock, true, real);
	const reference = start(size, fixtureSnapshot(), clock, false, real);
	const both = [painted, reference];
	let commits = {painted: 0, reference: 0};
	try {
		await settle(1000);
		await drive(painted, reference, steps);
		commits = {painted: painted.commits, reference: reference.commits};
	} finally {
		// Escape leaves a filter being typed (where q is a letter) or the help, then q quits.
		for (const screen of both) {
			screen.stdin.write(keys.escape);
		}
		await settle(250);
		for (const screen of both) {
			screen.stdin.write('q');
		}
		// Ink resolves its exit after timers of its own: run them until both have ended.
		let ended = false;
		const exits = Promise.all(both.map((screen) => screen.done)).then(() => {
			ended = true;
		});
		for (let step = 0; step < 100 && !ended; step++) {
			await settle(100);
		}
		// Ink's exit sometimes waits on more than the fake clock runs; the screens are compared.
		void exits;
		vi.useRealTimers();
	}
	return commits;
}

async function drive(painted: Screen, reference: Screen, steps: readonly Step[]) {
	const both = [painted, reference];
	const compare = (context: string) => {
		expect(painted.stdout.terminal.screen(), context).toEqual(reference.stdout.terminal.screen());
	};
	// Both must show a screen, or every comparison below holds of two blank ones.
	expect(reference.stdout.terminal.screen().join('').trim(), 'a first frame').not.toBe('');
	compare('first frame');
	for (const [index, step] of steps.entries()) {
		if (step.kind === 'tick') {
			for (let second = 0; second < step.seconds; second++) {
				await settle(1000);
				compare(`step ${index}, tick ${second + 1}`);
			}
			continue;
		}
		if (step.kind === 'write') {
			const now = Date.now();
			const [flows = 0, metrics = 0, changes = 0] = step.ages;
			const snapshot = fixtureSnapshot({
				generatedAt: now,
				sources: {
					...fixtureSnapshot().sources,
					flows: source(now, flows, step.stale),
					metrics: source(now, metrics, false),
					changes: source(now, changes, false),
				},
			});
			for (const screen of both) {
				screen.store.set(snapshot);
			}
		} else if (step.kind === 'key') {
			for (const screen of both) {
				screen.stdin.write(step.key);
			}
		} else {
			for (const screen of both) {
				screen.stdout.resize(step.size);
			}
		}
		await settle(250);
		compare(`step ${index} (${step.kind})`);
	}
}

describe('rows drawn on a tick without React', () => {
	it('leave the screen as whole frames leave it, through ticks, writes, keys and resizes', async () => {
		await fc.assert(
			fc.asyncProperty(
				fc.record({columns: fc.integer({min: 30, max: 200}), rows: fc.integer({min: 6, max: 50})}),
				fc.array(stepArbitrary, {minLength: 1, maxLength: 8}),
				async (size, steps) => {
					await run(size, steps, false);
				},
			),
			{numRuns: 12},
		);
	}, 120_000);

	it('draw the same screen with the real panes, whose ages turn on their own ticks', async () => {
		await run(
			{columns: 120, rows: 40},
			[
				{kind: 'tick', seconds: 12},
				{kind: 'write', ages: [8, 55, 599], stale: false},
				{kind: 'tick', seconds: 70},
				{kind: 'key', key: keys.tab},
				{kind: 'tick', seconds: 3},
			],
			true,
		);
	}, 60_000);

	it('make a tick that only turns the clock and the ages no React commit', async () => {
		const commits = await run({columns: 200, rows: 50}, [{kind: 'tick', seconds: 10}], false);
		// The reference commits on each of the ten ticks; this one only where a text's width turns
		// (changes read 9s -> 10s ago at :15, flows lag 4m50s -> 5m at :20).
		expect(commits.reference - commits.painted).toBe(8);
	}, 30_000);
});
