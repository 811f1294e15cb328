// Which Athena table answers a flow log in S3, looked up once (and again every few minutes while
// there is none): the one named with --athena-table, or the first Glue table that covers the flow
// log's folders and fits its format. lbtop never creates one: without a fitting table it says why
// (the column or partition that does not fit, or that none covers the destination, and that
// `--print-athena-ddl` prints one to create) and computes the settled figures from the files it
// reads itself.
import type {AthenaRunner} from '../aws/athena-runner.js';
import type {AwsClients} from '../aws/clients.js';
import {describeAwsError} from '../aws/errors.js';
import {catalogTable, catalogTables} from '../aws/glue-catalog.js';
import type {Config} from '../domain/config.js';
import {type AthenaTable, fitTable} from '../domain/flows-window/athena-table.js';
import type {FlowFeed, S3FeedSource} from '../domain/flows-window/index.js';

export type TableChoice =
	| {readonly kind: 'table'; readonly table: AthenaTable; readonly notes: readonly string[]}
	| {readonly kind: 'none'; readonly notes: readonly string[]};

const retryMissingAfterMs = 5 * 60_000;

const fallback = 'settled figures come from the files lbtop reads itself';

function problemOf(error: unknown, iamAction: string): string {
	const described = describeAwsError(
		error instanceof Error && 'cause' in error ? error.cause : error,
		{
			iamAction:
				error instanceof Error && 'iamAction' in error ? String(error.iamAction) : iamAction,
			now: 0,
		},
	);
	return described.message;
}

export class AthenaTables {
	private readonly known = new Map<
		string,
		{readonly at: number; readonly choice: Promise<TableChoice>}
	>();
	private workGroup: Promise<string | undefined> | undefined;

	constructor(
		private readonly clients: AwsClients,
		private readonly config: Config,
		private readonly runner: AthenaRunner,
	) {}

	get workGroupName(): string {
		return this.config.athenaWorkgroup ?? 'primary';
	}

	choiceFor(
		feed: FlowFeed & {readonly s3: S3FeedSource},
		nowMs: number,
		signal: AbortSignal,
	): Promise<TableChoice> {
		const key = `${feed.logGroupName}\n${feed.format.fields.join(' ')}`;
		const known = this.known.get(key);
		if (known !== undefined) {
			const stillMissing = known.choice.then((choice) => choice.kind === 'none');
			return stillMissing.then((missing) =>
				missing && nowMs - known.at >= retryMissingAfterMs
					? this.lookUp(key, feed, nowMs, signal)
					: known.choice,
			);
		}

		return this.lookUp(key, feed, nowMs, signal);
	}

	private lookUp(
		key: string,
		feed: FlowFeed & {readonly s3: S3FeedSource},
		nowMs: number,
		signal: AbortSignal,
	): Promise<TableChoice> {
		const choice = this.choose(feed, nowMs, signal);
		this.known.set(key, {at: nowMs, choice});
		// A failed look-up (the network, an abort) is tried again next time, not remembered.
		choice.catch(() => this.known.delete(key));
		return choice;
	}

	private async choose(
		feed: FlowFeed & {readonly s3: S3FeedSource},
		nowMs: number,
		signal: AbortSignal,
	): Promise<TableChoice> {
		const workGroupProblem = await this.workGroupProblem(signal);
		if (workGroupProblem !== undefined) {
			return {kind: 'none', notes: [`${workGroupProblem}; meanwhile ${fallback}`]};
		}

		const nowSeconds = Math.floor(nowMs / 1000);
		const named = this.config.athenaTable;
		if (named !== undefined) {
			let table: Awaited<ReturnType<typeof catalogTable>>;
			try {
				table = await catalogTable(this.clients, named.database, named.table, signal);
			} catch (error) {
				signal.throwIfAborted();
				return {
					kind: 'none',
					notes: [
						`--athena-table ${named.database}.${named.table}: ${problemOf(error, 'glue:GetTable')}; ${fallback}`,
					],
				};
			}

			const fit = fitTable(table, feed.s3, feed.format, nowSeconds);
			return fit.ok
				? {kind: 'table', table: fit.table, notes: fit.warnings}
				: {
						kind: 'none',
						notes: [
							`--athena-table ${named.database}.${named.table} does not fit ${feed.s3.flowLogId}: ${fit.problems.join('; ')}; ${fallback}`,
						],
					};
		}

		let tables: Awaited<ReturnType<typeof catalogTables>>;
		try {
			tables = await catalogTables(this.clients, signal);
		} catch (error) {
			signal.throwIfAborted();
			return {
				kind: 'none',
				notes: [
					`cannot look for an Athena table (${problemOf(error, 'glue:GetTables')}): name one with --athena-table; ${fallback}`,
				],
			};
		}

		const unfit: string[] = [];
		for (const table of tables) {
			const fit = fitTable(table, feed.s3, feed.format, nowSeconds);
			if (fit.ok) {
				return {kind: 'table', table: fit.table, notes: fit.warnings};
			}

			if (fit.covers) {
				unfit.push(...fit.problems);
			}
		}

		const destination = `s3://${feed.s3.bucket}/${feed.s3.prefix}`;
		return {
			kind: 'none',
			notes: [
				unfit.length > 0
					? `no Athena table fits ${feed.s3.flowLogId}: ${unfit.join('; ')}; ${fallback}`
					: `no Athena table covers ${destination} (${feed.s3.flowLogId}): \`lbtop ${this.config.target ?? '<load-balancer>'} --print-athena-ddl\` prints one to create; ${fallback}`,
			],
		};
	}

	/** The workgroup's answer is kept; a failure to read it is tried again with the next look-up. */
	private async workGroupProblem(signal: AbortSignal): Promise<string | undefined> {
		if (this.workGroup === undefined) {
			const asked = this.runner.workGroupProblem(this.workGroupName, signal);
			this.workGroup = asked;
			asked.catch(() => {
				this.workGroup = undefined;
			});
		}

		try {
			return await this.workGroup;
		} catch (error) {
			signal.throwIfAborted();
			return `cannot read Athena workgroup ${this.workGroupName} (${problemOf(error, 'athena:GetWorkGroup')})`;
		}
	}
}
