// Exact access log figures through Athena, over the one Athena runner the S3 flow logs use: the
// table is the one --athena-table names when it fits them, else the first Glue table over the
// logs' folder (looked up once, and again every few minutes while there is none); lbtop never
// creates one, and without a fitting table says why and that `--print-athena-ddl` prints one. The ALB's figures take two
// queries (per target, and the request lines), the NLB's one.
import type {AthenaRunner} from '../aws/athena-runner.js';
import type {AwsClients} from '../aws/clients.js';
import {AwsCallError, describeAwsError} from '../aws/errors.js';
import {catalogTable, catalogTables} from '../aws/glue-catalog.js';
import {
	type AccessLogTable,
	type AthenaQuery,
	accessLogTableIn,
	accessLogTableProblem,
	albRequestLinesQuery,
	albTargetStatsQuery,
	nlbListenerStatsQuery,
	type QueryRange,
	requestsFromAthena,
	rowsByName,
	tlsFromAthena,
} from '../domain/access-logs/index.js';
import type {Config} from '../domain/config.js';
import type {RequestsView, TlsView} from '../domain/types/access-logs.js';
import type {LoadBalancerType} from '../domain/types/topology.js';

export type TableChoice =
	| {readonly kind: 'table'; readonly table: AccessLogTable}
	| {readonly kind: 'none'; readonly note: string};

const retryMissingAfterMs = 5 * 60_000;

export class AccessLogAthena {
	private choice:
		| {readonly at: number; readonly key: string; readonly value: TableChoice}
		| undefined;

	constructor(
		private readonly clients: AwsClients,
		private readonly runner: AthenaRunner,
		private readonly config: Config,
	) {}

	async table(
		type: LoadBalancerType,
		location: string,
		now: number,
		signal: AbortSignal,
	): Promise<TableChoice> {
		const key = `${type} ${location}`;
		const known = this.choice;
		if (
			known?.key === key &&
			(known.value.kind === 'table' || now - known.at < retryMissingAfterMs)
		) {
			return known.value;
		}

		const value = await this.lookUp(type, location, signal);
		this.choice = {at: now, key, value};
		return value;
	}

	async requests(
		table: AccessLogTable,
		range: QueryRange,
		keepQueries: boolean,
		signal: AbortSignal,
	): Promise<RequestsView> {
		const stats = await this.rows(albTargetStatsQuery(table, range), signal);
		const lines = await this.rows(albRequestLinesQuery(table, range), signal);
		return requestsFromAthena(stats, lines, {
			coverage: {start: range.start, end: range.end},
			keepQueries,
		});
	}

	async tls(table: AccessLogTable, range: QueryRange, signal: AbortSignal): Promise<TlsView> {
		const rows = await this.rows(nlbListenerStatsQuery(table, range), signal);
		return tlsFromAthena(rows, {start: range.start, end: range.end});
	}

	private async rows(query: AthenaQuery, signal: AbortSignal) {
		const result = await this.runner.run(
			{
				queryString: query.sql,
				parameters: query.parameters,
				workGroup: this.config.athenaWorkgroup ?? 'primary',
			},
			signal,
		);
		return rowsByName(result.header, result.rows);
	}

	private async lookUp(
		type: LoadBalancerType,
		location: string,
		signal: AbortSignal,
	): Promise<TableChoice> {
		const fallback = `figures come from the objects lbtop reads (\`lbtop <lb> --print-athena-ddl\` prints a table to create for exact ones)`;
		const named = this.config.athenaTable;
		try {
			// --athena-table names the flow logs' table; it serves the access logs only when it fits
			// them, and otherwise their own table is still looked for in the catalog.
			if (named !== undefined) {
				const table = await catalogTable(this.clients, named.database, named.table, signal);
				if (accessLogTableProblem(table, type, location) === undefined) {
					return {kind: 'table', table: {database: table.database, name: table.name}};
				}
			}

			const found = accessLogTableIn(await catalogTables(this.clients, signal), type, location);
			return found === undefined
				? {kind: 'none', note: `no Glue table covers ${location}; ${fallback}`}
				: {kind: 'table', table: found};
		} catch (error) {
			signal.throwIfAborted();
			const described = describeAwsError(error instanceof AwsCallError ? error.cause : error, {
				iamAction: error instanceof AwsCallError ? error.iamAction : 'glue:GetTables',
				now: 0,
			});
			return {kind: 'none', note: `${described.message}; ${fallback}`};
		}
	}
}
