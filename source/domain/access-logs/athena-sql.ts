// What every access log query shares: the table, and a range that prunes partitions by `day` and
// then filters exactly on the entry's own time and the LB (a bucket folder holds every LB of the
// account and region, and ALB connection logs too). Values are passed as Athena
// ExecutionParameters (`?`), which Athena substitutes as literals: strings arrive quoted.
import {sqlString} from './athena-ddl.js';
import {dayText} from './object-key.js';

// One query shape for every Athena question lbtop asks, flow logs and access logs alike.
export type {AthenaQuery} from '../flows-window/athena-query.js';

/** The Glue table of the access logs (`--athena-table db.table`, or found in the catalog). */
export type AccessLogTable = {readonly database: string; readonly name: string};

export type QueryRange = {
	/** The entries' `elb` field: `app/<name>/<id>` or `net/<name>/<id>`. */
	readonly elb: string;
	/** Unix ms, start inclusive, end exclusive. */
	readonly start: number;
	readonly end: number;
};

/**
 * Files are filed by delivery date: an entry can sit in the next day's folder when its interval
 * ends just before midnight. Delivery is a few minutes late; an hour of margin keeps a late file
 * without scanning the next day for every range.
 */
export const deliveryMarginMs = 60 * 60_000;

export function tableRef(table: AccessLogTable): string {
	for (const name of [table.database, table.name]) {
		if (!/^[A-Za-z0-9_]{1,255}$/.test(name)) {
			throw new Error(`${name} is not an Athena database or table name (letters, digits, _)`);
		}
	}

	return `"${table.database.toLowerCase()}"."${table.name.toLowerCase()}"`;
}

export function rangeFilter(range: QueryRange): {
	readonly where: string;
	readonly parameters: string[];
} {
	if (!/^(?:app|net)\/[A-Za-z0-9-]{1,32}\/[0-9a-f]{1,32}$/.test(range.elb)) {
		throw new Error(`${range.elb} is not an ELB resource id (app/<name>/<id> or net/<name>/<id>)`);
	}

	if (!(range.end > range.start)) {
		throw new Error('the query range ends before it starts');
	}

	return {
		where: [
			'day BETWEEN ? AND ?',
			'elb = ?',
			'from_iso8601_timestamp(time) >= from_unixtime(?)',
			'from_iso8601_timestamp(time) < from_unixtime(?)',
		].join('\n    AND '),
		parameters: [
			sqlString(dayText(range.start)),
			sqlString(dayText(range.end + deliveryMarginMs)),
			sqlString(range.elb),
			String(range.start / 1000),
			String(range.end / 1000),
		],
	};
}

/** A result row by column name, as Athena returns it after the header row: every value text. */
export type AthenaRow = Readonly<Record<string, string | undefined>>;

export function numberOf(row: AthenaRow, column: string): number | undefined {
	const text = row[column];
	if (text === undefined || text === '') {
		return undefined;
	}

	const value = Number(text);
	return Number.isFinite(value) ? value : undefined;
}

export function countOf(row: AthenaRow, column: string): number {
	return Math.max(0, Math.round(numberOf(row, column) ?? 0));
}

/** The runner's answer (a header and rows of cells, null for SQL NULL) as rows by column name. */
export function rowsByName(
	header: readonly string[],
	rows: readonly (readonly (string | null)[])[],
): AthenaRow[] {
	return rows.map((cells) =>
		Object.fromEntries(
			header.flatMap((name, index) => {
				const cell = cells[index];
				return cell === null || cell === undefined ? [] : [[name, cell]];
			}),
		),
	);
}
