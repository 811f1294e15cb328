// Which objects make up a table and the partition values of each, as Athena finds them: with
// partition projection, by matching each key against `storage.location.template` (or the Hive
// `name=value` folders under the location) and keeping values inside each projection's range;
// without it, Hive-style folders count as registered partitions (as after MSCK REPAIR TABLE), and
// objects of a partitioned table that has neither are not read at all.
import type {GlueTable, S3Bucket, S3Object} from '../../world/types.js';

export type TableFile = {
	readonly bucket: string;
	readonly object: S3Object;
	/** Partition column (lower case) -> value as text. */
	readonly values: ReadonlyMap<string, string>;
};

type Location = {readonly bucket: string; readonly prefix: string};

export function parseS3Url(url: string): Location | undefined {
	const match = /^s3a?:\/\/([^/]+)\/?(.*)$/.exec(url.trim());
	if (match?.[1] === undefined) {
		return undefined;
	}
	return {bucket: match[1], prefix: match[2] ?? ''};
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A Java date format (`yyyy/MM/dd`, `yyyy-MM-dd-HH`) as a pattern for its values. */
function datePattern(format: string): string {
	return format
		.split(/(yyyy|MM|dd|HH|mm|ss)/)
		.map((part) => {
			switch (part) {
				case 'yyyy':
					return '\\d{4}';
				case 'MM':
				case 'dd':
				case 'HH':
				case 'mm':
				case 'ss':
					return '\\d{2}';
				default:
					return escapeRegExp(part);
			}
		})
		.join('');
}

/** Unix ms of a date value in its format (UTC), undefined when it does not read. */
export function readDate(value: string, format: string): number | undefined {
	const names: string[] = [];
	const pattern = format
		.split(/(yyyy|MM|dd|HH|mm|ss)/)
		.map((part) => {
			if (/^(yyyy|MM|dd|HH|mm|ss)$/.test(part)) {
				names.push(part);
				return part === 'yyyy' ? '(\\d{4})' : '(\\d{2})';
			}
			return escapeRegExp(part);
		})
		.join('');
	const match = new RegExp(`^${pattern}$`).exec(value);
	if (match === null) {
		return undefined;
	}
	const part = (name: string, fallback: number) => {
		const at = names.indexOf(name);
		return at < 0 ? fallback : Number(match[at + 1]);
	};
	return Date.UTC(
		part('yyyy', 1970),
		part('MM', 1) - 1,
		part('dd', 1),
		part('HH', 0),
		part('mm', 0),
		part('ss', 0),
	);
}

/** `NOW`, `NOW-3DAYS`, `NOW+1HOURS` or a value in the format. */
function rangeBound(text: string, format: string, now: number): number | undefined {
	const relative =
		/^NOW(?:([-+])(\d+)(YEARS?|MONTHS?|WEEKS?|DAYS?|HOURS?|MINUTES?|SECONDS?))?$/i.exec(
			text.trim(),
		);
	if (relative === null) {
		return readDate(text.trim(), format);
	}
	const [, sign = '+', amount = '0', unit = 'DAYS'] = relative;
	const unitMs: Record<string, number> = {
		Y: 365 * 86_400_000,
		M: 30 * 86_400_000,
		W: 7 * 86_400_000,
		D: 86_400_000,
		H: 3_600_000,
		S: 1000,
	};
	const key = unit.toUpperCase().startsWith('MI') ? 'MI' : unit.toUpperCase().charAt(0);
	const step = key === 'MI' ? 60_000 : (unitMs[key] ?? 86_400_000);
	return now + (sign === '-' ? -1 : 1) * Number(amount) * step;
}

type Projection = {readonly pattern: string; readonly accepts: (value: string) => boolean};

function projectionOf(table: GlueTable, column: string, now: number): Projection {
	const parameter = (name: string) => table.parameters[`projection.${column}.${name}`];
	switch (parameter('type')) {
		case 'date': {
			const format = parameter('format') ?? 'yyyy-MM-dd';
			const [low, high] = (parameter('range') ?? '').split(',');
			const from = low === undefined ? undefined : rangeBound(low, format, now);
			const to = high === undefined ? undefined : rangeBound(high, format, now);
			return {
				pattern: datePattern(format),
				accepts: (value) => {
					const time = readDate(value, format);
					return (
						time !== undefined &&
						(from === undefined || time >= from) &&
						(to === undefined || time <= to)
					);
				},
			};
		}
		case 'enum': {
			const values = (parameter('values') ?? '').split(',').map((value) => value.trim());
			return {pattern: '[^/]+', accepts: (value) => values.includes(value)};
		}
		case 'integer': {
			const [low = '-Infinity', high = 'Infinity'] = (parameter('range') ?? '').split(',');
			return {
				pattern: '-?\\d+',
				accepts: (value) => Number(value) >= Number(low) && Number(value) <= Number(high),
			};
		}
		default:
			return {pattern: '[^/]+', accepts: () => true};
	}
}

function templateMatcher(table: GlueTable, template: string, now: number) {
	const columns: string[] = [];
	const projections: Projection[] = [];
	const pattern = template
		.split(/(\$\{[^}]+\})/)
		.map((part) => {
			const name = /^\$\{([^}]+)\}$/.exec(part)?.[1];
			if (name === undefined) {
				return escapeRegExp(part);
			}
			const projection = projectionOf(table, name.toLowerCase(), now);
			columns.push(name.toLowerCase());
			projections.push(projection);
			return `(${projection.pattern})`;
		})
		.join('');
	const expression = new RegExp(`^${pattern.replace(/\/?$/, '')}/`);
	return (url: string): Map<string, string> | undefined => {
		const match = expression.exec(url);
		if (match === null) {
			return undefined;
		}
		const values = new Map<string, string>();
		for (const [index, column] of columns.entries()) {
			const value = match[index + 1] ?? '';
			if (!projections[index]?.accepts(value)) {
				return undefined;
			}
			values.set(column, value);
		}
		return values;
	};
}

function hiveValues(
	relative: string,
	partitionKeys: readonly string[],
): Map<string, string> | undefined {
	const values = new Map<string, string>();
	for (const segment of relative.split('/').slice(0, -1)) {
		const equals = segment.indexOf('=');
		if (equals > 0) {
			values.set(
				decodeURIComponent(segment.slice(0, equals)).toLowerCase(),
				decodeURIComponent(segment.slice(equals + 1)),
			);
		}
	}
	return partitionKeys.every((key) => values.has(key)) ? values : undefined;
}

/** Every visible object of the table, with its partition values. */
export function tableFiles(
	table: GlueTable,
	buckets: readonly S3Bucket[],
	now: number,
): TableFile[] {
	const location = parseS3Url(table.location);
	const bucket = buckets.find((candidate) => candidate.name === location?.bucket);
	if (location === undefined || bucket === undefined) {
		return [];
	}
	const keys = table.partitionKeys.map((key) => key.name.toLowerCase());
	const projected = table.parameters['projection.enabled']?.toLowerCase() === 'true';
	const template = table.parameters['storage.location.template'];
	const matchTemplate =
		projected && template !== undefined ? templateMatcher(table, template, now) : undefined;
	const files: TableFile[] = [];
	for (const object of bucket.objects) {
		if (
			object.lastModified > now ||
			!object.key.startsWith(location.prefix) ||
			object.key.endsWith('/')
		) {
			continue;
		}
		const url = `s3://${bucket.name}/${object.key}`;
		let values: Map<string, string> | undefined = new Map();
		if (keys.length > 0) {
			values = matchTemplate?.(url) ?? hiveValues(object.key.slice(location.prefix.length), keys);
			if (values !== undefined && projected && matchTemplate === undefined) {
				const checked = values;
				values = keys.every((key) => projectionOf(table, key, now).accepts(checked.get(key) ?? ''))
					? values
					: undefined;
			}
		}
		if (values !== undefined) {
			files.push({bucket: bucket.name, object, values});
		}
	}
	return files;
}
