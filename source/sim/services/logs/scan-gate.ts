// Long Insights scans in slices. Real Logs Insights runs a query on its own while the API answers
// other calls; the sim scans in its one thread, and at a busy NLB's volume a backfill query reads
// millions of records. Before an operation answers, the scans its answer reads are brought up to
// what an answer at that moment reads, a slice at a time, with other requests (FilterLogEvents,
// metrics) served between slices; the operation then runs as it always did, at the moment it was
// asked, and finds those scans done.
import {setImmediate} from 'node:timers/promises';
import type {QueryRun} from './query-run.js';

export type ScanGate = {
	/**
	 * Runs `operation`, asked at `now`, once the scans of `reads` are through what it reads: at
	 * once when they have little left to read (and no earlier operation is waiting), else after
	 * slices, in the order the operations came.
	 */
	readonly at: <T>(
		now: number,
		reads: () => Iterable<QueryRun>,
		operation: () => T,
	) => T | Promise<T>;
};

/** Records a query reads before the sim serves other requests again. */
export const sliceRecords = 20_000;

export function createScanGate(slice: number = sliceRecords): ScanGate {
	let waiting: Promise<unknown> | undefined;
	/** One slice of each scan with more to read at `now`; true while any has more. */
	const step = (now: number, reads: () => Iterable<QueryRun>): boolean => {
		let more = false;
		for (const run of reads()) {
			if (run.scanAhead(now, slice)) more = true;
		}
		return more;
	};
	return {
		at(now, reads, operation) {
			if (waiting === undefined && !step(now, reads)) return operation();
			const turn = (waiting ?? Promise.resolve()).then(async () => {
				while (step(now, reads)) await setImmediate();
				return operation();
			});
			const settled = turn.then(
				() => undefined,
				() => undefined,
			);
			waiting = settled;
			void settled.then(() => {
				if (waiting === settled) waiting = undefined;
			});
			return turn;
		},
	};
}
