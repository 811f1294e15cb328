// One refresh of the flow panes, planned: which settled stretch Logs Insights still has to answer
// (each once: it bills every byte of the log group in the range), where the exact figures stop and
// the provisional fresh edge starts, and which raw events to (re)read with FilterLogEvents (no scan
// charge, scoped to the interfaces' streams).
import {
	alignDown,
	deliveryAllowanceSeconds,
	settleDelaySeconds,
	settledHorizon,
	type TimeRange,
} from './settling.js';

export type WindowSettings = {
	readonly windowSeconds: number;
	/** The flow logs' aggregation interval (the coarsest of them): 60 or 600. */
	readonly aggregationSeconds: number;
	readonly bucketSeconds?: number;
	/** Newly settled time is queried once this much has piled up, not every refresh. */
	readonly batchSeconds?: number;
	readonly deliveryAllowanceSeconds?: number;
	/** How far back raw records are kept for the paired rows. */
	readonly rawLookbackSeconds?: number;
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
};

export type WindowPlan = {
	readonly windowStart: number;
	readonly horizon: number;
	/** Held exact ranges still inside the window; the others have slid out and are dropped. */
	readonly keep: readonly TimeRange[];
	/** Where the kept exact ranges end: the provisional edge starts here until `query` is answered. */
	readonly exactThrough: number;
	/** The settled stretch Insights must answer now, absent when none is due. */
	readonly query?: TimeRange;
	/** Where the provisional edge starts once `query` is answered. */
	readonly provisionalFrom: number;
	/** Raw events to read this refresh: everything that may have changed since the last read. */
	readonly read: TimeRange;
	/** Raw records older than this are no longer kept. */
	readonly rawFrom: number;
};

export const defaultBucketSeconds = 60;
export const defaultBatchSeconds = 120;
/** Raw records reach this far past the settling delay, so the paired rows show settled minutes too. */
const rawLookbackMarginSeconds = 240;

export function defaultRawLookbackSeconds(
	aggregationSeconds: number,
	allowanceSeconds = deliveryAllowanceSeconds,
): number {
	return settleDelaySeconds(aggregationSeconds, allowanceSeconds) + rawLookbackMarginSeconds;
}

export function planWindow(
	nowSeconds: number,
	settings: WindowSettings,
	held: HeldWindow,
): WindowPlan {
	const bucket = Math.max(1, Math.floor(settings.bucketSeconds ?? defaultBucketSeconds));
	const batch = Math.max(bucket, settings.batchSeconds ?? defaultBatchSeconds);
	const allowance = settings.deliveryAllowanceSeconds ?? deliveryAllowanceSeconds;
	const lookback =
		settings.rawLookbackSeconds ??
		defaultRawLookbackSeconds(settings.aggregationSeconds, allowance);
	const windowStart = alignDown(nowSeconds - settings.windowSeconds, bucket);
	const horizon = settledHorizon(nowSeconds, settings.aggregationSeconds, bucket, allowance);

	const keep = held.exact.filter((range) => range.end > windowStart && range.start < range.end);
	const exactThrough = keep.at(-1)?.end ?? windowStart;
	const queryAlign = Math.max(bucket, Math.floor(settings.queryAlignSeconds ?? bucket));
	const query = dueQuery(keep.length > 0, exactThrough, alignDown(horizon, queryAlign), batch);
	const provisionalFrom = query?.end ?? exactThrough;

	const rawFrom = Math.max(windowStart, alignDown(nowSeconds - lookback, bucket));
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
