// How the window is planned for the way the feeds' records arrive. Flow logs reach CloudWatch Logs
// about 5 minutes after a record closes and S3 about 10 (best effort both: aws-facts-s3 §1.3), so
// with an S3 feed time settles later; and S3 files hold 5 minutes each, so settled stretches are
// asked for in whole files, each file in one query.
import type {FeedPlan} from './feeds.js';
import {fileWindowSeconds} from './s3-keys.js';
import {deliveryAllowanceSeconds} from './settling.js';

/** How long after a record closes lbtop waits for S3 to have it. */
export const s3DeliveryAllowanceSeconds = 600;

export type DeliveryTiming = {
	readonly deliveryAllowanceSeconds: number;
	readonly batchSeconds?: number;
	readonly queryAlignSeconds?: number;
};

export function deliveryTiming(plan: FeedPlan): DeliveryTiming {
	if (!plan.feeds.some((feed) => feed.s3 !== undefined)) {
		return {deliveryAllowanceSeconds};
	}

	return {
		deliveryAllowanceSeconds: s3DeliveryAllowanceSeconds,
		batchSeconds: fileWindowSeconds,
		queryAlignSeconds: fileWindowSeconds,
	};
}

/** The paths the feeds are read by, for the flows line: "via S3 + Athena". */
export function deliveryPaths(plan: FeedPlan): ('cloudwatch-logs' | 's3')[] {
	const paths = new Set(
		plan.feeds.map((feed) =>
			feed.s3 === undefined ? ('cloudwatch-logs' as const) : ('s3' as const),
		),
	);
	return [...paths].sort();
}
