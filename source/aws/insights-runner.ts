// Runs Logs Insights queries the way a careful user would: a few at a time, polled with backoff,
// partial results passed on while running, and every query stopped (StopQuery) the moment nobody
// needs it (refresh superseded, pause, exit): a forgotten query keeps scanning and billing.
import {
	GetQueryResultsCommand,
	type GetQueryResultsCommandOutput,
	StartQueryCommand,
	StopQueryCommand,
} from '@aws-sdk/client-cloudwatch-logs';
import type {AwsClients} from './clients.js';
import {AwsCallError, awsCall} from './errors.js';

export type InsightsRow = readonly {readonly field: string; readonly value: string}[];

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

export class InsightsRunner {
	private active = 0;
	private readonly waiting: (() => void)[] = [];
	private readonly running = new Set<string>();

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
		const started = await awsCall('logs:StartQuery', () =>
			logs.send(
				new StartQueryCommand({
					// Another account's log groups (a monitoring account reading them) go by ARN.
					...(query.logGroupNames.some((name) => name.startsWith('arn:'))
						? {logGroupIdentifiers: [...query.logGroupNames]}
						: {logGroupNames: [...query.logGroupNames]}),
					queryString: query.queryString,
					startTime: query.startTime,
					endTime: query.endTime,
					...(query.limit === undefined ? {} : {limit: query.limit}),
				}),
			),
		);
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
				const output = await awsCall('logs:GetQueryResults', () =>
					logs.send(new GetQueryResultsCommand({queryId}), {abortSignal: signal}),
				);
				const result: InsightsResult = {
					rows: toRows(output),
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
	 * Best effort: a query that already finished makes StopQuery fail, which is fine. A stopped
	 * query is billed for what it scanned until then, so its final statistics are read once more.
	 */
	private async stop(queryId: string): Promise<number | undefined> {
		this.running.delete(queryId);
		try {
			const logs = await this.clients.logs();
			await logs.send(new StopQueryCommand({queryId}));
			const final = await logs.send(new GetQueryResultsCommand({queryId}));
			return final.statistics?.bytesScanned;
		} catch {
			// Already complete, or the network is gone; either way nothing more can be done.
			return undefined;
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
