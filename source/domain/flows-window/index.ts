// Planning the flow panes' reads over time: what has settled, what Insights still has to answer
// (once), what raw records to re-read, and what to keep as the window slides.
export {
	buildCombinedQuery,
	type CombinedQueryOptions,
	insightsRowLimit,
	type SplitRows,
	splitCombinedRows,
} from './combined-query.js';
export {CompactRows, type HeldRows} from './compact-rows.js';
export {
	type DeliveryTiming,
	deliveryPaths,
	deliveryTiming,
	s3DeliveryAllowanceSeconds,
} from './delivery-timing.js';
export {type ExactPart, type ExactSlice, exactAggregates} from './exact-slices.js';
export {type FeedPlan, type FlowFeed, feedKey, pathInterfaces, planFeeds} from './feeds.js';
export {
	defaultBatchSeconds,
	defaultBucketSeconds,
	type HeldWindow,
	planWindow,
	type WindowPlan,
	type WindowSettings,
} from './plan.js';
export {
	addRawRecords,
	type BucketCounts,
	type BucketTally,
	countByBucket,
	countEvent,
	defaultMaxRecords,
	emptyRawHold,
	type HeldRecord,
	mergeRawRead,
	type RawHold,
	type RawRead,
	type RawTotals,
	rawTotals,
	trimRecords,
} from './raw-records.js';
export {rejectPattern} from './rows-backfill.js';
export {type Coverage, recordsSince, withCoverage} from './rows-coverage.js';
export {
	fileWindowSeconds,
	folderOf,
	foldersFor,
	listPrefixOf,
	type S3FeedSource,
	s3FeedLabel,
	s3SourceOf,
	startAfterFor,
	windowOfKey,
	windowStamp,
} from './s3-keys.js';
export {
	alignDown,
	deliveryAllowanceSeconds,
	settleDelaySeconds,
	settledHorizon,
	type TimeRange,
	unknownAggregationSeconds,
} from './settling.js';
export {buildFlowsView, type ViewInputs} from './view.js';
