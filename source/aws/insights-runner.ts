// Runs Logs Insights queries the way a careful user would: a few at a time, polled with backoff,
// partial results passed on while running, and every query stopped (StopQuery) the moment nobody
// needs it (refresh superseded, pause, exit): a forgotten query keeps scanning and billing.
import {randomUUID} from 'node:crypto';
import {
	type CloudWatchLogsClient,
	DescribeQueriesCommand,
	GetQueryResultsCommand,
	type GetQueryResultsCommandInput,
	type GetQueryResultsCommandOutput,
	StartQueryCommand,
	type StartQueryCommandOutput,
	StopQueryCommand,
} from '@aws-sdk/client-cloudwatch-logs';
import type {AwsClients} from './clients.js';
import {AwsCallError, awsCall} from './errors.js';
import {queryResultsAnswer, type ResultRow, type RowsAnswer} from './query-results-answer.js';

/** A result row: its cells that name a field, a missing value as empty. */
export type InsightsRow = ResultRow;

export type InsightsQuery = {
	readonly logGroupNames: readonly string[];
	readonly queryString: string;
	/** Unix seconds, inclusive. */
	readonly startTime: number;
	readonly endTime: number;
	readonly limit?: number;
};

export type InsightsResult = {
	readonly rows: readonly InsightsRow[];
	readonly status: 'Complete' | 'Partial';
	readonly recordsMatched: number;
	readonly recordsScanned: number;
	readonly bytesScanned: number;
};

export type RunnerOptions = {
	readonly maxConcurrent?: number;
	/** Poll delays in ms: the first few polls are quick, then slower. */
	readonly pollDelaysMs?: readonly number[];
	readonly timeoutMs?: number;
	readonly sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
	/** Called with every bytesScanned figure a finished (or stopped) query reports. */
	readonly onScanned?: (bytes: number) => void;
};

const defaultPollDelays = [300, 500, 1000, 1000, 2000];

export function abortableSleep(ms: number, signal: AbortSignal): Promise<void> {
	return new Promise((resolve, reject) => {
		if (signal.aborted) {
			reject(signal.reason);
			return;
		}
		const timer = setTimeout(() => {
			signal.removeEventListener('abort', onAbort);
			resolve();
		}, ms);
		const onAbort = () => {
			clearTimeout(timer);
			reject(signal.reason);
		};
		signal.addEventListener('abort', onAbort, {once: true});
	});
}

export class InsightsQueryFailed extends Error {
	constructor(readonly status: string) {
		super(`Logs Insights query ended with status ${status}`);
		this.name = 'InsightsQueryFailed';
	}
}

function toRows(output: GetQueryResultsCommandOutput): InsightsRow[] {
	return (output.results ?? []).map((row) =>
		row.flatMap((cell) =>
			cell.field !== undefined ? [{field: cell.field, value: cell.value ?? ''}] : [],
		),
	);
}

/** A GetQueryResults call, with its rows read from the raw answer (query-results-answer.ts). */
function resultsCall(queryId: string): {
	readonly command: GetQueryResultsCommand;
	readonly answer: RowsAnswer<GetQueryResultsCommandInput, GetQueryResultsCommandOutput>;
} {
	const command = new GetQueryResultsCommand({queryId});
	const answer = queryResultsAnswer<GetQueryResultsCommandInput, GetQueryResultsCommandOutput>();
	answer.attachTo(command.middlewareStack);
	return {command, answer};
}

/**
 * Whether a StartQuery that failed may still have started a query: an attempt before the last did
 * (the SDK tries again after a reset or a timeout, and reports the last attempt's status), no
 * answer came, an answer came whose body could not be read (a 2xx cut short), or a 5xx, which AWS
 * gives for a request it may or may not have carried out. Only one attempt refused with a 4xx
 * started nothing.
 */
function outcomeUnknown(error: unknown): boolean {
	const cause = error instanceof AwsCallError ? error.cause : error;
	const metadata = (cause as {$metadata?: {httpStatusCode?: number; attempts?: number}} | null)
		?.$metadata;
	const status = metadata?.httpStatusCode;
	return (metadata?.attempts ?? 1) > 1 || status === undefined || status < 400 || status >= 500;
}

/** How long looking for and stopping unanswered queries may take: it runs when the network is bad. */
const unansweredDeadlineMs = 15_000;
/** DescribeQueries pages read at most, newest first, while they reach back to the StartQuery. */
const unansweredPages = 3;

export class InsightsRunner {
	private active = 0;
	private readonly waiting: (() => void)[] = [];
	private readonly running = new Set<string>();
	// Each StartQuery's string ends in a comment naming this runner and the call: the query the SDK
	// started on an attempt whose answer was lost has that string too, and DescribeQueries finds it.
	private readonly marker = `# lbtop ${randomUUID().slice(0, 8)}.`;
	private started = 0;

	constructor(
		private readonly clients: AwsClients,
		private readonly options: RunnerOptions = {},
	) {}

	/** Query ids started and not yet finished or stopped. */
	get runningQueries(): number {
		return this.running.size;
	}

	async run(
		query: InsightsQuery,
		signal: AbortSignal,
		onPartial?: (result: InsightsResult) => void,
	): Promise<InsightsResult> {
		await this.acquire(signal);
		try {
			return await this.runAcquired(query, signal, onPartial);
		} finally {
			this.release();
		}
	}

	private async runAcquired(
		query: InsightsQuery,
		signal: AbortSignal,
		onPartial?: (result: InsightsResult) => void,
	): Promise<InsightsResult> {
		const logs = await this.clients.logs();
		signal.throwIfAborted();
		// StartQuery is not aborted mid-flight: AWS may already have started the query, and only its
		// id lets us stop it. An abort that arrives meanwhile is honoured right after (finally below).
		this.started += 1;
		const tag = `${this.marker}${this.started}`;
		const calledAt = Date.now();
		const groups = query.logGroupNames;
		let started: StartQueryCommandOutput;
		try {
			started = await awsCall('logs:StartQuery', () =>
				logs.send(
					new StartQueryCommand({
						// Another account's log groups (a monitoring account reading them) go by ARN.
						...(groups.some((name) => name.startsWith('arn:'))
							? {logGroupIdentifiers: [...groups]}
							: {logGroupNames: [...groups]}),
						queryString: `${query.queryString}\n${tag}`,
						startTime: query.startTime,
						endTime: query.endTime,
						...(query.limit === undefined ? {} : {limit: query.limit}),
					}),
				),
			);
		} catch (error) {
			if (outcomeUnknown(error)) {
				await this.stopUnanswered(logs, groups, tag, calledAt, undefined);
			}
			throw error;
		}
		// The SDK tried again after an attempt whose answer never came: that attempt may have started
		// a query of its own, which nobody would stop.
		if ((started.$metadata.attempts ?? 1) > 1) {
			await this.stopUnanswered(logs, groups, tag, calledAt, started.queryId);
		}
		const queryId = started.queryId;
		if (!queryId) {
			throw new AwsCallError('logs:StartQuery', new Error('StartQuery returned no queryId'));
		}
		this.running.add(queryId);
		const sleep = this.options.sleep ?? abortableSleep;
		const delays = this.options.pollDelaysMs ?? defaultPollDelays;
		const deadline = Date.now() + (this.options.timeoutMs ?? 120_000);
		// A stopped query is billed for what it scanned so far: the last figure seen is the best we know.
		let lastBytesScanned = 0;
		try {
			for (let poll = 0; ; poll++) {
				signal.throwIfAborted();
				await sleep(delays[Math.min(poll, delays.length - 1)] ?? 1000, signal);
				const {command, answer} = resultsCall(queryId);
				const output = await awsCall('logs:GetQueryResults', () =>
					logs.send(command, {abortSignal: signal}),
				);
				const result: InsightsResult = {
					rows: answer.taken() ?? toRows(output),
					status: output.status === 'Complete' ? 'Complete' : 'Partial',
					recordsMatched: output.statistics?.recordsMatched ?? 0,
					recordsScanned: output.statistics?.recordsScanned ?? 0,
					bytesScanned: output.statistics?.bytesScanned ?? 0,
				};
				lastBytesScanned = result.bytesScanned;
				if (output.status === 'Complete') {
					this.running.delete(queryId);
					this.options.onScanned?.(result.bytesScanned);
					return result;
				}
				if (
					output.status === 'Failed' ||
					output.status === 'Cancelled' ||
					output.status === 'Timeout'
				) {
					this.running.delete(queryId);
					this.options.onScanned?.(result.bytesScanned);
					throw new AwsCallError('logs:GetQueryResults', new InsightsQueryFailed(output.status));
				}
				onPartial?.(result);
				if (Date.now() > deadline) {
					throw new AwsCallError(
						'logs:GetQueryResults',
						new InsightsQueryFailed('Timeout (lbtop gave up waiting)'),
					);
				}
			}
		} finally {
			if (this.running.has(queryId)) {
				const finalBytes = await this.stop(queryId);
				this.options.onScanned?.(finalBytes ?? lastBytesScanned);
			}
		}
	}

	/**
	 * Best effort: a query that already finished makes StopQuery fail, which is fine. A query is
	 * billed for what it scanned until it ended or was stopped, so its final statistics are read
	 * once more either way.
	 */
	private async stop(queryId: string, abortSignal?: AbortSignal): Promise<number | undefined> {
		this.running.delete(queryId);
		const options = abortSignal === undefined ? {} : {abortSignal};
		try {
			const logs = await this.clients.logs();
			await logs.send(new StopQueryCommand({queryId}), options).catch(() => undefined);
			const final = await logs.send(resultsCall(queryId).command, options);
			return final.statistics?.bytesScanned;
		} catch {
			// The network is gone, or the query's results are: nothing more can be done.
			return undefined;
		}
	}

	/**
	 * Stops the queries a StartQuery started whose ids lbtop never got (all of its attempts but the
	 * one answered, `kept`), and counts what each scanned, ended or not. Best effort, like `stop`:
	 * without logs:DescribeQueries, or with the network gone, nothing more can be done. Whether
	 * DescribeQueries gives the query string with its comment as sent is not documented: a string
	 * that does not end in the tag is left alone.
	 */
	private async stopUnanswered(
		logs: CloudWatchLogsClient,
		groups: readonly string[],
		tag: string,
		calledAt: number,
		kept: string | undefined,
	): Promise<void> {
		const abortSignal = AbortSignal.timeout(unansweredDeadlineMs);
		// A minute of slack for the difference between this clock and AWS's.
		const since = calledAt - 60_000;
		const group = groups.find((name) => !name.startsWith('arn:'));
		try {
			let nextToken: string | undefined;
			for (let page = 0; page < unansweredPages; page++) {
				const listed = await logs.send(
					new DescribeQueriesCommand({
						...(group === undefined ? {} : {logGroupName: group}),
						maxResults: 1000,
						...(nextToken === undefined ? {} : {nextToken}),
					}),
					{abortSignal},
				);
				const queries = listed.queries ?? [];
				for (const found of queries) {
					if (
						found.queryId === undefined ||
						found.queryId === kept ||
						found.queryString?.trimEnd().endsWith(tag) !== true
					) {
						continue;
					}
					const bytes =
						found.status === 'Running' || found.status === 'Scheduled'
							? await this.stop(found.queryId, abortSignal)
							: found.bytesScanned;
					this.options.onScanned?.(bytes ?? 0);
				}
				nextToken = listed.nextToken;
				const oldest = queries.at(-1)?.createTime;
				if (nextToken === undefined || oldest === undefined || oldest < since) {
					return;
				}
			}
		} catch {
			// Denied, unreachable or past the deadline: a query not stopped runs to its end.
		}
	}

	private async acquire(signal: AbortSignal): Promise<void> {
		const limit = this.options.maxConcurrent ?? 4;
		while (this.active >= limit) {
			await new Promise<void>((resolve, reject) => {
				const onAbort = () => reject(signal.reason);
				signal.addEventListener('abort', onAbort, {once: true});
				this.waiting.push(() => {
					signal.removeEventListener('abort', onAbort);
					resolve();
				});
			});
		}
		this.active += 1;
	}

	private release(): void {
		this.active -= 1;
		this.waiting.shift()?.();
	}
}
