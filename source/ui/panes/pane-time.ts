// A pane's text reads the clock in a few places: an age, a lag, the date in front of a time. The
// shell's clock ticks every second, but most of that text changes once a minute or less, so a pane
// keeps what it drew until the first tick at which some of its text could read differently. Each
// read of the clock says until when what it drew stays true; a read that says nothing (the context's
// `now` read directly) holds for one tick only, as if nothing were kept.

import {widestElapsed} from './elapsed-widths.js';

/**
 * Whatever a pane read, it is drawn again at least this often: a time's date may turn at any
 * quarter hour of UTC (every UTC offset in use is a whole number of quarter hours).
 */
export const longestKeptMs = 15 * 60_000;

const secondMs = 1000;

export class PaneTime {
	private keptUntil: number;
	// Many rows share a time (flow records end on the same aggregation boundary): each is followed once.
	private readonly texts = new Map<(ms: number) => string, Map<number, string>>();

	constructor(readonly now: number) {
		this.keptUntil = Math.floor(now / longestKeptMs) * longestKeptMs + longestKeptMs;
	}

	/** The first time at which what was drawn from `now` may read differently. */
	get until(): number {
		return this.keptUntil;
	}

	/** The drawing used `now` in a way not followed here: any later tick draws it again. */
	anyTick(): void {
		this.keptUntil = Math.min(this.keptUntil, this.now + 1);
	}

	/**
	 * `now`, to tell which day a time falls on (`06-02 13:41Z` on another day than now): a date
	 * turns at most at the next quarter hour, which no drawing is kept past.
	 */
	get day(): number {
		return this.now;
	}

	/**
	 * `format(now - since)`, kept until the first whole second of the elapsed time at which the
	 * text differs. `format` must floor the elapsed time to whole seconds (or coarser) and never go
	 * back to a text it left as the elapsed time grows, as every age and lag format here does
	 * (test/ui/panes/pane-time.test.ts holds them to it).
	 */
	elapsed(since: number, format: (ms: number) => string): string {
		const known = this.texts.get(format) ?? new Map<number, string>();
		this.texts.set(format, known);
		let text = known.get(since);
		if (text === undefined) {
			text = this.follow(since, format);
			known.set(since, text);
		}
		return text;
	}

	/**
	 * The widest cell of `format(now - since)` over `sinces` (a column as wide as its widest age),
	 * kept until the widest may differ: the texts themselves are not followed, so a thousand ages
	 * turning at different seconds keep the column while its width holds.
	 */
	widestElapsed(sinces: Iterable<number>, format: (ms: number) => string): number {
		const found = widestElapsed(this.now, this.keptUntil, sinces, format);
		this.keptUntil = Math.min(this.keptUntil, found.until);
		return found.widest;
	}

	private follow(since: number, format: (ms: number) => string): string {
		const elapsed = this.now - since;
		const text = format(elapsed);
		if (!Number.isFinite(elapsed)) {
			return text;
		}

		const toSecond = secondMs - (((elapsed % secondMs) + secondMs) % secondMs);
		const seconds = Math.floor((this.keptUntil - this.now - toSecond) / secondMs);
		if (seconds < 0) {
			return text;
		}

		const differs = (step: number) => format(elapsed + toSecond + step * secondMs) !== text;
		if (!differs(seconds)) {
			return text;
		}

		// The first second whose text differs: once the text changed it stays changed.
		let low = 0;
		let high = seconds;
		while (low < high) {
			const middle = Math.floor((low + high) / 2);
			if (differs(middle)) {
				high = middle;
			} else {
				low = middle + 1;
			}
		}

		this.keptUntil = Math.min(this.keptUntil, this.now + toSecond + low * secondMs);
		return text;
	}
}
