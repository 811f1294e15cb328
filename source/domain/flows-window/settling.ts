// When a stretch of flow log time has settled: every record of it has been delivered, so an exact
// Insights query over it will never need repeating. A record's event timestamp is its start; it
// closes up to one aggregation interval later and reaches CloudWatch Logs minutes after that
// (delivery is best effort, typically about five minutes).

/** Unix seconds, start inclusive, end exclusive. */
export type TimeRange = {readonly start: number; readonly end: number};

/** How long after a record closes lbtop waits for it to arrive before calling its minute settled. */
export const deliveryAllowanceSeconds = 300;

/** Aggregation interval assumed when the flow log is not known (AWS's own default is 600 s). */
export const unknownAggregationSeconds = 600;

export function settleDelaySeconds(
	aggregationSeconds: number,
	allowanceSeconds = deliveryAllowanceSeconds,
): number {
	return Math.max(0, aggregationSeconds) + Math.max(0, allowanceSeconds);
}

export function alignDown(seconds: number, step: number): number {
	const width = Math.max(1, Math.floor(step));
	return Math.floor(seconds / width) * width;
}

/**
 * The end of settled time: every bucket that ends at or before it has settled, so the buckets
 * before it can be queried once and held.
 */
export function settledHorizon(
	nowSeconds: number,
	aggregationSeconds: number,
	bucketSeconds: number,
	allowanceSeconds = deliveryAllowanceSeconds,
): number {
	return alignDown(
		nowSeconds - settleDelaySeconds(aggregationSeconds, allowanceSeconds),
		bucketSeconds,
	);
}
