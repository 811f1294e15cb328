// The CREATE TABLE `--print-athena-ddl` prints for a flow log in S3, for the user to run (lbtop
// never creates anything): one column per field of the flow log's own LogFormat, typed as AWS's
// Athena documentation types them (hyphens become underscores), the text or Parquet SerDe, the
// destination as LOCATION, and partition projection over the folders the flow log writes, so no
// partition ever needs adding.
import type {FlowFormat} from '../flows/flow-format.js';
import {columnOf} from './athena-table.js';
import type {S3FeedSource} from './s3-keys.js';

const intFields = new Set(['version', 'srcport', 'dstport', 'tcp-flags', 'traffic-path']);
const bigintFields = new Set(['protocol', 'packets', 'bytes', 'start', 'end']);

export function hiveTypeOf(field: string): 'int' | 'bigint' | 'string' {
	return intFields.has(field) ? 'int' : bigintFields.has(field) ? 'bigint' : 'string';
}

/** A table name Athena takes: lower case letters, digits and underscores. */
export function ddlTableName(source: S3FeedSource): string {
	return `vpc_flow_logs_${source.flowLogId.replace(/[^a-z0-9]/gi, '_').toLowerCase()}`;
}

type Projection = {readonly keys: readonly string[]; readonly properties: readonly string[][]};

function projection(source: S3FeedSource): Projection {
	const base = `s3://${source.bucket}/${source.prefix}AWSLogs/`;
	const {hiveCompatiblePartitions: hive, perHourPartition: hourly} = source.options;
	if (hive) {
		const keys = ['year', 'month', 'day', ...(hourly ? ['hour'] : [])];
		const ranges: Record<string, string> = {
			year: '2020,2100',
			month: '1,12',
			day: '1,31',
			hour: '0,23',
		};
		return {
			keys,
			properties: [
				...keys.flatMap((key) => [
					[`projection.${key}.type`, 'integer'],
					[`projection.${key}.range`, ranges[key] ?? ''],
					[`projection.${key}.digits`, key === 'year' ? '4' : '2'],
				]),
				[
					'storage.location.template',
					`${base}aws-account-id=${source.accountId}/aws-service=vpcflowlogs/aws-region=${source.region}/${keys.map((key) => `${key}=\${${key}}`).join('/')}`,
				],
			],
		};
	}

	return {
		keys: ['day', ...(hourly ? ['hour'] : [])],
		properties: [
			['projection.day.type', 'date'],
			['projection.day.format', 'yyyy/MM/dd'],
			['projection.day.range', '2021/01/01,NOW'],
			['projection.day.interval', '1'],
			['projection.day.interval.unit', 'DAYS'],
			...(hourly
				? [
						['projection.hour.type', 'integer'],
						['projection.hour.range', '0,23'],
						['projection.hour.digits', '2'],
					]
				: []),
			[
				'storage.location.template',
				`${base}${source.accountId}/vpcflowlogs/${source.region}/\${day}${hourly ? `/\${hour}` : ''}`,
			],
		],
	};
}

export function athenaDdl(
	source: S3FeedSource,
	format: FlowFormat,
	database = 'default',
	table = ddlTableName(source),
): string {
	const parquet = source.options.fileFormat === 'parquet';
	const {keys, properties} = projection(source);
	const columns = format.fields.map((field) => `  \`${columnOf(field)}\` ${hiveTypeOf(field)}`);
	const storage = parquet
		? [
				"ROW FORMAT SERDE 'org.apache.hadoop.hive.ql.io.parquet.serde.ParquetHiveSerDe'",
				"STORED AS INPUTFORMAT 'org.apache.hadoop.hive.ql.io.parquet.MapredParquetInputFormat'",
				"OUTPUTFORMAT 'org.apache.hadoop.hive.ql.io.parquet.MapredParquetOutputFormat'",
			]
		: ["ROW FORMAT DELIMITED FIELDS TERMINATED BY ' '"];
	const tableProperties = [
		['projection.enabled', 'true'],
		...(parquet ? [] : [['skip.header.line.count', '1']]),
		...properties,
	];
	return [
		`-- ${source.flowLogId}: flow logs in s3://${source.bucket}/${source.prefix}, ${parquet ? 'Parquet' : 'gzip text'}${source.options.hiveCompatiblePartitions ? ', Hive-compatible folders' : ''}${source.options.perHourPartition ? ', by hour' : ''}`,
		`CREATE EXTERNAL TABLE IF NOT EXISTS \`${database}\`.\`${table}\` (`,
		columns.join(',\n'),
		')',
		`PARTITIONED BY (${keys.map((key) => `\`${key}\` string`).join(', ')})`,
		...storage,
		`LOCATION 's3://${source.bucket}/${source.prefix}AWSLogs/'`,
		'TBLPROPERTIES (',
		tableProperties.map(([name, value]) => `  '${name}' = '${value}'`).join(',\n'),
		');',
		'',
	].join('\n');
}
