// One poller per data source, k9s-style: the next run is scheduled only after the previous one
// finished, a refresh asked for while one runs is dropped (not queued), failures back off
// exponentially and are reported, never thrown.

export type Timers = {
	readonly setTimeout: (callback: () => void, ms: number) => unknown;
	readonly clearTimeout: (handle: unknown) => void;
	readonly now: () => number;
};

export const realTimers: Timers = {
	setTimeout: (callback, ms) => setTimeout(callback, ms),
	clearTimeout: (handle) => clearTimeout(handle as NodeJS.Timeout),
	now: () => Date.now(),
};

export type PollerOptions = {
	readonly intervalMs: number | (() => number);
	readonly run: (signal: AbortSignal) => Promise<void>;
	readonly onFailure: (
		error: unknown,
		retryAt: number,
		consecutiveFailures: number,
		failedAt: number,
	) => void;
	readonly maxBackoffMs?: number;
	readonly timers?: Timers;
};

export class Poller {
	private timer: unknown;
	private running: Promise<void> | undefined;
	private controller: AbortController | undefined;
	private failures = 0;
	/** A refresh asked for while a run was winding down after an abort: run once it settles. */
	private refreshAfterRun = false;
	private stopped = false;
	private readonly timers: Timers;

	constructor(private readonly options: PollerOptions) {
		this.timers = options.timers ?? realTimers;
	}

	get isRunning(): boolean {
		return this.running !== undefined;
	}

	start(): void {
		this.schedule(0);
	}

	/**
	 * Runs now unless a run is in flight: then the request is dropped (the running one is fresh
	 * enough) — unless that run was aborted, or `force` says its inputs changed (a new window).
	 */
	refreshNow(force = false): void {
		if (this.stopped) {
			return;
		}
		if (this.running) {
			if (force || this.controller?.signal.aborted === true) {
				this.refreshAfterRun = true;
			}
			return;
		}
		this.schedule(0);
	}

	/** Aborts an in-flight run (so its queries are stopped) and waits for it to settle. */
	async stop(): Promise<void> {
		this.stopped = true;
		this.cancelTimer();
		this.controller?.abort();
		await this.running;
	}

	/** Runs once, now, and waits (for `--once`): failures are reported, not thrown. */
	async runOnce(): Promise<void> {
		await this.tick();
	}

	private interval(): number {
		const {intervalMs} = this.options;
		return typeof intervalMs === 'function' ? intervalMs() : intervalMs;
	}

	private schedule(delayMs: number): void {
		this.cancelTimer();
		this.timer = this.timers.setTimeout(() => {
			this.timer = undefined;
			void this.tick().then(() => this.afterRun());
		}, delayMs);
	}

	private afterRun(): void {
		if (this.stopped) {
			return;
		}
		const again = this.refreshAfterRun;
		this.refreshAfterRun = false;
		this.schedule(again ? 0 : this.nextDelay());
	}

	private nextDelay(): number {
		if (this.failures === 0) {
			return this.interval();
		}
		const max = this.options.maxBackoffMs ?? 5 * 60_000;
		return Math.min(this.interval() * 2 ** (this.failures - 1), max);
	}

	private async tick(): Promise<void> {
		if (this.running) {
			return this.running;
		}
		const controller = new AbortController();
		this.controller = controller;
		this.running = (async () => {
			try {
				await this.options.run(controller.signal);
				this.failures = 0;
			} catch (error) {
				if (controller.signal.aborted) {
					return;
				}
				this.failures += 1;
				// One reading of the clock, so "failed at" and "retry at" are exactly the backoff apart.
				const failedAt = this.timers.now();
				this.options.onFailure(error, failedAt + this.nextDelay(), this.failures, failedAt);
			}
		})();
		try {
			await this.running;
		} finally {
			this.running = undefined;
			this.controller = undefined;
		}
	}

	private cancelTimer(): void {
		if (this.timer !== undefined) {
			this.timers.clearTimeout(this.timer);
			this.timer = undefined;
		}
	}
}
