// Runs Athena queries the way a careful user would: StartQueryExecution (backing off while Athena
// says TooManyRequestsException), polled with GetQueryExecution through QUEUED and RUNNING, the
// answer paged out of GetQueryResults without its header row, and StopQueryExecution the moment
// nobody needs a query that has not finished (refresh superseded, window changed, exit): a forgotten query
// keeps scanning and billing.
import {randomUUID} from 'node:crypto';
import type {AthenaClient} from '@aws-sdk/client-athena';
import type {AwsClients} from './clients.js';
import {AwsCallError, awsCall} from './errors.js';
import {abortableSleep} from './insights-runner.js';

/** The commands load with the client (sdk/athena-client.ts), not with this module. */
const athenaSdk = () => import('./sdk/athena-client.js');

export type AthenaRequest = {
	readonly queryString: string;
	readonly parameters: readonly string[];
	readonly workGroup: string;
};

export type AthenaResult = {
	readonly header: readonly string[];
	readonly rows: readonly (readonly (string | null)[])[];
	readonly bytesScanned: number;
};

export type AthenaEnd = 'SUCCEEDED' | 'FAILED' | 'CANCELLED';

export type AthenaRunnerOptions = {
	readonly pollDelaysMs?: readonly number[];
	/** Waits after TooManyRequestsException, one per retry. */
	readonly throttleDelaysMs?: readonly number[];
	readonly timeoutMs?: number;
	readonly sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
	readonly onStart?: () => void;
	/** Every query that ends, however it ends, with the bytes Athena says it scanned. */
	readonly onEnd?: (bytesScanned: number, end: AthenaEnd) => void;
};

export class AthenaQueryFailed extends Error {
	constructor(
		readonly state: string,
		readonly reason: string,
	) {
		super(`Athena query ${state}: ${reason}`);
		this.name = 'AthenaQueryFailed';
	}
}

const defaultPollDelays = [300, 500, 1000, 1000, 2000];
const defaultThrottleDelays = [1000, 2000, 4000, 8000, 16_000];
const pageSize = 1000;

function isThrottled(error: unknown): boolean {
	const cause = error instanceof AwsCallError ? error.cause : error;
	return cause instanceof Error && /TooManyRequests|Throttl/.test(cause.name);
}

export class AthenaRunner {
	private readonly running = new Set<string>();

	constructor(
		private readonly clients: AwsClients,
		private readonly options: AthenaRunnerOptions = {},
	) {}

	/** Query ids started and not yet ended or stopped. */
	get runningQueries(): number {
		return this.running.size;
	}

	/** Whether a workgroup can run lbtop's queries: it needs a result location or managed results. */
	async workGroupProblem(workGroup: string, signal: AbortSignal): Promise<string | undefined> {
		const athena = await this.clients.athena();
		const {GetWorkGroupCommand} = await athenaSdk();
		const output = await awsCall('athena:GetWorkGroup', () =>
			athena.send(new GetWorkGroupCommand({WorkGroup: workGroup}), {abortSignal: signal}),
		);
		const configuration = output.WorkGroup?.Configuration;
		if (
			configuration?.ResultConfiguration?.OutputLocation !== undefined ||
			configuration?.ManagedQueryResultsConfiguration?.Enabled === true
		) {
			return undefined;
		}

		return `Athena workgroup ${workGroup} has no query result location: set one (the identity then needs s3:PutObject there) or turn on managed query results, or name another with --athena-workgroup`;
	}

	async run(request: AthenaRequest, signal: AbortSignal): Promise<AthenaResult> {
		const athena = await this.clients.athena();
		const {GetQueryExecutionCommand} = await athenaSdk();
		const sleep = this.options.sleep ?? abortableSleep;
		const id = await this.start(athena, request, sleep, signal);
		this.running.add(id);
		this.options.onStart?.();
		const deadline = Date.now() + (this.options.timeoutMs ?? 300_000);
		const delays = this.options.pollDelaysMs ?? defaultPollDelays;
		try {
			for (let poll = 0; ; poll++) {
				signal.throwIfAborted();
				await sleep(delays[Math.min(poll, delays.length - 1)] ?? 1000, signal);
				const execution = await awsCall('athena:GetQueryExecution', () =>
					athena.send(new GetQueryExecutionCommand({QueryExecutionId: id}), {abortSignal: signal}),
				).catch((error: unknown) => {
					if (isThrottled(error)) {
						return undefined;
					}
					throw error;
				});
				const status = execution?.QueryExecution?.Status;
				const scanned = execution?.QueryExecution?.Statistics?.DataScannedInBytes ?? 0;
				const state = status?.State;
				if (state === 'SUCCEEDED') {
					this.ended(id, scanned, 'SUCCEEDED');
					return {...(await this.results(athena, id, signal)), bytesScanned: scanned};
				}

				if (state === 'FAILED' || state === 'CANCELLED') {
					this.ended(id, scanned, state);
					const reason =
						status?.AthenaError?.ErrorMessage ?? status?.StateChangeReason ?? 'no reason given';
					throw new AwsCallError('athena:GetQueryExecution', new AthenaQueryFailed(state, reason));
				}

				if (Date.now() > deadline) {
					throw new AwsCallError(
						'athena:GetQueryExecution',
						new AthenaQueryFailed('TIMEOUT', 'lbtop gave up waiting for it'),
					);
				}
			}
		} finally {
			if (this.running.has(id)) {
				await this.stop(athena, id);
			}
		}
	}

	/** StartQueryExecution is not aborted mid-flight: only its id lets the query be stopped. */
	private async start(
		athena: AthenaClient,
		request: AthenaRequest,
		sleep: (ms: number, signal: AbortSignal) => Promise<void>,
		signal: AbortSignal,
	): Promise<string> {
		// One token for every try: a retried start is the same query, not a second one.
		const token = randomUUID();
		const {StartQueryExecutionCommand} = await athenaSdk();
		const delays = this.options.throttleDelaysMs ?? defaultThrottleDelays;
		for (let attempt = 0; ; attempt++) {
			signal.throwIfAborted();
			try {
				const started = await awsCall('athena:StartQueryExecution', () =>
					athena.send(
						new StartQueryExecutionCommand({
							QueryString: request.queryString,
							ClientRequestToken: token,
							WorkGroup: request.workGroup,
							...(request.parameters.length === 0
								? {}
								: {ExecutionParameters: [...request.parameters]}),
						}),
					),
				);
				if (started.QueryExecutionId === undefined) {
					throw new AwsCallError(
						'athena:StartQueryExecution',
						new Error('StartQueryExecution returned no QueryExecutionId'),
					);
				}
				return started.QueryExecutionId;
			} catch (error) {
				const delay = delays[attempt];
				if (!isThrottled(error) || delay === undefined) {
					throw error;
				}
				await sleep(delay, signal);
			}
		}
	}

	private async results(
		athena: AthenaClient,
		id: string,
		signal: AbortSignal,
	): Promise<{header: string[]; rows: (string | null)[][]}> {
		const {GetQueryResultsCommand} = await athenaSdk();
		const rows: (string | null)[][] = [];
		let header: string[] = [];
		let token: string | undefined;
		let first = true;
		do {
			const page = await awsCall('athena:GetQueryResults', () =>
				athena.send(
					new GetQueryResultsCommand({
						QueryExecutionId: id,
						MaxResults: pageSize,
						...(token === undefined ? {} : {NextToken: token}),
					}),
					{abortSignal: signal},
				),
			);
			if (first) {
				header = (page.ResultSet?.ResultSetMetadata?.ColumnInfo ?? []).map(
					(column) => column.Name ?? '',
				);
			}

			for (const [index, row] of (page.ResultSet?.Rows ?? []).entries()) {
				const cells = (row.Data ?? []).map((cell) => cell.VarCharValue ?? null);
				// A SELECT's first row repeats the column names (community-documented, so checked).
				if (first && index === 0 && cells.every((cell, at) => cell === header[at])) {
					continue;
				}
				rows.push(cells);
			}

			first = false;
			token = page.NextToken;
		} while (token !== undefined);
		return {header, rows};
	}

	private ended(id: string, bytes: number, end: AthenaEnd): void {
		this.running.delete(id);
		this.options.onEnd?.(bytes, end);
	}

	/** Best effort; a stopped query is billed for what it scanned, so that is read once more. */
	private async stop(athena: AthenaClient, id: string): Promise<void> {
		let scanned = 0;
		try {
			const {GetQueryExecutionCommand, StopQueryExecutionCommand} = await athenaSdk();
			await athena.send(new StopQueryExecutionCommand({QueryExecutionId: id}));
			const final = await athena.send(new GetQueryExecutionCommand({QueryExecutionId: id}));
			scanned = final.QueryExecution?.Statistics?.DataScannedInBytes ?? 0;
		} catch {
			// Already ended, or the network is gone: nothing more can be done.
		}
		this.ended(id, scanned, 'CANCELLED');
	}
}
