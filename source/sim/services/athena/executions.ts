// Query executions: QUEUED, then RUNNING while the engine works (at least a set time of the sim
// clock each, so a client sees both), then SUCCEEDED or FAILED; StopQueryExecution cancels one
// that has not finished, which is then billed for what it had scanned. DataScannedInBytes is the
// size of the objects the query read after partition and `"$path"` pruning.
import {randomUUID} from 'node:crypto';
import type {JsonObject, JsonValue, SimContext} from '../../context.js';
import {SimError} from '../../context.js';
import {checkRange, readInput} from '../logs/input.js';
import type {AthenaEngine, Outcome} from './engine.js';
import {findWorkGroup, invalidRequest} from './workgroups.js';

export type ExecutionOptions = {
	/** Sim-clock time a query stays QUEUED. */
	readonly queuedMs: number;
	/** Sim-clock time a query is RUNNING at least. */
	readonly runningMs: number;
	/** StartQueryExecution answers TooManyRequestsException beyond this many active queries. */
	readonly maxActiveQueries: number;
};

type Execution = {
	readonly id: string;
	readonly query: string;
	readonly database?: string;
	readonly catalog: string;
	readonly workGroup: string;
	readonly outputLocation?: string;
	readonly parameters: readonly string[];
	readonly submittedAt: number;
	scanned?: number;
	outcome?: Outcome;
	cancelledAt?: number;
	cancelledScanned?: number;
};

type State = 'QUEUED' | 'RUNNING' | 'SUCCEEDED' | 'FAILED' | 'CANCELLED';

const keptExecutions = 1000;

export function createExecutions(engine: AthenaEngine, options: ExecutionOptions) {
	const executions = new Map<string, Execution>();
	const byToken = new Map<string, string>();
	// Bytes of executions no longer kept, so the session's total stays whole.
	let forgottenScanned = 0;

	const stateOf = (execution: Execution, now: number): State => {
		if (execution.cancelledAt !== undefined) return 'CANCELLED';
		const queuedUntil = execution.submittedAt + options.queuedMs;
		if (now < queuedUntil) return 'QUEUED';
		if (execution.outcome === undefined || now < queuedUntil + options.runningMs) return 'RUNNING';
		return execution.outcome.ok ? 'SUCCEEDED' : 'FAILED';
	};

	const scannedOf = (execution: Execution, state: State): number =>
		state === 'CANCELLED'
			? (execution.cancelledScanned ?? 0)
			: state === 'QUEUED'
				? 0
				: (execution.scanned ?? 0);

	const find = (input: JsonObject): Execution => {
		const id = readInput(input, invalidRequest).requiredString('QueryExecutionId');
		const execution = executions.get(id);
		if (execution === undefined) {
			throw new SimError(invalidRequest, `QueryExecution ${id} was not found`);
		}
		return execution;
	};

	const active = (now: number) =>
		[...executions.values()].filter((execution) => {
			const state = stateOf(execution, now);
			return state === 'QUEUED' || state === 'RUNNING';
		}).length;

	function startQueryExecution(input: JsonObject, context: SimContext): JsonValue {
		const read = readInput(input, invalidRequest);
		const query = read.requiredString('QueryString');
		if (query.length < 1 || query.length > 262_144) {
			throw new SimError(invalidRequest, 'QueryString must be between 1 and 262144 characters.');
		}
		const token = read.optionalString('ClientRequestToken');
		if (token !== undefined && (token.length < 32 || token.length > 128)) {
			throw new SimError(
				invalidRequest,
				'ClientRequestToken must be between 32 and 128 characters.',
			);
		}
		const known = token === undefined ? undefined : byToken.get(token);
		if (known !== undefined) {
			return {QueryExecutionId: known};
		}
		const now = context.clock.now();
		if (active(now) >= options.maxActiveQueries) {
			throw new SimError(
				'TooManyRequestsException',
				'You have exceeded the limit for the number of queries you can run concurrently. Reduce the number of concurrent queries submitted by this account. Contact customer support to request a concurrent query limit increase.',
			);
		}
		const workGroup = findWorkGroup(context, read.optionalString('WorkGroup') ?? 'primary');
		const contextInput = (input.QueryExecutionContext ?? {}) as JsonObject;
		const resultInput = (input.ResultConfiguration ?? {}) as JsonObject;
		const requested =
			typeof resultInput.OutputLocation === 'string' ? resultInput.OutputLocation : undefined;
		const outputLocation = requested ?? workGroup.outputLocation;
		if (outputLocation === undefined && workGroup.managedQueryResults !== true) {
			throw new SimError(
				invalidRequest,
				'No output location provided. An output location is required either through the Workgroup result configuration setting or as an API input.',
			);
		}
		const parameters = read.optionalStringList('ExecutionParameters') ?? [];
		const database = typeof contextInput.Database === 'string' ? contextInput.Database : undefined;
		const id = randomUUID();
		const execution: Execution = {
			id,
			query,
			...(database === undefined ? {} : {database}),
			catalog: typeof contextInput.Catalog === 'string' ? contextInput.Catalog : 'AwsDataCatalog',
			workGroup: workGroup.name,
			...(outputLocation === undefined
				? {}
				: {outputLocation: `${outputLocation.replace(/\/?$/, '/')}${id}.csv`}),
			parameters,
			submittedAt: now,
		};
		executions.set(id, execution);
		if (token !== undefined) byToken.set(token, id);
		const lake = context.world.dataLake ?? {
			buckets: [],
			glueDatabases: [],
			glueTables: [],
			athenaWorkGroups: [],
		};
		void engine
			.run(
				{queryString: query, parameters, ...(database === undefined ? {} : {database}), lake, now},
				(bytes) => {
					execution.scanned = bytes;
				},
			)
			.then((outcome) => {
				execution.outcome = outcome;
			});
		for (const old of [...executions.values()].slice(
			0,
			Math.max(0, executions.size - keptExecutions),
		)) {
			forgottenScanned += scannedOf(old, stateOf(old, now));
			executions.delete(old.id);
		}
		return {QueryExecutionId: id};
	}

	function getQueryExecution(input: JsonObject, context: SimContext): JsonValue {
		const execution = find(input);
		const now = context.clock.now();
		const state = stateOf(execution, now);
		const done = state === 'SUCCEEDED' || state === 'FAILED' || state === 'CANCELLED';
		const failed =
			state === 'FAILED' && execution.outcome?.ok === false ? execution.outcome : undefined;
		const reason = failed === undefined ? undefined : `${failed.errorName}: ${failed.message}`;
		const finishedAt =
			execution.cancelledAt ?? execution.submittedAt + options.queuedMs + options.runningMs;
		return {
			QueryExecution: {
				QueryExecutionId: execution.id,
				Query: execution.query,
				StatementType: 'DML',
				...(execution.outputLocation === undefined
					? {}
					: {ResultConfiguration: {OutputLocation: execution.outputLocation}}),
				QueryExecutionContext: {
					...(execution.database === undefined ? {} : {Database: execution.database}),
					Catalog: execution.catalog,
				},
				Status: {
					State: state,
					SubmissionDateTime: execution.submittedAt / 1000,
					...(done ? {CompletionDateTime: finishedAt / 1000} : {}),
					...(reason === undefined ? {} : {StateChangeReason: reason}),
					...(reason === undefined
						? {}
						: {
								AthenaError: {
									ErrorCategory: 2,
									ErrorType: 1001,
									Retryable: false,
									ErrorMessage: reason,
								},
							}),
				},
				Statistics: {
					DataScannedInBytes: scannedOf(execution, state),
					EngineExecutionTimeInMillis: done ? options.runningMs : 0,
					TotalExecutionTimeInMillis: Math.max(
						0,
						(done ? finishedAt : now) - execution.submittedAt,
					),
					QueryQueueTimeInMillis: Math.min(
						options.queuedMs,
						Math.max(0, now - execution.submittedAt),
					),
					ServiceProcessingTimeInMillis: 0,
					ResultReuseInformation: {ReusedPreviousResult: false},
				},
				WorkGroup: execution.workGroup,
				EngineVersion: {
					SelectedEngineVersion: 'AUTO',
					EffectiveEngineVersion: 'Athena engine version 3',
				},
				...(execution.parameters.length === 0
					? {}
					: {ExecutionParameters: [...execution.parameters]}),
			},
		};
	}

	function getQueryResults(input: JsonObject, context: SimContext): JsonValue {
		const execution = find(input);
		const read = readInput(input, invalidRequest);
		const maxResults = read.optionalNumber('MaxResults');
		checkRange('maxResults', maxResults, 1, 1000, invalidRequest);
		const state = stateOf(execution, context.clock.now());
		const outcome = execution.outcome;
		if (state !== 'SUCCEEDED' || outcome?.ok !== true) {
			throw new SimError(
				invalidRequest,
				state === 'QUEUED' || state === 'RUNNING'
					? `Query has not yet finished. Current state: ${state}`
					: `Query did not finish successfully. Final query state: ${state}`,
			);
		}
		const header = outcome.columns.map((column) => column.name);
		const all = [header, ...outcome.rows];
		const token = read.optionalString('NextToken');
		const start = token === undefined ? 0 : Number.parseInt(token, 10);
		if (!Number.isSafeInteger(start) || start < 0 || start > all.length) {
			throw new SimError(invalidRequest, 'The token provided is invalid.');
		}
		const end = start + (maxResults ?? 1000);
		return {
			UpdateCount: 0,
			ResultSet: {
				Rows: all.slice(start, end).map((row) => ({
					Data: row.map((value) => (value === null ? {} : {VarCharValue: value})),
				})),
				ResultSetMetadata: {
					ColumnInfo: outcome.columns.map((column) => ({
						CatalogName: 'hive',
						SchemaName: '',
						TableName: '',
						Name: column.name,
						Label: column.name,
						Type: column.type,
						Precision: column.type === 'varchar' ? 2_147_483_647 : 0,
						Scale: 0,
						Nullable: 'UNKNOWN',
						CaseSensitive: column.type === 'varchar',
					})),
				},
			},
			...(end < all.length ? {NextToken: String(end)} : {}),
		};
	}

	function stopQueryExecution(input: JsonObject, context: SimContext): JsonValue {
		const execution = find(input);
		const now = context.clock.now();
		const state = stateOf(execution, now);
		if (state === 'QUEUED' || state === 'RUNNING') {
			execution.cancelledAt = now;
			execution.cancelledScanned = state === 'RUNNING' ? (execution.scanned ?? 0) : 0;
		}
		return {};
	}

	return {
		startQueryExecution,
		getQueryExecution,
		getQueryResults,
		stopQueryExecution,
		/** Queries QUEUED or RUNNING now: a client that forgets StopQueryExecution shows up here. */
		runningQueryCount: (now: number) => active(now),
		/** Bytes scanned by every query that has ended by `now` (cancelled ones up to their stop). */
		totalBytesScanned: (now: number) =>
			[...executions.values()].reduce((sum, execution) => {
				const state = stateOf(execution, now);
				return state === 'QUEUED' || state === 'RUNNING' ? sum : sum + scannedOf(execution, state);
			}, forgottenScanned),
		startedQueries: () => executions.size,
	};
}
