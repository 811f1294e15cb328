// The interactive modes: the engine polls AWS into the store (or the replayer plays a recording
// back into it), and the App draws it full screen. `y` shares what is on screen from either.
import {tmpdir} from 'node:os';
import process from 'node:process';
import type {AwsSettings} from '../aws/clients.js';
import type {Config} from '../domain/config.js';
import type {ReplayConfig} from '../domain/replay-config.js';
import type {Snapshot} from '../domain/snapshot.js';
import {startupFailureText} from '../domain/startup-failure.js';
import {deriveSnapshot} from '../live/derive.js';
import {Engine} from '../live/engine.js';
import {initialSnapshot} from '../live/initial-snapshot.js';
import {NoticeBoard} from '../live/notice-board.js';
import {type Recorder, startRecorder} from '../live/recorder.js';
import {Replayer} from '../live/replayer.js';
import {StartupWatch} from '../live/startup-watch.js';
import {SnapshotStore} from '../live/store.js';
import type {Recording} from '../report/replay-file.js';
import {replayIndex} from '../report/replay-select.js';
import {shareMessage, shareSummary} from '../report/share.js';
import {App} from './app.js';
import type {AppCommand} from './app-types.js';
import {ExitOn} from './exit-on.js';
import {panes} from './panes/index.js';
import {Picker} from './picker/picker.js';
import {runInteractive} from './run-interactive.js';
import {StdoutBridge} from './shell/stdout-bridge.js';

export type InteractiveResult = {
	readonly exitCode: number;
	/** What to tell the user once the screen is back: shared files, the recording. */
	readonly notes: readonly string[];
};

/** What `p`, `r` and `t` act on: the engine (live: pausing only marks the snapshot, the sources
 * keep collecting behind the frozen screen) or the replayer (pausing stops the playback). */
type Playback = {
	pause(): void;
	resume(): void;
	refresh?(): void;
	setWindow?(windowMs: number): void;
};

const noticeMs = 15_000;

/** `y`: the summary of what the store holds goes to the clipboard and a file, between frames. */
class Sharing {
	readonly notes: string[] = [];
	readonly board = new NoticeBoard();
	private writeToTerminal: ((data: string) => void) | undefined;
	private pending: Promise<void> = Promise.resolve();

	readonly onWriter = (write: (data: string) => void): void => {
		this.writeToTerminal = write;
	};

	share(snapshot: Snapshot, now: number): void {
		this.pending = this.pending.then(async () => {
			try {
				const outcome = await shareSummary(snapshot, now, {
					directory: tmpdir(),
					tmux: (process.env.TMUX ?? '') !== '',
					writeToTerminal: (sequence) => {
						this.writeToTerminal?.(sequence);
					},
				});
				this.tell(shareMessage(outcome));
			} catch (error) {
				this.tell(`sharing failed: ${error instanceof Error ? error.message : String(error)}`);
			}
		});
	}

	/** On screen for a while (long enough to read a path aloud on the bridge), and again at exit. */
	private tell(message: string): void {
		this.notes.push(message);
		this.board.show(message, Date.now() + noticeMs);
	}

	async settled(): Promise<readonly string[]> {
		await this.pending;
		return this.notes;
	}
}

function commandHandler(playback: Playback, share: () => void): (command: AppCommand) => void {
	return (command) => {
		if (command === 'pause') {
			playback.pause();
		} else if (command === 'resume') {
			playback.resume();
		} else if (command === 'refresh') {
			playback.refresh?.();
		} else if (command === 'share') {
			share();
		} else if (typeof command === 'object' && command.type === 'window') {
			playback.setWindow?.(command.minutes * 60_000);
		}
	};
}

type Screen = {
	readonly store: SnapshotStore;
	/** Ends the screen from outside, as q does. */
	readonly end?: AbortSignal;
	readonly playback: Playback;
	readonly now: () => number;
	readonly ascii: boolean;
	readonly color: boolean;
	readonly clock?: () => number;
	/** A recording played back: marked as such, and nothing arrives behind a paused screen. */
	readonly replay?: boolean;
};

async function runScreen(screen: Screen, sharing: Sharing): Promise<void> {
	const {store, playback, now} = screen;
	const share = () => {
		sharing.share(store.getSnapshot(), now());
	};
	await runInteractive(
		<StdoutBridge onWriter={sharing.onWriter}>
			{screen.end === undefined ? null : <ExitOn signal={screen.end} />}
			<App
				store={store}
				panes={panes}
				ascii={screen.ascii}
				color={screen.color}
				onQuit={() => undefined}
				onCommand={commandHandler(playback, share)}
				notices={sharing.board}
				replay={screen.replay === true}
				{...(screen.clock === undefined ? {} : {clock: screen.clock})}
			/>
		</StdoutBridge>,
	);
}

function exitCode(): number {
	return typeof process.exitCode === 'number' ? process.exitCode : 0;
}

function recordingNote(summary: Awaited<ReturnType<Recorder['close']>>): string {
	const snapshots = summary.lines === 1 ? 'snapshot' : 'snapshots';
	const base = `recorded ${summary.lines} ${snapshots} to ${summary.path}`;
	return summary.error === undefined ? base : `${base}; recording stopped: ${summary.error}`;
}

/** `lbtop` with no name: the picker, full screen. Resolves to the chosen ARN, or undefined on quit. */
export async function pickLoadBalancer(
	aws: AwsSettings,
	ascii: boolean,
): Promise<{readonly target?: string; readonly problem?: string}> {
	const {loadPickList} = await import('../live/pick-list-source.js');
	const list = await loadPickList(aws);
	if (!list.ok) {
		return {problem: `${list.error.message}\n  ${list.error.hint}`};
	}
	let target: string | undefined;
	await runInteractive(
		<Picker
			region={list.region}
			entries={list.entries}
			ascii={ascii}
			onPick={(entry) => {
				target = entry.arn || entry.name;
			}}
		/>,
	);
	return target === undefined ? {} : {target};
}

/** Resolves once the user quits and every poller (and Insights query) is stopped. */
export async function runMonitorApp(
	config: Config,
	aws: Promise<AwsSettings>,
	region: string,
): Promise<InteractiveResult> {
	const store = new SnapshotStore(initialSnapshot(config, Date.now(), region), deriveSnapshot);
	let recorder: Recorder | undefined;
	if (config.recordPath !== undefined) {
		try {
			recorder = await startRecorder(store, config.recordPath);
		} catch (error) {
			const reason = error instanceof Error ? error.message : String(error);
			return {exitCode: 1, notes: [`cannot record to ${config.recordPath}: ${reason}`]};
		}
	}
	const startup = new StartupWatch(store);
	// The sources pull in every AWS SDK client (over half a second to load): draw the first frame
	// first, then load them and start polling. Commands before then act once the engine exists.
	const engineReady = Promise.all([import('../live/sources.js'), aws]).then(
		([{defaultSources}, settings]) => {
			const engine = new Engine({config, store, aws: settings, sources: defaultSources});
			engine.start();
			return engine;
		},
	);
	engineReady.catch((error: unknown) => {
		const message = error instanceof Error ? error.message : String(error);
		startup.end({
			error: {
				kind: 'unknown',
				message: `could not start: ${message}`,
				hint: '',
				at: Date.now(),
			},
			ends: true,
		});
	});
	const withEngine = (act: (engine: Engine) => void) => () => {
		void engineReady.then(act);
	};
	const sharing = new Sharing();
	try {
		await runScreen(
			{
				store,
				end: startup.ended.signal,
				playback: {
					pause: withEngine((engine) => engine.pause()),
					resume: withEngine((engine) => engine.resume()),
					refresh: withEngine((engine) => engine.refresh()),
					setWindow: (windowMs) => withEngine((engine) => engine.setWindow(windowMs))(),
				},
				now: Date.now,
				ascii: config.ascii,
				color: config.color,
			},
			sharing,
		);
	} finally {
		await engineReady.then(
			(engine) => engine.stop(),
			() => undefined,
		);
	}
	const notes = [...(await sharing.settled())];
	if (recorder) {
		notes.push(recordingNote(await recorder.close()));
	}
	const failure = startup.outcome();
	if (failure !== undefined) {
		// A signal's own exit status (130, 143) still wins: the user ended it, not the failure.
		return {
			exitCode: exitCode() === 0 ? 1 : exitCode(),
			notes: [startupFailureText(failure.error), ...notes],
		};
	}
	return {exitCode: exitCode(), notes};
}

/** Plays `recording` back in the same screen, from `--at` (or the start), until the user quits. */
export async function runReplayApp(
	config: ReplayConfig,
	recording: Recording,
): Promise<InteractiveResult> {
	const {snapshots} = recording;
	const startIndex = config.at === undefined ? 0 : replayIndex(snapshots, config.at);
	const first = snapshots[startIndex];
	if (first === undefined) {
		return {exitCode: 1, notes: [`${config.path} holds no snapshots`]};
	}
	// Recorded snapshots already carry their findings and window: shown as recorded, not re-derived.
	const store = new SnapshotStore(first);
	const replayer = new Replayer({snapshots, target: store, speed: config.speed, startIndex});
	const sharing = new Sharing();
	replayer.start();
	try {
		await runScreen(
			{
				store,
				playback: replayer,
				now: replayer.now,
				clock: replayer.now,
				replay: true,
				ascii: config.ascii,
				color: config.color,
			},
			sharing,
		);
	} finally {
		replayer.stop();
	}
	return {exitCode: exitCode(), notes: [...(await sharing.settled())]};
}
