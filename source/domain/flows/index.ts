// The flows domain: flow log records in, paired connection rows and accept/reject aggregates out.
export {aggregateRecords, aggregateTable, type RecordAggregateOptions} from './aggregate.js';
export {
	type AggregateOptions,
	defaultAggregateLimit,
	defaultBucketSeconds,
} from './aggregate-context.js';
export {
	aggregateColumns,
	buildAggregateQueries,
	buildRecordsQuery,
	defaultSourcesQuery,
	defaultTimelineQuery,
	discoveredFlowFields,
	type FlowAggregateQueries,
	type FlowQueryOptions,
	type FlowRecordsQueryOptions,
	fieldNames,
	parsePrefix,
} from './aggregate-queries.js';
export {
	type AggregateRows,
	type InsightsRow,
	type MergedAggregates,
	mergeAggregateRows,
	parseInsightsTime,
	type RowAggregateOptions,
} from './aggregate-rows.js';
export {combineAggregates} from './combine-aggregates.js';
export {connectionId} from './connection-id.js';
export {defaultFormatFields, isKnownFlowField, knownFlowFields} from './flow-fields.js';
export {
	defaultFlowFormat,
	type FlowFormat,
	type FlowFormatResult,
	flowFormatOf,
	formatHasField,
	parseLogFormat,
	renderLogFormat,
} from './flow-format.js';
export {type FlowRecordResult, parseFlowRecord, type RecordContext} from './flow-record.js';
export {
	type FlowMessage,
	interfaceIdFromLogStream,
	type ParsedFlowRecords,
	type ParsedFlowTable,
	parseFlowRecords,
	parseFlowTable,
} from './flow-records.js';
export {renderFlowRecord} from './flow-render.js';
export {type FlowTable, flowTableOf} from './flow-table.js';
export {buildLegs, defaultAggregationSeconds, type LegOptions} from './legs.js';
export {
	compareConnections,
	isRejected,
	type PairingOptions,
	pairConnections,
	pairTable,
} from './pairing.js';
export {parseResultRows, type ResultCell} from './result-rows.js';
