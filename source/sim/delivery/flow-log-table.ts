// The Glue table AWS's Athena documentation creates for a flow log in S3: one column per field of
// the flow log's format (hyphens become underscores, numbers typed as AWS types them), the text or
// Parquet SerDe, and partition projection over the flow log's own folders (day, or day and hour;
// the Hive folders' year/month/day/hour when the flow log writes Hive-compatible prefixes).
import type {FlowLogDestinationOptions, GlueColumn, GlueTable} from '../world/types.js';
import {columnNameOf, columnTypeOf} from './flow-log-objects.js';

export type FlowLogTableSpec = {
	readonly databaseName: string;
	readonly name: string;
	readonly bucket: string;
	readonly prefix: string;
	readonly accountId: string;
	readonly region: string;
	readonly fields: readonly string[];
	readonly options: FlowLogDestinationOptions;
	readonly createTime: number;
};

const textSerde = {
	inputFormat: 'org.apache.hadoop.mapred.TextInputFormat',
	outputFormat: 'org.apache.hadoop.hive.ql.io.HiveIgnoreKeyTextOutputFormat',
	serializationLibrary: 'org.apache.hadoop.hive.serde2.lazy.LazySimpleSerDe',
	serdeParameters: {'field.delim': ' ', 'serialization.format': ' '},
};

const parquetSerde = {
	inputFormat: 'org.apache.hadoop.hive.ql.io.parquet.MapredParquetInputFormat',
	outputFormat: 'org.apache.hadoop.hive.ql.io.parquet.MapredParquetOutputFormat',
	serializationLibrary: 'org.apache.hadoop.hive.ql.io.parquet.serde.ParquetHiveSerDe',
	serdeParameters: {'serialization.format': '1'},
};

function partitioning(spec: FlowLogTableSpec): {
	keys: GlueColumn[];
	parameters: Record<string, string>;
} {
	const base = `s3://${spec.bucket}/${spec.prefix}AWSLogs/`;
	const {perHourPartition: hourly, hiveCompatiblePartitions: hive} = spec.options;
	if (hive) {
		const names = ['year', 'month', 'day', ...(hourly ? ['hour'] : [])];
		const ranges: Record<string, [string, string]> = {
			year: ['2020', '2100'],
			month: ['1', '12'],
			day: ['1', '31'],
			hour: ['0', '23'],
		};
		const parameters: Record<string, string> = {'projection.enabled': 'true'};
		for (const name of names) {
			const [low, high] = ranges[name] ?? ['0', '0'];
			parameters[`projection.${name}.type`] = 'integer';
			parameters[`projection.${name}.range`] = `${low},${high}`;
			parameters[`projection.${name}.digits`] = name === 'year' ? '4' : '2';
		}
		parameters['storage.location.template'] =
			`${base}aws-account-id=${spec.accountId}/aws-service=vpcflowlogs/aws-region=${spec.region}/${names.map((name) => `${name}=\${${name}}`).join('/')}`;
		return {keys: names.map((name) => ({name, type: 'string'})), parameters};
	}
	const parameters: Record<string, string> = {
		'projection.enabled': 'true',
		'projection.day.type': 'date',
		'projection.day.format': 'yyyy/MM/dd',
		'projection.day.range': '2021/01/01,NOW',
		'projection.day.interval': '1',
		'projection.day.interval.unit': 'DAYS',
		'storage.location.template': `${base}${spec.accountId}/vpcflowlogs/${spec.region}/\${day}${hourly ? `/\${hour}` : ''}`,
	};
	if (hourly) {
		parameters['projection.hour.type'] = 'integer';
		parameters['projection.hour.range'] = '0,23';
		parameters['projection.hour.digits'] = '2';
	}
	return {
		keys: [{name: 'day', type: 'string'}, ...(hourly ? [{name: 'hour', type: 'string'}] : [])],
		parameters,
	};
}

export function flowLogTable(spec: FlowLogTableSpec): GlueTable {
	const parquet = spec.options.fileFormat === 'parquet';
	const {keys, parameters} = partitioning(spec);
	return {
		databaseName: spec.databaseName,
		name: spec.name,
		createTime: spec.createTime,
		columns: spec.fields.map((field) => ({name: columnNameOf(field), type: columnTypeOf(field)})),
		partitionKeys: keys,
		location: `s3://${spec.bucket}/${spec.prefix}AWSLogs/`,
		...(parquet ? parquetSerde : textSerde),
		parameters: {
			...(parquet ? {} : {'skip.header.line.count': '1'}),
			...parameters,
		},
	};
}
