// Amazon Athena as the sim serves it (awsJson1_1, `AmazonAthena.<Operation>`): queries over the
// world's Glue tables and S3 objects, executed by DuckDB (engine.ts), with Athena's states, paging,
// header row and errors.
import type {SimClock} from '../../context.js';
import type {JsonService} from '../json-service.js';
import {advancing} from '../logs/index.js';
import {AthenaEngine} from './engine.js';
import {createExecutions, type ExecutionOptions} from './executions.js';
import {getWorkGroup} from './workgroups.js';

export type AthenaService = JsonService & {
	/** Queries QUEUED or RUNNING at the clock's now. */
	runningQueryCount(): number;
	/** Bytes scanned by every query that has ended (cancelled ones up to their stop). */
	totalBytesScanned(): number;
	startedQueries(): number;
	/** Ends the engine and removes the files it read. */
	close(): Promise<void>;
};

export function createAthenaService(
	clock: SimClock,
	options: Partial<ExecutionOptions> = {},
): AthenaService {
	const engine = new AthenaEngine();
	const executions = createExecutions(engine, {
		queuedMs: options.queuedMs ?? 300,
		runningMs: options.runningMs ?? 700,
		maxActiveQueries: options.maxActiveQueries ?? 20,
	});
	return {
		targetPrefix: 'AmazonAthena',
		signingName: 'athena',
		jsonVersion: '1.1',
		throttlingCode: 'TooManyRequestsException',
		operations: advancing({
			StartQueryExecution: executions.startQueryExecution,
			GetQueryExecution: executions.getQueryExecution,
			GetQueryResults: executions.getQueryResults,
			StopQueryExecution: executions.stopQueryExecution,
			GetWorkGroup: getWorkGroup,
		}),
		runningQueryCount: () => executions.runningQueryCount(clock.now()),
		totalBytesScanned: () => executions.totalBytesScanned(clock.now()),
		startedQueries: executions.startedQueries,
		close: () => engine.close(),
	};
}
