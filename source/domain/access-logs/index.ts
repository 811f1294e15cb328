// Elastic Load Balancing access logs, everything that needs no I/O: where they are, which objects
// are new, reading their entries, the per-target and per-listener figures, and what to ask Athena.
// The S3 reader and the Athena runner (source/aws) hand text and rows in; these hand views out.
export {type AlbParseOptions, type EntryResult, parseAlbEntry} from './alb-entry.js';
export {albRequestLinesQuery, albTargetStatsQuery} from './athena-alb-queries.js';
export {type AthenaRequestsOptions, requestsFromAthena} from './athena-alb-rows.js';
export {albAccessLogDdl, type DdlInput, nlbAccessLogDdl} from './athena-ddl.js';
export {nlbListenerStatsQuery, tlsFromAthena} from './athena-nlb.js';
export {
	type AccessLogTable,
	type AthenaQuery,
	type AthenaRow,
	type QueryRange,
	rowsByName,
} from './athena-sql.js';
export {type AccessLogEvidence, accessLogEvidenceText} from './evidence-text.js';
export {maxLineLength} from './fields.js';
export {parseNlbEntry} from './nlb-entry.js';
export {
	type AccessLogKind,
	type AccessLogObject,
	dayText,
	endTimeText,
	intervalMs,
	type Listing,
	type LoadBalancerRef,
	type LogLocation,
	listingsSince,
	logFolder,
	parseAccessLogKey,
} from './object-key.js';
export {
	type ParsedEntries,
	parseAlbEntries,
	parseNlbEntries,
	type ReadCounts,
	readAlbEntries,
	readNlbEntries,
} from './parse-entries.js';
export {requestText} from './request-line.js';
export {
	aggregateRequests,
	RequestsAccumulator,
	type RequestsViewOptions,
} from './requests-accumulator.js';
export {accessLogsSetup, bucketUnreadableGap, type SetupInput} from './setup.js';
export {accessLogTableIn, accessLogTableProblem} from './table-match.js';
export {aggregateTls, TlsAccumulator, type TlsViewOptions} from './tls-accumulator.js';
export {alertName, isOldTlsProtocol} from './tls-names.js';
