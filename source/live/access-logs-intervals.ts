// The figures of the objects read, one accumulator per 5-minute interval (the files of every node
// of an interval merge into it), summed over the window when the view is drawn; intervals the
// window has left are let go. ALB requests and NLB TLS connections are read alike.
import type {AccessLogObject, ReadCounts} from '../domain/access-logs/index.js';
import {
	RequestsAccumulator,
	readAlbEntries,
	readNlbEntries,
	TlsAccumulator,
} from '../domain/access-logs/index.js';
import type {RequestsView, TlsView} from '../domain/types/access-logs.js';
import type {Precision} from '../domain/types/flows.js';

type Accumulator = RequestsAccumulator | TlsAccumulator;

export type IntervalsView =
	| {readonly kind: 'requests'; readonly view: RequestsView}
	| {readonly kind: 'tls'; readonly view: TlsView};

export class Intervals {
	private readonly byEnd = new Map<number, {readonly start: number; readonly acc: Accumulator}>();
	private malformed = 0;

	constructor(private readonly kind: 'requests' | 'tls') {}

	/** A batch of the object's lines into its interval's accumulator. */
	reader(object: AccessLogObject): (lines: readonly string[]) => ReadCounts {
		let interval = this.byEnd.get(object.intervalEnd);
		if (interval === undefined) {
			interval = {
				start: object.intervalStart,
				acc: this.kind === 'requests' ? new RequestsAccumulator() : new TlsAccumulator(),
			};
			this.byEnd.set(object.intervalEnd, interval);
		}

		const {acc} = interval;
		return (lines) => {
			const counts =
				acc instanceof RequestsAccumulator
					? readAlbEntries(lines, (entry) => acc.add(entry))
					: readNlbEntries(lines, (entry) => acc.add(entry));
			this.malformed += counts.malformed;
			return counts;
		};
	}

	evictBefore(from: number): void {
		for (const end of this.byEnd.keys()) {
			if (end <= from) {
				this.byEnd.delete(end);
			}
		}
	}

	get newestEnd(): number | undefined {
		return this.byEnd.size === 0 ? undefined : Math.max(...this.byEnd.keys());
	}

	/** The window's figures, or undefined before any object was read. */
	view(precision: Precision): IntervalsView | undefined {
		const intervals = [...this.byEnd.entries()];
		if (intervals.length === 0) {
			return undefined;
		}

		const coverage = {
			start: Math.min(...intervals.map(([, interval]) => interval.start)),
			end: Math.max(...intervals.map(([end]) => end)),
		};
		const options = {precision, coverage, malformedEntries: this.malformed};
		if (this.kind === 'requests') {
			const sum = new RequestsAccumulator();
			for (const [, {acc}] of intervals) {
				if (acc instanceof RequestsAccumulator) sum.merge(acc);
			}
			return {kind: 'requests', view: sum.view(options)};
		}

		const sum = new TlsAccumulator();
		for (const [, {acc}] of intervals) {
			if (acc instanceof TlsAccumulator) sum.merge(acc);
		}
		return {kind: 'tls', view: sum.view(options)};
	}
}
