// The Glue table the Athena user guide creates for ALB or NLB access logs: its columns, the
// RegexSerDe and its pattern, and partition projection on the delivery day (yyyy/MM/dd) under
// `s3://bucket/prefix/AWSLogs/<acct>/elasticloadbalancing/<region>/`. Taken from the DDL lbtop
// prints with --print-athena-ddl, so the sim's catalog holds what a user would have created.
import {
	albColumns,
	albPattern,
	nlbColumns,
	nlbPattern,
} from '../../domain/access-logs/athena-ddl.js';
import type {GlueTable} from '../world/types.js';

export type AccessLogTableSpec = {
	readonly databaseName: string;
	readonly name: string;
	readonly type: 'application' | 'network';
	readonly bucket: string;
	/** `prefix/` inside the bucket, or empty. */
	readonly prefix: string;
	readonly accountId: string;
	readonly region: string;
	readonly createTime: number;
};

export function accessLogTable(spec: AccessLogTableSpec): GlueTable {
	const location = `s3://${spec.bucket}/${spec.prefix}AWSLogs/${spec.accountId}/elasticloadbalancing/${spec.region}/`;
	const application = spec.type === 'application';
	return {
		databaseName: spec.databaseName,
		name: spec.name,
		createTime: spec.createTime,
		columns: (application ? albColumns : nlbColumns).map(([name, type]) => ({name, type})),
		partitionKeys: [{name: 'day', type: 'string'}],
		location,
		inputFormat: 'org.apache.hadoop.mapred.TextInputFormat',
		outputFormat: 'org.apache.hadoop.hive.ql.io.HiveIgnoreKeyTextOutputFormat',
		serializationLibrary: 'org.apache.hadoop.hive.serde2.RegexSerDe',
		serdeParameters: {
			'serialization.format': '1',
			// As Glue keeps it once the DDL's string literal is read: `\"` is a quote.
			'input.regex': (application ? albPattern : nlbPattern).replaceAll('\\"', '"'),
		},
		parameters: {
			'projection.enabled': 'true',
			'projection.day.type': 'date',
			'projection.day.range': '2022/01/01,NOW',
			'projection.day.format': 'yyyy/MM/dd',
			'projection.day.interval': '1',
			'projection.day.interval.unit': 'DAYS',
			'storage.location.template': `${location}\${day}`,
		},
	};
}
