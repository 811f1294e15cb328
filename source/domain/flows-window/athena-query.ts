// The one Athena query that answers a settled stretch of a flow log in S3: the timeline (per
// bucket, action, interface) and the sources (per action, source, port, interface, the busiest
// first) as two grouping sets of a single scan. It reads only what the stretch needs: the day or
// hour partitions around it (widened by one at each edge: files reach S3 late), the very files that
// hold it (`"$path"`, which Athena prunes before reading, so each 5-minute file is read by one
// query only), records whose `end` falls in it (a file holds the records that end in its window),
// the path's interfaces, ACCEPT and REJECT. Values go in as ExecutionParameters, never into the text.
import {aggregateColumns} from '../flows/aggregate-queries.js';
import type {InsightsRow} from '../flows/aggregate-rows.js';
import type {AthenaTable, CatalogColumn} from './athena-table.js';
import type {TimeRange} from './settling.js';

/** Source rows one answer keeps, as an Insights answer keeps 10,000 rows. */
export const athenaSourceRows = 10_000;

export type AthenaQueryOptions = {
	readonly table: AthenaTable;
	readonly range: TimeRange;
	readonly interfaceIds: readonly string[];
	/** `s3://bucket/key` of every file that may hold records ending in the range. */
	readonly paths: readonly string[];
	readonly bucketSeconds: number;
};

export type AthenaQuery = {readonly sql: string; readonly parameters: readonly string[]};

const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;
const text = (value: string) => `'${value.replaceAll("'", "''")}'`;

function literal(value: string, column: CatalogColumn): string {
	const type = column.type.toLowerCase();
	if (/^(int|integer|bigint|smallint|tinyint)$/.test(type) && /^\d+$/.test(value)) {
		return String(Number(value));
	}

	if (type === 'date') {
		const digits = value.replace(/\D/g, '');
		return `DATE '${digits.slice(0, 4)}-${digits.slice(4, 6)}-${digits.slice(6, 8)}'`;
	}

	return text(value);
}

/** The partitions the range's folders (and one more on each side) are in, as a condition. */
function partitionCondition(options: AthenaQueryOptions, parameters: string[]): string[] {
	const {table, range} = options;
	const partitionsAt = table.partitionsAt;
	if (partitionsAt === undefined) {
		return [];
	}

	const step = table.partitionSeconds;
	const tuples = new Map<string, string[]>();
	for (let at = Math.floor(range.start / step) * step - step; at < range.end + step; at += step) {
		const values = partitionsAt(at);
		if (values === undefined) {
			return [];
		}

		const tuple = table.partitionKeys.map((key) =>
			literal(values.get(key.name.toLowerCase()) ?? '', key),
		);
		tuples.set(tuple.join('\n'), tuple);
	}

	const keys = table.partitionKeys.map((key) => quote(key.name.toLowerCase()));
	const alternatives = [...tuples.values()].map((tuple) => {
		parameters.push(...tuple);
		return keys.map((key) => `${key} = ?`).join(' AND ');
	});
	return [
		alternatives.length === 1
			? (alternatives[0] ?? '')
			: `(${alternatives.map((alternative) => `(${alternative})`).join(' OR ')})`,
	];
}

function inList(column: string, values: readonly string[], parameters: string[]): string {
	parameters.push(...values.map(text));
	return `${column} IN (${values.map(() => '?').join(', ')})`;
}

export function buildAthenaQuery(options: AthenaQueryOptions): AthenaQuery {
	const {table} = options;
	const column = (field: string) => {
		const name = table.columns.get(field);
		return name === undefined ? undefined : quote(name);
	};
	const action = column('action') ?? quote('action');
	const start = column('start') ?? quote('start');
	const end = column('end') ?? quote('end');
	const interfaceId = column('interface-id');
	const srcAddr = column('srcaddr');
	const dstPort = column('dstport');
	const packets = column('packets');
	const bytes = column('bytes');
	const width = Math.max(1, Math.floor(options.bucketSeconds));

	const parameters: string[] = [];
	const conditions = [...partitionCondition(options, parameters)];
	if (options.paths.length > 0) {
		conditions.push(inList('"$path"', options.paths, parameters));
	}

	conditions.push(`${end} >= ?`, `${end} < ?`);
	parameters.push(String(options.range.start), String(options.range.end));
	if (interfaceId !== undefined && options.interfaceIds.length > 0) {
		conditions.push(inList(interfaceId, options.interfaceIds, parameters));
	}

	conditions.push(`${action} IN ('ACCEPT', 'REJECT')`);
	const picked = [
		`(${start} / ${width}) * ${width} AS "bucket"`,
		`${action} AS "action"`,
		...(interfaceId === undefined ? [] : [`${interfaceId} AS "interface_id"`]),
		...(srcAddr === undefined ? [] : [`${srcAddr} AS "srcaddr"`]),
		...(dstPort === undefined ? [] : [`${dstPort} AS "dstport"`]),
		...(packets === undefined ? [] : [`${packets} AS "packets"`]),
		...(bytes === undefined ? [] : [`${bytes} AS "bytes"`]),
	];
	const timelineSet = [
		'"bucket"',
		'"action"',
		...(interfaceId === undefined ? [] : ['"interface_id"']),
	];
	const sourcesSet = [
		'"action"',
		'"srcaddr"',
		...(dstPort === undefined ? [] : ['"dstport"']),
		...(interfaceId === undefined ? [] : ['"interface_id"']),
	];
	const groups = srcAddr === undefined ? [timelineSet] : [timelineSet, sourcesSet];
	const columns = [...new Set(groups.flat())];
	const sums = [
		'count(*) AS "flows"',
		...(packets === undefined ? [] : ['sum("packets") AS "packets"']),
		...(bytes === undefined ? [] : ['sum("bytes") AS "bytes"']),
	];
	const timelineFlag = srcAddr === undefined ? '1' : 'grouping("srcaddr")';
	const sql = [
		`WITH "records" AS (SELECT ${picked.join(', ')} FROM ${quote(table.database)}.${quote(table.name)} WHERE ${conditions.join(' AND ')}),`,
		`"groups" AS (SELECT ${columns.join(', ')}, ${sums.join(', ')}, ${timelineFlag} AS "timeline" FROM "records" GROUP BY GROUPING SETS (${groups.map((set) => `(${set.join(', ')})`).join(', ')}))`,
		`SELECT * FROM (SELECT "groups".*, row_number() OVER (PARTITION BY "timeline" ORDER BY "flows" DESC) AS "rank" FROM "groups") WHERE "timeline" = 1 OR "rank" <= ${athenaSourceRows}`,
	].join(' ');
	return {sql, parameters};
}

export type AthenaAnswer = {
	readonly timeline: InsightsRow[];
	readonly sources: InsightsRow[];
};

const cellNames: Readonly<Record<string, string>> = {
	bucket: aggregateColumns.bucket,
	action: aggregateColumns.action,
	interface_id: aggregateColumns.interfaceId,
	srcaddr: aggregateColumns.srcAddr,
	dstport: aggregateColumns.dstPort,
	flows: aggregateColumns.flows,
	packets: aggregateColumns.packets,
	bytes: aggregateColumns.bytes,
};

const timelineCells = new Set(['bucket', 'action', 'interface_id', 'flows', 'packets', 'bytes']);
const sourceCells = new Set([
	'action',
	'srcaddr',
	'dstport',
	'interface_id',
	'flows',
	'packets',
	'bytes',
]);

/**
 * The answer's rows as the Insights timeline and sources queries return theirs, so the same code
 * merges both. The sources leave out the path's own addresses, as the Insights query does.
 */
export function athenaRows(
	header: readonly string[],
	rows: readonly (readonly (string | null)[])[],
	localAddrs: readonly string[],
): AthenaAnswer {
	const local = new Set(localAddrs);
	const at = (name: string) => header.indexOf(name);
	const timelineAt = at('timeline');
	const timeline: InsightsRow[] = [];
	const sources: InsightsRow[] = [];
	for (const row of rows) {
		const isTimeline = row[timelineAt] === '1';
		const keep = isTimeline ? timelineCells : sourceCells;
		const cells = header.flatMap((name, index) => {
			const value = row[index];
			const field = cellNames[name];
			return value === null || value === undefined || field === undefined || !keep.has(name)
				? []
				: [{field, value}];
		});
		if (isTimeline) {
			timeline.push(cells);
		} else if (!local.has(row[at('srcaddr')] ?? '')) {
			sources.push(cells);
		}
	}

	const flows = (row: InsightsRow) =>
		Number(row.find((cell) => cell.field === aggregateColumns.flows)?.value ?? 0);
	sources.sort((left, right) => flows(right) - flows(left));
	return {timeline, sources};
}
