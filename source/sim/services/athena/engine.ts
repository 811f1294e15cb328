// Athena's SQL run by a real engine: DuckDB, loaded the first time a query runs (nothing else in
// lbtop or the sim needs it), reading the catalog tables' objects through views bound per query.
// What differs between Athena (Trino) and DuckDB for the queries lbtop and a user's simple queries
// use is translated: integer division, a few function names; statements that are not queries are
// refused, and DuckDB's errors come back in Athena's shape (ERROR_NAME: message).
import {mkdtemp, rm} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import type {DataLake, GlueTable} from '../../world/types.js';
import {type TableFile, tableFiles} from './partitions.js';
import {
	conditionOver,
	fillParameters,
	statementKeyword,
	type TableReference,
	tableReferences,
	whereConditions,
	withViews,
} from './sql-shape.js';
import {SqlSyntaxError, type Token, tokenize} from './sql-tokens.js';
import {
	materialize,
	partitionColumnList,
	partitionValues,
	type Runner,
	tableSelect,
} from './table-views.js';

export type EngineQuery = {
	readonly queryString: string;
	readonly parameters: readonly string[];
	readonly database?: string;
	readonly lake: DataLake;
	/** Unix ms: objects uploaded later do not exist yet; `NOW` in projection ranges. */
	readonly now: number;
};

export type ResultColumn = {readonly name: string; readonly type: string};

export type Outcome =
	| {
			readonly ok: true;
			readonly columns: readonly ResultColumn[];
			readonly rows: readonly (readonly (string | null)[])[];
	  }
	| {readonly ok: false; readonly errorName: string; readonly message: string};

export class AthenaQueryError extends Error {
	constructor(
		readonly errorName: string,
		message: string,
	) {
		super(message);
		this.name = 'AthenaQueryError';
	}
}

type Connection = {
	run(sql: string): Promise<unknown>;
	runAndReadAll(sql: string): Promise<{
		columnNames(): string[];
		columnTypes(): {toString(): string}[];
		getRowsJS(): unknown[][];
	}>;
	closeSync(): void;
};

/** Trino functions DuckDB spells otherwise; scalar ones become macros, aggregates are renamed. */
const setup = [
	'SET integer_division = true',
	'CREATE MACRO from_unixtime(x) AS to_timestamp(x)',
	'CREATE MACRO to_unixtime(t) AS epoch(t)',
	'CREATE MACRO cardinality(x) AS len(x)',
	'CREATE MACRO regexp_like(s, p) AS regexp_matches(s, p)',
	'CREATE MACRO is_nan(x) AS isnan(x)',
	// Access log times: `2026-01-02T03:04:05.678901Z` (ALB) and `2026-01-02T03:04:05` (NLB), UTC.
	"CREATE MACRO from_iso8601_timestamp(s) AS to_timestamp(epoch(CAST(replace(s, 'Z', '') AS TIMESTAMP)))",
];
const renamed: Readonly<Record<string, string>> = {
	approx_distinct: 'approx_count_distinct',
	arbitrary: 'any_value',
	// Athena's is approximate (within about 1%); the sim answers with the exact nearest rank.
	approx_percentile: 'quantile_disc',
};

const queries = new Set(['SELECT', 'WITH', 'VALUES']);

export class AthenaEngine {
	private connection: Promise<Connection> | undefined;
	private directory: Promise<string> | undefined;
	private readonly written = new Set<string>();
	private queue: Promise<unknown> = Promise.resolve();
	private viewCount = 0;

	/** Runs one query after those before it; `onScanned` hears the bytes it reads once pruned. */
	run(query: EngineQuery, onScanned: (bytes: number) => void): Promise<Outcome> {
		const result = this.queue.then(() => this.execute(query, onScanned));
		this.queue = result.catch(() => undefined);
		return result;
	}

	async close(): Promise<void> {
		await this.queue;
		const connection = await this.connection?.catch(() => undefined);
		connection?.closeSync();
		const directory = await this.directory?.catch(() => undefined);
		if (directory !== undefined) {
			await rm(directory, {recursive: true, force: true});
		}
	}

	private async execute(query: EngineQuery, onScanned: (bytes: number) => void): Promise<Outcome> {
		try {
			let tokens = tokenize(query.queryString);
			const keyword = statementKeyword(tokens);
			if (!queries.has(keyword)) {
				throw new AthenaQueryError(
					'NOT_SUPPORTED',
					`line 1:1: the sim's Athena runs queries only, not ${keyword || 'this'} statements`,
				);
			}
			tokens = fillParameters(tokens, query.parameters);
			const connection = await this.open();
			const references = tableReferences(tokens);
			const views = new Map<TableReference, string>();
			let scanned = 0;
			for (const reference of references) {
				const table = findTable(query, reference, tokens);
				const files = await this.prune(connection, table, tokens, reference, query);
				scanned += files.reduce(
					(sum, file) => sum + (file.object.size ?? file.object.body.byteLength),
					0,
				);
				const paths = await materialize(await this.workDirectory(), files, this.written);
				const name = `lbtop_view_${++this.viewCount}`;
				await connection.run(
					`CREATE OR REPLACE TEMP VIEW ${name} AS ${await tableSelect(table, files, paths, runnerOf(connection))}`,
				);
				views.set(reference, name);
			}
			onScanned(scanned);
			const sql = translate(
				withViews(tokens, references, (reference) => views.get(reference) ?? ''),
			);
			try {
				const reader = await connection.runAndReadAll(sql);
				const types = reader.columnTypes().map((type) => athenaType(type.toString()));
				return {
					ok: true,
					columns: reader
						.columnNames()
						.map((name, index) => ({name, type: types[index] ?? 'varchar'})),
					rows: reader.getRowsJS().map((row) => row.map(textOf)),
				};
			} finally {
				for (const view of views.values()) {
					await connection.run(`DROP VIEW IF EXISTS ${view}`);
				}
			}
		} catch (error) {
			return failure(error);
		}
	}

	/** The table's objects whose partition values and path pass the conditions that name only them. */
	private async prune(
		connection: Connection,
		table: GlueTable,
		tokens: readonly Token[],
		reference: TableReference,
		query: EngineQuery,
	): Promise<TableFile[]> {
		const files = tableFiles(table, query.lake.buckets, query.now);
		const columns = new Set([...table.partitionKeys.map((key) => key.name.toLowerCase()), '$path']);
		const conditions = whereConditions(tokens, reference).flatMap((condition) => {
			const over = conditionOver(condition, reference.alias, columns);
			return over === undefined ? [] : [over];
		});
		if (files.length === 0 || conditions.length === 0) {
			return files;
		}
		const values = partitionValues(table, files, (_file, index) => String(index));
		const kept = await connection.runAndReadAll(
			`SELECT lbtop_file FROM ${values} AS p(${partitionColumnList(table, 'lbtop_file')}) WHERE ${conditions.map((condition) => `(${condition})`).join(' AND ')}`,
		);
		return kept.getRowsJS().flatMap(([index]) => {
			const file = files[Number(index)];
			return file === undefined ? [] : [file];
		});
	}

	private open(): Promise<Connection> {
		this.connection ??= (async () => {
			let module: typeof import('@duckdb/node-api');
			try {
				module = await import('@duckdb/node-api');
			} catch {
				throw new AthenaQueryError(
					'GENERIC_INTERNAL_ERROR',
					"the sim's SQL engine (DuckDB) is not installed: run `npm install @duckdb/node-api`",
				);
			}
			const instance = await module.DuckDBInstance.create(':memory:');
			const connection = await instance.connect();
			for (const statement of setup) {
				await connection.run(statement);
			}
			return connection;
		})();
		return this.connection;
	}

	private workDirectory(): Promise<string> {
		this.directory ??= mkdtemp(join(tmpdir(), 'lbtop-sim-athena-'));
		return this.directory;
	}
}

function findTable(
	query: EngineQuery,
	reference: TableReference,
	tokens: readonly Token[],
): GlueTable {
	const database = reference.database ?? query.database?.toLowerCase() ?? 'default';
	const table = query.lake.glueTables.find(
		(candidate) => candidate.databaseName === database && candidate.name === reference.table,
	);
	if (table === undefined) {
		const position = tokens[reference.start]?.position ?? 0;
		throw new AthenaQueryError(
			'TABLE_NOT_FOUND',
			`line 1:${position + 1}: Table 'awsdatacatalog.${database}.${reference.table}' does not exist`,
		);
	}
	return table;
}

function runnerOf(connection: Connection): Runner {
	return {
		rows: async (sql) => (await connection.runAndReadAll(sql)).getRowsJS(),
		columns: async (sql) => (await connection.runAndReadAll(sql)).columnNames(),
	};
}

function translate(sql: string): string {
	return tokenize(sql)
		.map((token, index, all) => {
			const next = all.slice(index + 1).find((candidate) => candidate.kind !== 'space');
			const name = token.kind === 'word' ? renamed[token.text.toLowerCase()] : undefined;
			return name !== undefined && next?.text === '(' ? name : token.text;
		})
		.join('');
}

function athenaType(duck: string): string {
	const type = duck.toUpperCase();
	if (type === 'INTEGER') return 'integer';
	if (type === 'BIGINT' || type === 'HUGEINT' || type === 'UBIGINT') return 'bigint';
	if (type === 'SMALLINT') return 'smallint';
	if (type === 'TINYINT') return 'tinyint';
	if (type === 'DOUBLE') return 'double';
	if (type === 'FLOAT') return 'real';
	if (type === 'BOOLEAN') return 'boolean';
	if (type === 'DATE') return 'date';
	if (type.startsWith('TIMESTAMP')) return 'timestamp';
	if (type.startsWith('DECIMAL')) return 'decimal';
	return 'varchar';
}

function textOf(value: unknown): string | null {
	if (value === null || value === undefined) return null;
	if (value instanceof Date) return value.toISOString().replace('T', ' ').replace('Z', '');
	if (typeof value === 'object')
		return JSON.stringify(value, (_key, inner: unknown) =>
			typeof inner === 'bigint' ? String(inner) : inner,
		);
	return String(value);
}

/** DuckDB's error classes, named as Trino names the same failures. */
function failure(error: unknown): Outcome {
	if (error instanceof AthenaQueryError) {
		return {ok: false, errorName: error.errorName, message: error.message};
	}
	if (error instanceof SqlSyntaxError) {
		return {
			ok: false,
			errorName: 'SYNTAX_ERROR',
			message: `line 1:${error.position + 1}: ${error.message}`,
		};
	}
	const text = (error instanceof Error ? error.message : String(error)).replace(/\s+/g, ' ').trim();
	const [, kind = '', detail = text] = /^([A-Za-z ]+ Error): (.*)$/.exec(text) ?? [];
	const column = /Referenced column "?([^"\s]+)"? not found/.exec(detail)?.[1];
	if (column !== undefined) {
		return {
			ok: false,
			errorName: 'COLUMN_NOT_FOUND',
			message: `line 1:1: Column '${column}' cannot be resolved`,
		};
	}
	const missingFunction = /Function with name "?([^"\s]+)"? does not exist/.exec(detail)?.[1];
	if (missingFunction !== undefined) {
		return {
			ok: false,
			errorName: 'FUNCTION_NOT_FOUND',
			message: `line 1:1: Function '${missingFunction}' not registered`,
		};
	}
	if (kind.startsWith('Parser')) {
		return {ok: false, errorName: 'SYNTAX_ERROR', message: `line 1:1: ${detail}`};
	}
	if (kind.startsWith('IO') || /parquet|gzip|csv/i.test(detail)) {
		return {ok: false, errorName: 'HIVE_CURSOR_ERROR', message: detail};
	}
	return {ok: false, errorName: 'GENERIC_INTERNAL_ERROR', message: detail};
}
