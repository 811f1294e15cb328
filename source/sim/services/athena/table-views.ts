// A catalog table as DuckDB reads it for one query: the objects left after partition pruning,
// written where DuckDB can open them, read the way the table's SerDe reads them (space-separated
// text skipping its header line, every value of a number column that does not parse a NULL, as
// Hive's LazySimpleSerDe does; Parquet columns by name, absent ones NULL), with the partition
// columns and `"$path"` beside them.
import {createHash} from 'node:crypto';
import {writeFile} from 'node:fs/promises';
import {join} from 'node:path';
import type {GlueColumn, GlueTable} from '../../world/types.js';
import type {TableFile} from './partitions.js';

export type Runner = {
	readonly rows: (sql: string) => Promise<readonly (readonly unknown[])[]>;
	readonly columns: (sql: string) => Promise<readonly string[]>;
};

/** Hive type -> DuckDB type for the casts (anything else is read as text). */
export function duckType(hiveType: string): string {
	const type = hiveType.trim().toLowerCase();
	if (type === 'int' || type === 'integer') return 'INTEGER';
	if (type === 'bigint') return 'BIGINT';
	if (type === 'smallint') return 'SMALLINT';
	if (type === 'tinyint') return 'TINYINT';
	if (type === 'double') return 'DOUBLE';
	if (type === 'float') return 'FLOAT';
	if (type === 'boolean') return 'BOOLEAN';
	if (type === 'date') return 'DATE';
	if (type === 'timestamp') return 'TIMESTAMP';
	if (/^decimal\(\d+,\s*\d+\)$/.test(type)) return type.toUpperCase();
	return 'VARCHAR';
}

export const quoteName = (name: string) => `"${name.replaceAll('"', '""')}"`;
export const quoteText = (text: string) => `'${text.replaceAll("'", "''")}'`;

export function isRegexSerde(table: GlueTable): boolean {
	return /RegexSerDe/i.test(table.serializationLibrary);
}

/**
 * A RegexSerDe table (the ELB access log tables): each line is matched whole against `input.regex`
 * and the groups are the columns, in order; a line that does not match gives NULL in every column,
 * as Hive's RegexSerDe reads it.
 */
function regexSelect(
	table: GlueTable,
	list: string,
	joined: string,
	partitions: readonly string[],
): string {
	const pattern = quoteText(table.serdeParameters['input.regex'] ?? '(.*)');
	// A delimiter no log line holds: each line is one value.
	const source = `read_csv(${list}, delim = '\u0001', header = false, columns = {'line': 'VARCHAR'}, compression = 'auto', quote = '', escape = '', filename = true, auto_detect = false, null_padding = true, strict_mode = false)`;
	const names = table.columns.map((_, index) => `'g${index}'`).join(', ');
	const groups = `CASE WHEN regexp_full_match(line, ${pattern}) THEN regexp_extract(line, ${pattern}, [${names}]) END`;
	// Hive reads an empty group as '' (a string column) or NULL (a number that does not parse).
	const columns = table.columns.map(
		(column, index) =>
			`TRY_CAST(r.groups.g${index} AS ${duckType(column.type)}) AS ${quoteName(column.name.toLowerCase())}`,
	);
	const lines = `(SELECT filename, ${groups} AS groups FROM ${source}) AS r`;
	return `SELECT ${[...columns, ...partitions].join(', ')} FROM ${lines} ${joined}`;
}

export function isParquet(table: GlueTable): boolean {
	return /parquet/i.test(`${table.serializationLibrary} ${table.inputFormat}`);
}

/** Partition columns and `$path` of each file, as a VALUES list typed like the catalog says. */
export function partitionValues(
	table: GlueTable,
	files: readonly TableFile[],
	first: (file: TableFile, index: number) => string,
): string {
	const rows = files.map((file, index) => {
		const cells = [
			first(file, index),
			...table.partitionKeys.map((key) => castText(file.values.get(key.name.toLowerCase()), key)),
			quoteText(`s3://${file.bucket}/${file.object.key}`),
		];
		return `(${cells.join(', ')})`;
	});
	return `(VALUES ${rows.join(', ')})`;
}

function castText(value: string | undefined, column: GlueColumn): string {
	return value === undefined
		? `CAST(NULL AS ${duckType(column.type)})`
		: `TRY_CAST(${quoteText(value)} AS ${duckType(column.type)})`;
}

export function partitionColumnList(table: GlueTable, first: string): string {
	return [
		first,
		...table.partitionKeys.map((key) => quoteName(key.name.toLowerCase())),
		'"$path"',
	].join(', ');
}

/** Writes the objects DuckDB is to read (once per object version) and returns their paths. */
export async function materialize(
	directory: string,
	files: readonly TableFile[],
	written: Set<string>,
): Promise<string[]> {
	return Promise.all(
		files.map(async (file) => {
			const digest = createHash('sha1')
				.update(`${file.bucket}/${file.object.key}/${file.object.etag}`)
				.digest('hex');
			const body = file.object.body;
			const gzip = body[0] === 0x1f && body[1] === 0x8b;
			const path = join(directory, `${digest}${gzip ? '.gz' : '.dat'}`);
			if (!written.has(path)) {
				await writeFile(path, body);
				written.add(path);
			}
			return path;
		}),
	);
}

function emptyView(table: GlueTable): string {
	const columns = [...table.columns, ...table.partitionKeys].map(
		(column) => `CAST(NULL AS ${duckType(column.type)}) AS ${quoteName(column.name.toLowerCase())}`,
	);
	return `SELECT ${[...columns, 'CAST(NULL AS VARCHAR) AS "$path"'].join(', ')} WHERE false`;
}

/** The SELECT a view of the table over these files is made of. */
export async function tableSelect(
	table: GlueTable,
	files: readonly TableFile[],
	paths: readonly string[],
	runner: Runner,
): Promise<string> {
	if (files.length === 0) {
		return emptyView(table);
	}
	const list = `[${paths.map(quoteText).join(', ')}]`;
	const joined = `JOIN ${partitionValues(table, files, (_file, index) => quoteText(paths[index] ?? ''))} AS p(${partitionColumnList(table, 'filename')}) ON r.filename = p.filename`;
	const partitions = [
		...table.partitionKeys.map((key) => `p.${quoteName(key.name.toLowerCase())}`),
		'p."$path"',
	];
	if (isParquet(table)) {
		const source = `read_parquet(${list}, filename = true, union_by_name = true)`;
		const present = new Set(
			(await runner.columns(`SELECT * FROM ${source} LIMIT 0`)).map((name) => name.toLowerCase()),
		);
		const columns = table.columns.map((column) => {
			const name = column.name.toLowerCase();
			const value = present.has(name) ? `r.${quoteName(name)}` : 'NULL';
			return `TRY_CAST(${value} AS ${duckType(column.type)}) AS ${quoteName(name)}`;
		});
		return `SELECT ${[...columns, ...partitions].join(', ')} FROM ${source} AS r ${joined}`;
	}
	if (isRegexSerde(table)) {
		return regexSelect(table, list, joined, partitions);
	}
	const delimiter =
		table.serdeParameters['field.delim'] ??
		table.serdeParameters['serialization.format'] ??
		'\u0001';
	const skip = Number.parseInt(table.parameters['skip.header.line.count'] ?? '0', 10) || 0;
	const raw = table.columns.map((_, index) => `'c${index}': 'VARCHAR'`).join(', ');
	const source = `read_csv(${list}, delim = ${quoteText(delimiter)}, header = false, skip = ${skip}, columns = {${raw}}, compression = 'auto', quote = '', escape = '', filename = true, auto_detect = false, null_padding = true, strict_mode = false)`;
	const columns = table.columns.map(
		(column, index) =>
			`TRY_CAST(r.c${index} AS ${duckType(column.type)}) AS ${quoteName(column.name.toLowerCase())}`,
	);
	return `SELECT ${[...columns, ...partitions].join(', ')} FROM ${source} AS r ${joined}`;
}
