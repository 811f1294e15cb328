// Engine timers on a clock the test moves: minutes of polling, backoff and retries pass in
// milliseconds, while the network, the sim and the SDK keep running on real time. The clock reads
// real time plus every jump made so far, so queries the sim times on the same clock still finish.
import type {Timers} from '../../../source/live/poller.js';

type Pending = {readonly due: number; readonly callback: () => void};

export class VirtualTimers implements Timers {
	private offset = 0;
	private nextHandle = 1;
	private readonly pending = new Map<number, Pending>();

	readonly now = (): number => Date.now() + this.offset;

	readonly setTimeout = (callback: () => void, ms: number): unknown => {
		const handle = this.nextHandle++;
		this.pending.set(handle, {due: this.now() + Math.max(0, ms), callback});
		return handle;
	};

	readonly clearTimeout = (handle: unknown): void => {
		if (typeof handle === 'number') {
			this.pending.delete(handle);
		}
	};

	/** Timers set and neither fired nor cleared: a leak shows up as growth here. */
	get pendingCount(): number {
		return this.pending.size;
	}

	/** When the earliest pending timer is due, if any is pending. */
	nextDue(): number | undefined {
		let earliest: number | undefined;
		for (const {due} of this.pending.values()) {
			earliest = earliest === undefined ? due : Math.min(earliest, due);
		}
		return earliest;
	}

	/** Moves the clock forward; timers now due fire on the next `fireDue`. */
	advance(ms: number): void {
		this.offset += Math.max(0, ms);
	}

	/** Moves the clock to `time` unless it is already past it. */
	advanceTo(time: number): void {
		this.advance(time - this.now());
	}

	/** Fires every timer due by now, earliest first; returns how many fired. */
	fireDue(): number {
		const now = this.now();
		const due = [...this.pending.entries()]
			.filter(([, timer]) => timer.due <= now)
			.sort(([, left], [, right]) => left.due - right.due);
		for (const [handle, timer] of due) {
			// A callback may have cleared a later timer of this batch.
			if (this.pending.delete(handle)) {
				timer.callback();
			}
		}
		return due.length;
	}
}
