// `lbtop replay`: feeds recorded snapshots into a store at the pace they were recorded (or
// `speed` times faster), on a replay clock that the header and ages read instead of the wall clock.
import type {Snapshot} from '../domain/snapshot.js';
import {realTimers, type Timers} from './poller.js';

export type ReplayTarget = {
	update(change: (snapshot: Snapshot) => Snapshot): void;
};

export type ReplayerOptions = {
	/** Non-empty, in time order. */
	readonly snapshots: readonly Snapshot[];
	readonly target: ReplayTarget;
	readonly speed: number;
	/** The snapshot shown first (`--at`); the replay goes on from there. */
	readonly startIndex?: number;
	readonly timers?: Timers;
};

// setTimeout fires at once for longer delays, so a gap of more than 24.8 days is cut to that.
const longestTimerMs = 2_147_483_647;

export class Replayer {
	private index: number;
	private timer: unknown;
	private paused = false;
	private stopped = false;
	/** Replay time at `anchorWall`; it runs at `speed` from there unless paused. */
	private anchorReplay: number;
	private anchorWall: number;
	private readonly timers: Timers;

	constructor(private readonly options: ReplayerOptions) {
		this.timers = options.timers ?? realTimers;
		const last = Math.max(0, options.snapshots.length - 1);
		this.index = Math.min(Math.max(0, options.startIndex ?? 0), last);
		this.anchorReplay = options.snapshots[this.index]?.generatedAt ?? 0;
		this.anchorWall = this.timers.now();
	}

	/** The moment of the recording on screen now; it stops at the last snapshot. */
	readonly now = (): number => {
		const last = this.options.snapshots.at(-1)?.generatedAt ?? this.anchorReplay;
		const elapsed = this.paused ? 0 : (this.timers.now() - this.anchorWall) * this.options.speed;
		return Math.min(this.anchorReplay + elapsed, last);
	};

	get position(): number {
		return this.index;
	}

	get finished(): boolean {
		return this.index >= this.options.snapshots.length - 1;
	}

	start(): void {
		this.show(this.index);
		this.anchorReplay = this.currentTime();
		this.anchorWall = this.timers.now();
		this.scheduleNext();
	}

	pause(): void {
		if (this.paused || this.stopped) {
			return;
		}
		this.anchorReplay = this.now();
		this.anchorWall = this.timers.now();
		this.paused = true;
		this.cancel();
	}

	resume(): void {
		if (!this.paused || this.stopped) {
			return;
		}
		this.paused = false;
		this.anchorWall = this.timers.now();
		this.scheduleNext();
	}

	stop(): void {
		this.stopped = true;
		this.cancel();
	}

	private currentTime(): number {
		return this.options.snapshots[this.index]?.generatedAt ?? this.anchorReplay;
	}

	private show(index: number): void {
		const snapshot = this.options.snapshots[index];
		if (snapshot !== undefined) {
			this.options.target.update(() => snapshot);
		}
	}

	private scheduleNext(): void {
		const next = this.options.snapshots[this.index + 1];
		if (next === undefined || this.paused || this.stopped) {
			return;
		}
		const delay = Math.min(
			Math.max(0, (next.generatedAt - this.now()) / this.options.speed),
			longestTimerMs,
		);
		this.timer = this.timers.setTimeout(() => {
			this.timer = undefined;
			this.index++;
			this.show(this.index);
			// The clock reads exactly the shown snapshot's time when it appears, even if the timer
			// fired late, so header and ages never disagree with the data beside them.
			this.anchorReplay = next.generatedAt;
			this.anchorWall = this.timers.now();
			this.scheduleNext();
		}, delay);
	}

	private cancel(): void {
		if (this.timer !== undefined) {
			this.timers.clearTimeout(this.timer);
			this.timer = undefined;
		}
	}
}
