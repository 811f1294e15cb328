// One refresh of the flow panes, planned: which settled stretch Logs Insights still has to answer
// (each once: it bills every byte of the log group in the range), where the exact figures stop and
// the provisional fresh edge starts, and which raw events to (re)read with FilterLogEvents (no scan
// charge, scoped to the interfaces' streams).
import {alignDown, deliveryAllowanceSeconds, settledHorizon, type TimeRange} from './settling.js';

export type WindowSettings = {
	readonly windowSeconds: number;
	/** The flow logs' aggregation interval (the coarsest of them): 60 or 600. */
	readonly aggregationSeconds: number;
	readonly bucketSeconds?: number;
	/** Newly settled time is queried once this much has piled up, not every refresh. */
	readonly batchSeconds?: number;
	readonly deliveryAllowanceSeconds?: number;
	/**
	 * A settled stretch asked for ends on a multiple of this: S3 files hold 5 minutes each, so
	 * stretches that end on a file's edge read each file in one query only.
	 */
	readonly queryAlignSeconds?: number;
};

export type HeldWindow = {
	/** Ranges Insights has answered, oldest first, each ending where the next starts. */
	readonly exact: readonly TimeRange[];
	/** The settled horizon at the last complete raw read; absent before the first one. */
	readonly rawHorizon?: number;
	/** Raw records have been read (for the connection rows) from here on; absent before any read. */
	readonly rowsFrom?: number;
};

export type WindowPlan = {
	readonly windowStart: number;
	readonly horizon: number;
	/** Held exact ranges still inside the window; the others have slid out and are dropped. */
	readonly keep: readonly TimeRange[];
	/** Where the kept exact ranges end: the provisional edge starts here until `query` is answered. */
	readonly exactThrough: number;
	/**
	 * The settled stretch Insights must answer now, absent when none is due: the part of the window
	 * before the held answers (a longer window was asked for) first, else newly settled time.
	 */
	readonly query?: TimeRange;
	/**
	 * Settled time in the window whose raw records were never read for the rows (a longer window
	 * was asked for): read once, bounded, REJECTs first.
	 */
	readonly rowsBackfill?: TimeRange;
	/** Where the provisional edge starts once `query` is answered. */
	readonly provisionalFrom: number;
	/** Raw events to read this refresh: everything that may have changed since the last read. */
	readonly read: TimeRange;
	/** Raw records older than this are no longer kept: the window's start, the rows cover it all. */
	readonly rawFrom: number;
};

export const defaultBucketSeconds = 60;
export const defaultBatchSeconds = 120;

export function planWindow(
	nowSeconds: number,
	settings: WindowSettings,
	held: HeldWindow,
): WindowPlan {
	const bucket = Math.max(1, Math.floor(settings.bucketSeconds ?? defaultBucketSeconds));
	const batch = Math.max(bucket, settings.batchSeconds ?? defaultBatchSeconds);
	const allowance = settings.deliveryAllowanceSeconds ?? deliveryAllowanceSeconds;
	const windowStart = alignDown(nowSeconds - settings.windowSeconds, bucket);
	const horizon = settledHorizon(nowSeconds, settings.aggregationSeconds, bucket, allowance);

	const keep = held.exact.filter((range) => range.end > windowStart && range.start < range.end);
	const exactThrough = keep.at(-1)?.end ?? windowStart;
	const queryAlign = Math.max(bucket, Math.floor(settings.queryAlignSeconds ?? bucket));
	const heldFrom = keep[0]?.start;
	const query =
		heldFrom !== undefined && heldFrom > windowStart
			? {start: windowStart, end: heldFrom}
			: dueQuery(keep.length > 0, exactThrough, alignDown(horizon, queryAlign), batch);
	const provisionalFrom = Math.max(query?.end ?? exactThrough, exactThrough);

	const rawFrom = windowStart;
	const rowsBackfill =
		held.rowsFrom !== undefined && held.rowsFrom > windowStart
			? {start: windowStart, end: held.rowsFrom}
			: undefined;
	// Nothing before this can matter: older records are neither kept nor provisional.
	const floor = Math.min(exactThrough, rawFrom);
	// Since the last read, only unsettled time can have gained records (and the provisional edge is
	// always read whole, since its figures are rebuilt from this read).
	const start =
		held.rawHorizon === undefined
			? floor
			: Math.max(floor, Math.min(exactThrough, held.rawHorizon));
	return {
		windowStart,
		horizon,
		keep,
		exactThrough,
		...(query === undefined ? {} : {query}),
		...(rowsBackfill === undefined ? {} : {rowsBackfill}),
		provisionalFrom,
		read: {start, end: Math.max(start, nowSeconds + 1)},
		rawFrom,
	};
}

function dueQuery(
	holdsAny: boolean,
	exactThrough: number,
	horizon: number,
	batch: number,
): TimeRange | undefined {
	const settled = horizon - exactThrough;
	// The first query backfills whatever has settled; later ones wait for a batch to pile up.
	if (settled <= 0 || (holdsAny && settled < batch)) {
		return undefined;
	}

	return {start: exactThrough, end: horizon};
}
