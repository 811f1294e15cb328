// CloudWatch Logs as the sim serves it (awsJson1_1, `Logs_20140328.<Operation>`).
import type {JsonOperation, JsonService} from '../json-service.js';
import {filterLogEvents} from './filter-events.js';
import {getLogEvents} from './get-events.js';
import {createLogGroup, describeLogGroups} from './groups.js';
import {putLogEvents} from './put.js';
import {createQueryRegistry} from './queries.js';
import {createLogStream, describeLogStreams} from './streams.js';

export type LogsServiceOptions = {
	/** StartQuery answers LimitExceededException beyond this many Scheduled/Running queries. */
	readonly maxConcurrentQueries?: number;
	/** Sim-clock time from StartQuery to Complete (the first fifth of it is spent Scheduled). */
	readonly queryDurationMs?: number;
	/** Records an Insights scan reads before other requests are served again (scan-gate). */
	readonly sliceRecords?: number;
};

export type LogsService = JsonService & {
	/** Insights queries still Scheduled or Running: a client that forgets StopQuery shows up here. */
	runningQueryCount(): number;
	/** Bytes scanned by every Insights query so far (cancelled ones up to their cancellation). */
	totalBytesScanned(): number;
};

/** Every read first lets a driven world catch up to the clock. */
export function advancing(
	operations: Record<string, JsonOperation>,
): Record<string, JsonOperation> {
	return Object.fromEntries(
		Object.entries(operations).map(([name, operation]) => [
			name,
			((input, context) => {
				context.advance();
				return operation(input, context);
			}) satisfies JsonOperation,
		]),
	);
}

export function createLogsService(options: LogsServiceOptions = {}): LogsService {
	const queries = createQueryRegistry({
		maxConcurrentQueries: options.maxConcurrentQueries ?? 30,
		queryDurationMs: options.queryDurationMs ?? 2000,
		...(options.sliceRecords === undefined ? {} : {sliceRecords: options.sliceRecords}),
	});
	return {
		targetPrefix: 'Logs_20140328',
		signingName: 'logs',
		jsonVersion: '1.1',
		operations: advancing({
			DescribeLogGroups: describeLogGroups,
			CreateLogGroup: createLogGroup,
			DescribeLogStreams: describeLogStreams,
			CreateLogStream: createLogStream,
			PutLogEvents: putLogEvents,
			GetLogEvents: getLogEvents,
			FilterLogEvents: filterLogEvents,
			StartQuery: queries.startQuery,
			GetQueryResults: queries.getQueryResults,
			StopQuery: queries.stopQuery,
			DescribeQueries: queries.describeQueries,
			GetLogRecord: queries.getLogRecord,
		}),
		runningQueryCount: queries.runningQueryCount,
		totalBytesScanned: queries.totalBytesScanned,
	};
}
