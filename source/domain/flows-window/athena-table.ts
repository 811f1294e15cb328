// Whether a table of the Glue Data Catalog fits a flow log in S3, and how to prune it. A table fits
// when its location (or partition projection's `storage.location.template`) covers the flow log's
// folders and it has a column for each field lbtop counts by; a text table reads columns by
// position, so there each must also sit where the flow log's format puts the field. Its partition
// values are read off the flow log's own folder for a time, through the template (or Hive
// `name=value` folders), so any layout AWS writes prunes by day or hour.
import {type FlowFormat, renderLogFormat} from '../flows/flow-format.js';
import {folderOf, type S3FeedSource} from './s3-keys.js';

export type CatalogColumn = {readonly name: string; readonly type: string};

/** A Glue table as GetTable describes it. */
export type CatalogTable = {
	readonly database: string;
	readonly name: string;
	readonly columns: readonly CatalogColumn[];
	readonly partitionKeys: readonly CatalogColumn[];
	readonly location: string;
	readonly parameters: Readonly<Record<string, string>>;
	/** SerDe and input format, e.g. `...LazySimpleSerDe`, `...ParquetHiveSerDe`. */
	readonly storage: string;
};

/** The fields lbtop's aggregates need, by the column that holds each. */
export type AthenaTable = {
	readonly database: string;
	readonly name: string;
	/** Field (`interface-id`) -> column (`interface_id`). */
	readonly columns: ReadonlyMap<string, string>;
	/** Partition values for the folder a time falls in; undefined when they cannot be read. */
	readonly partitionsAt?: (seconds: number) => ReadonlyMap<string, string> | undefined;
	readonly partitionKeys: readonly CatalogColumn[];
	/** Folders a partition spans: a day, or an hour. */
	readonly partitionSeconds: number;
};

export type TableFit =
	| {readonly ok: true; readonly table: AthenaTable; readonly warnings: readonly string[]}
	| {readonly ok: false; readonly covers: boolean; readonly problems: readonly string[]};

/** Fields the Athena query counts by; those the format has must be columns of the table. */
const usedFields = [
	'action',
	'interface-id',
	'srcaddr',
	'dstport',
	'packets',
	'bytes',
	'start',
	'end',
];
const requiredFields = ['action', 'start', 'end'];
const numericFields = new Set(['dstport', 'packets', 'bytes', 'start', 'end']);
const numericType = /^(tinyint|smallint|int|integer|bigint|double|float|real|decimal\(.*\))$/;

export const columnOf = (field: string) => field.replaceAll('-', '_');

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function datePattern(format: string): string {
	return format
		.split(/(yyyy|MM|dd|HH)/)
		.map((part) =>
			part === 'yyyy' ? '\\d{4}' : /^(MM|dd|HH)$/.test(part) ? '\\d{2}' : escapeRegExp(part),
		)
		.join('');
}

function placeholderPattern(table: CatalogTable, name: string): string {
	const parameter = (suffix: string) => table.parameters[`projection.${name}.${suffix}`];
	switch (parameter('type')) {
		case 'date':
			return datePattern(parameter('format') ?? 'yyyy-MM-dd');
		case 'integer':
			return '\\d+';
		default:
			return '[^/]+';
	}
}

type Template = {readonly expression: RegExp; readonly names: readonly string[]};

function templateOf(table: CatalogTable): Template | undefined {
	const projected = table.parameters['projection.enabled']?.toLowerCase() === 'true';
	const template = table.parameters['storage.location.template'];
	if (!projected || template === undefined) {
		return undefined;
	}

	const names: string[] = [];
	const pattern = template
		.split(/(\$\{[^}]+\})/)
		.map((part) => {
			const name = /^\$\{([^}]+)\}$/.exec(part)?.[1]?.toLowerCase();
			if (name === undefined) {
				return escapeRegExp(part);
			}

			names.push(name);
			return `(${placeholderPattern(table, name)})`;
		})
		.join('');
	return {expression: new RegExp(`^${pattern.replace(/\/$/, '')}(?:/|$)`), names};
}

const withSlash = (url: string) => (url.endsWith('/') ? url : `${url}/`);

function hiveValues(path: string): Map<string, string> {
	const values = new Map<string, string>();
	for (const segment of path.split('/')) {
		const equals = segment.indexOf('=');
		if (equals > 0) {
			values.set(segment.slice(0, equals).toLowerCase(), segment.slice(equals + 1));
		}
	}

	return values;
}

export function fitTable(
	table: CatalogTable,
	source: S3FeedSource,
	format: FlowFormat,
	nowSeconds: number,
): TableFit {
	const name = `${table.database}.${table.name}`;
	const folderUrl = (seconds: number) => `s3://${source.bucket}/${folderOf(source, seconds)}`;
	const template = templateOf(table);
	const sample = folderUrl(nowSeconds);
	const covers =
		template === undefined
			? sample.startsWith(withSlash(table.location))
			: template.expression.test(sample);
	if (!covers) {
		return {
			ok: false,
			covers: false,
			problems: [
				`${name} does not cover ${sample} (its ${template === undefined ? 'location' : 'storage.location.template'} is ${template === undefined ? table.location : table.parameters['storage.location.template']})`,
			],
		};
	}

	const problems: string[] = [];
	const columns = new Map<string, string>();
	const positional = !/parquet/i.test(table.storage);
	for (const field of usedFields) {
		const at = format.fields.indexOf(field);
		if (at < 0) {
			if (requiredFields.includes(field)) {
				problems.push(`the flow log's format has no ${field} field, which lbtop counts by`);
			}
			continue;
		}

		const column = columnOf(field);
		const index = table.columns.findIndex((candidate) => candidate.name.toLowerCase() === column);
		const type = table.columns[index]?.type.toLowerCase() ?? '';
		if (index < 0) {
			problems.push(`${name} has no column ${column} (the flow log's format has ${field})`);
		} else if (numericFields.has(field) && !numericType.test(type)) {
			problems.push(
				`${name}'s column ${column} is ${type}: lbtop sums and compares it as a number (AWS's DDL makes it ${field === 'dstport' ? 'int' : 'bigint'})`,
			);
		} else if (positional && index !== at) {
			problems.push(
				`${name} has ${column} as column ${index + 1}, but the flow log writes ${field} as field ${at + 1} (a text table reads columns by position: ${renderLogFormat(format)})`,
			);
		} else {
			columns.set(field, column);
		}
	}

	if (problems.length > 0) {
		return {ok: false, covers: true, problems};
	}

	const keys = table.partitionKeys.map((key) => key.name.toLowerCase());
	const partitionsAt = (seconds: number): Map<string, string> | undefined => {
		const url = folderUrl(seconds);
		const match = template?.expression.exec(url);
		const values =
			template === undefined || match === null || match === undefined
				? hiveValues(url.slice(withSlash(table.location).length))
				: new Map(template.names.map((key, index) => [key, match[index + 1] ?? '']));
		return keys.every((key) => values.has(key)) ? values : undefined;
	};
	const warnings =
		keys.length > 0 && partitionsAt(nowSeconds) === undefined
			? [
					`lbtop cannot tell which of ${name}'s partitions (${keys.join(', ')}) a folder is: its queries name the files they read but not the partitions`,
				]
			: [];
	return {
		ok: true,
		table: {
			database: table.database,
			name: table.name,
			columns,
			partitionKeys: table.partitionKeys,
			partitionSeconds: source.options.perHourPartition ? 3600 : 86_400,
			...(keys.length > 0 && warnings.length === 0 ? {partitionsAt} : {}),
		},
		warnings,
	};
}
